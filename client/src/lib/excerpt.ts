/** A post's first words as plain text (Markdown marks dropped), for one line in a list. */
export function excerpt(body: string, length = 140): string {
  const text = body
    .replace(/[#>*_`~[\]()!-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
