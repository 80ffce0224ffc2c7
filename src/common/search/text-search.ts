/**
 * Full-text search in German and English at once. Stored vectors hold a text's German and English lexemes side by
 * side; a query is read by both stemmers and either reading may match, so inflected forms in both languages find
 * each other (*Wahlen* → *wahl*, *elections* → *elect*). Punctuation or stop words alone make an empty query, which
 * matches nothing.
 */
export const SEARCH_LANGUAGES = ['german', 'english'] as const;

/** The query `param` (a placeholder such as `$1`) read by both stemmers. */
export function textQuerySql(param: string): string {
  return `(${SEARCH_LANGUAGES.map((language) => `websearch_to_tsquery('${language}', ${param})`).join(' || ')})`;
}

/** Whether the query has any word to look for (not only punctuation or stop words). */
export function hasLexemesSql(param: string): string {
  return `numnode(${textQuerySql(param)}) > 0`;
}

/** Marks around each match in a snippet: control characters, removed from the text first, so no text fakes one. */
const START = 2;
const STOP = 3;

/**
 * A snippet of `text` around the matches of query `param`, matches between the marks above. Each language's parser
 * marks its own lexemes, so the German reading is taken when it marked something, else the English one.
 */
export function snippetSql(text: string, param: string): string {
  const clean = `translate(${text}, chr(${START}) || chr(${STOP}), '')`;
  const options = `'StartSel=' || chr(${START}) || ', StopSel=' || chr(${STOP}) || ', MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'`;
  const [first, second] = SEARCH_LANGUAGES.map(
    (language) => `ts_headline('${language}', ${clean}, ${textQuerySql(param)}, ${options})`,
  );
  return `(SELECT CASE WHEN strpos(h.first, chr(${START})) > 0 THEN h.first ELSE ${second} END
    FROM (SELECT ${first} AS first) h)`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** A snippet as safe HTML: the text escaped, the matches in `<mark>`. */
export function snippetHtml(snippet: string): string {
  return snippet
    .replace(/[&<>"']/g, (char) => ESCAPES[char])
    .replaceAll(String.fromCharCode(START), '<mark>')
    .replaceAll(String.fromCharCode(STOP), '</mark>');
}
