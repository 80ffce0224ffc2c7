import type { PostResponseDto } from './dto/post-response.dto';
import type { PostRow } from './post.repository';

/**
 * What readers see of a deleted post: its place in the thread, no words, no author, no anchor, no relation. Its
 * author alone still learns it is theirs (`mine`) and, when a moderator deleted it, why: so they may appeal.
 */
export function asTombstone(post: PostResponseDto): PostResponseDto {
  return {
    ...post,
    status: 'deleted',
    body: '',
    author: null,
    sectionId: null,
    quote: null,
    label: null,
    statusReason: post.mine ? post.statusReason : null,
    relation: null,
    mentions: [],
  };
}

/** A post as the API answers it; `myVote` and `mine` only for a signed-in reader. */
export function toPostDto(row: PostRow, reader: { id: string } | null): PostResponseDto {
  const post: PostResponseDto = {
    id: row.id,
    debateId: row.debate_id,
    parentId: row.parent_id,
    author: { id: row.author_id, username: row.author_username, displayName: row.author_display_name },
    body: row.body,
    stance: row.stance,
    relation: row.relation,
    mentions: row.mentions,
    sectionId: row.section_id,
    quote: row.quote,
    status: row.status,
    score: row.score,
    replyCount: row.reply_count,
    supportCount: row.support_count,
    challengeCount: row.challenge_count,
    depth: row.depth,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    seq: row.seq === null ? null : Number(row.seq),
    label: row.label_kind
      ? {
          kind: row.label_kind,
          note: row.label_note ?? '',
          sourceUrl: row.label_source_url,
          createdAt: row.label_created_at!.toISOString(),
        }
      : null,
    statusReason: row.status_cause ? { cause: row.status_cause, note: row.status_note } : null,
    ...(reader ? { myVote: row.my_vote ?? 0, mine: row.author_id === reader.id } : {}),
  };
  return row.status === 'deleted' ? asTombstone(post) : post;
}
