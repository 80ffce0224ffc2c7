import DOMPurify from 'dompurify';
import { Marked } from 'marked';

// Links from posts open safely and carry no referrer or ranking credit.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('rel', 'nofollow noopener noreferrer');
    node.setAttribute('target', '_blank');
  }
});

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

/**
 * Posts are Markdown, never HTML: HTML typed into a post is shown as the text it is, and an image as its alt text.
 * Untrusted markup must not reach any HTML parser of the page, not even DOMPurify's inert one: Chrome checks the
 * page's CSP while it parses, so `<img onerror=…>` would log a violation before the sanitiser could remove it.
 */
const markdown = new Marked({
  gfm: true,
  breaks: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    image: ({ text }) => escapeHtml(text),
  },
});

/** `@name` where a username may stand, as the server reads mentions. */
const MENTION = /(?<![\w@.])@([A-Za-z0-9_]{3,32})(?![\w@])/g;
/** Text inside these is not prose: no mention links there. */
const NOT_PROSE = new Set(['A', 'CODE', 'PRE']);

/**
 * Markdown to HTML that is safe to insert; DOMPurify stays as the second line behind the renderer. `@name`s of
 * `mentions` (the accounts the server found the post to mention) become links to their profiles; other @words stay
 * text.
 */
export function renderMarkdown(body: string, mentions: string[] = []): string {
  const html = markdown.parse(body, { async: false });
  const options = {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'input', 'img'],
    FORBID_ATTR: ['style'],
  };
  if (mentions.length === 0) return DOMPurify.sanitize(html, options);
  const fragment = DOMPurify.sanitize(html, { ...options, RETURN_DOM_FRAGMENT: true });
  linkMentions(fragment, new Map(mentions.map((name) => [name.toLowerCase(), name])));
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

function linkMentions(root: Node, names: Map<string, string>): void {
  for (const child of [...root.childNodes]) {
    if (child.nodeType === Node.ELEMENT_NODE) {
      if (!NOT_PROSE.has((child as Element).tagName)) linkMentions(child, names);
    } else if (child.nodeType === Node.TEXT_NODE) {
      linkText(child as Text, names);
    }
  }
}

function linkText(text: Text, names: Map<string, string>): void {
  const value = text.data;
  const parts: Node[] = [];
  let last = 0;
  for (const match of value.matchAll(MENTION)) {
    const name = names.get(match[1].toLowerCase());
    if (!name) continue;
    parts.push(document.createTextNode(value.slice(last, match.index)));
    const link = document.createElement('a');
    link.href = `/u/${encodeURIComponent(name)}`;
    link.className = 'mention';
    link.dataset.mention = name;
    link.textContent = match[0];
    parts.push(link);
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return;
  parts.push(document.createTextNode(value.slice(last)));
  text.replaceWith(...parts);
}
