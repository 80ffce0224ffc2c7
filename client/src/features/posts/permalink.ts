/** A post's own address: its debate, scrolled to it, with the posts above and below it. */
export function permalink(post: { id: string; debateId: string }): string {
  return `/debates/${post.debateId}/posts/${post.id}`;
}
