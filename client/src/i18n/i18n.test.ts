import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';
import i18n from '../lib/i18n';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, nested]) => keys(nested, prefix ? `${prefix}.${key}` : key));
}

describe('translations', () => {
  it('have the same keys in German and English', () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
  });

  it('leave no string empty', () => {
    for (const [language, strings] of Object.entries({ de, en })) {
      for (const key of keys(strings)) {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], strings);
        expect(value, `${language}:${key}`).not.toBe('');
      }
    }
  });

  it("set <html lang> to the language shown, without the browser's region", async () => {
    await i18n.changeLanguage('en-US');
    expect(document.documentElement.lang).toBe('en');
    await i18n.changeLanguage('de-AT');
    expect(document.documentElement.lang).toBe('de');
    expect(i18n.resolvedLanguage).toBe('de');
    await i18n.changeLanguage('en');
  });
});
