/** `@name` where a username may stand: 3–32 of [A-Za-z0-9_], not inside a word or an e-mail address. */
const MENTION = /(?<![\w@.])@([A-Za-z0-9_]{3,32})(?![\w@])/g;
/** Code blocks and inline code: `@name` in code is an example, not a call. */
const CODE = /```[\s\S]*?(```|$)|~~~[\s\S]*?(~~~|$)|`[^`\n]*`/g;

/** The distinct usernames a body mentions, lower-cased (usernames are unique case-insensitively). */
export function mentionedUsernames(body: string): string[] {
  const prose = body.replace(CODE, ' ');
  return [...new Set([...prose.matchAll(MENTION)].map((match) => match[1].toLowerCase()))];
}
