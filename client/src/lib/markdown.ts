import DOMPurify from 'dompurify';
import { marked } from 'marked';

// Links from posts open safely and carry no referrer or ranking credit.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('rel', 'nofollow noopener noreferrer');
    node.setAttribute('target', '_blank');
  }
});

/** Markdown to HTML that is safe to insert: the server stores bodies as typed, so sanitising happens here. */
export function renderMarkdown(body: string): string {
  const html = marked.parse(body, { async: false, gfm: true, breaks: true });
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'img'] });
}
