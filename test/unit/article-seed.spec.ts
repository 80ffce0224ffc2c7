import { createHash } from 'node:crypto';
import { SORA_ARTICLE } from '../../src/articles/seed/sora-article.seed';
import { ARTICLE_SHINGLES, SHINGLE_LENGTH } from '../fixtures/article-shingles';

/** Fingerprints of every run of SHINGLE_LENGTH words, made exactly as the fixture's were. */
function shingles(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}-]+/gu) ?? [];
  const runs: string[] = [];
  for (let i = 0; i + SHINGLE_LENGTH <= words.length; i++) {
    const run = words.slice(i, i + SHINGLE_LENGTH).join(' ');
    runs.push(createHash('sha256').update(run).digest('hex').slice(0, 12));
  }
  return runs;
}

describe('the seeded article', () => {
  const ourTexts = [
    ...SORA_ARTICLE.sections.flatMap((section) => [section.summary.de, section.summary.en]),
    ...SORA_ARTICLE.debates.flatMap((debate) => [debate.question.de, debate.question.en]),
  ];

  it('copies no run of seven words from the article into summaries or questions', () => {
    for (const text of ourTexts) {
      expect(shingles(text).filter((fingerprint) => ARTICLE_SHINGLES.has(fingerprint))).toEqual([]);
    }
  });

  it('notices a copied run: the article opens with its dateline and title', () => {
    const copied = shingles('Mittwoch, 21. Februar 2024 — Sora: Vom Text zum Film');
    expect(copied).toHaveLength(3);
    expect(copied.every((fingerprint) => ARTICLE_SHINGLES.has(fingerprint))).toBe(true);
  });
});
