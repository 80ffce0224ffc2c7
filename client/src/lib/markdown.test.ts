import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders Markdown', () => {
    expect(renderMarkdown('Labels **help**, [sometimes](https://example.org).')).toBe(
      '<p>Labels <strong>help</strong>, <a href="https://example.org" rel="nofollow noopener noreferrer" target="_blank">sometimes</a>.</p>\n',
    );
  });

  it.each([
    '<img src=x onerror="alert(1)">',
    '<div onmouseover="alert(1)" style="background:url(javascript:alert(1))">x</div>',
    '<script>alert(1)</script>',
  ])('shows HTML as the text it is: %s', (body) => {
    const html = renderMarkdown(body);
    const element = document.createElement('div');
    element.innerHTML = html;
    expect(element.children.length === 0 || element.firstElementChild?.tagName === 'P').toBe(true);
    expect(element.querySelector('img, script, [onerror], [onmouseover], [style]')).toBeNull();
    expect(element.textContent).toContain(body.slice(0, 10));
  });

  it('shows an image as its alt text and drops javascript: links', () => {
    expect(renderMarkdown('![a fake clip](javascript:alert(1))')).not.toContain('<img');
    expect(renderMarkdown('![a fake clip](javascript:alert(1))')).toContain('a fake clip');
    expect(renderMarkdown('[click](javascript:alert(1))')).not.toContain('javascript:');
  });
});
