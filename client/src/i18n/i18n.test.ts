import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';

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
});
