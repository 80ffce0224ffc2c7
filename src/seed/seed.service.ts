import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SeedArticle, SORA_ARTICLE } from '../articles/seed/sora-article.seed';

/**
 * Ships the Sora article and its debates. Idempotent and conservative: rows are matched by slug or seed key and
 * never overwritten, so a second start creates nothing and keeps whatever people changed since.
 */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedService.name);

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    const created = await this.dataSource.transaction((tx) => seedArticle(tx, SORA_ARTICLE));
    if (created > 0) this.logger.log(`Seeded ${created} rows for "${SORA_ARTICLE.title}"`);
  }
}

export async function seedArticle(tx: EntityManager, seed: SeedArticle): Promise<number> {
  let created = 0;
  const inserted: { id: string }[] = await tx.query(
    `INSERT INTO articles (slug, title, source, published_at, language) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (slug) DO NOTHING RETURNING id`,
    [seed.slug, seed.title, seed.source, seed.publishedAt, seed.language],
  );
  created += inserted.length;
  const [{ id: articleId }]: { id: string }[] = await tx.query(`SELECT id FROM articles WHERE slug = $1`, [seed.slug]);

  for (const [index, section] of seed.sections.entries()) {
    const rows: unknown[] = await tx.query(
      `INSERT INTO article_sections (article_id, position, seed_key, summary_de, summary_en) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (article_id, position) DO NOTHING RETURNING id`,
      [articleId, index + 1, section.key, section.summary.de, section.summary.en],
    );
    created += rows.length;
  }
  const sections: { id: string; seed_key: string }[] = await tx.query(
    `SELECT id, seed_key FROM article_sections WHERE article_id = $1`,
    [articleId],
  );
  const sectionIdByKey = new Map(sections.map((section) => [section.seed_key, section.id]));

  for (const debate of seed.debates) {
    // created_at is spread by position so the seeded order is the listed order.
    const rows: { id: string }[] = await tx.query(
      `INSERT INTO debates (article_id, seed_key, question, description, i18n, created_at)
       VALUES ($1, $2, $3, $4, $5, now() + $6 * interval '1 millisecond')
       ON CONFLICT (article_id, seed_key) DO NOTHING RETURNING id`,
      [
        articleId,
        debate.key,
        debate.question.en,
        debate.description.en,
        translations(debate),
        seed.debates.indexOf(debate),
      ],
    );
    if (rows.length === 0) continue;
    created += 1;
    const anchors = debate.sectionKeys.map((key) => sectionIdByKey.get(key)).filter((id): id is string => !!id);
    for (const [position, sectionId] of anchors.entries()) {
      await tx.query(`INSERT INTO debate_sections (debate_id, section_id, position) VALUES ($1, $2, $3)`, [
        rows[0].id,
        sectionId,
        position,
      ]);
    }
  }
  return created;
}

function translations(debate: SeedArticle['debates'][number]): string {
  return JSON.stringify({
    de: { question: debate.question.de, description: debate.description.de },
    en: { question: debate.question.en, description: debate.description.en },
  });
}
