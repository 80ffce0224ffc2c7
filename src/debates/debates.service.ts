import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { ArticlesService } from '../articles/articles.service';
import { DomainError } from '../common/errors/domain-error';
import { PreparedQueries } from '../database/prepared-queries';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { hasLexemesSql, snippetHtml, snippetSql, textQuerySql } from '../common/search/text-search';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { debateStream } from '../events/stored-event';
import { AuditEntry, AuditTrail } from '../events/audit-trail';
import { UnitOfWork } from '../events/unit-of-work';
import type { Actor } from '../common/auth/actor';
import { Debate, DebateRules } from './debate.entity';
import { DebateSection } from './debate-section.entity';
import { Stance } from './stance';
import { CreateDebateDto } from './dto/create-debate.dto';
import { DebateResponseDto } from './dto/debate-response.dto';
import { UpdateDebateDto } from './dto/update-debate.dto';

/** How long and for how many debates a node keeps the rules it read for writers (see rulesToWrite). */
const RULES_TTL_MS = 30_000;
const RULES_KEPT = 10_000;

@Injectable()
export class DebatesService {
  private readonly knownRules = new Map<string, { rules: DebateRules; at: number }>();

  constructor(
    @InjectRepository(Debate) private readonly debates: Repository<Debate>,
    private readonly articles: ArticlesService,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditTrail,
    private readonly prepared: PreparedQueries,
  ) {}

  async list(query: ListQueryDto): Promise<Page<DebateResponseDto>> {
    const after = decodeCursor(query.cursor, ['time', 'id']);
    const builder = this.debates.createQueryBuilder('debate').orderBy('debate.createdAt').addOrderBy('debate.id');
    if (after)
      builder.where('(debate.createdAt, debate.id) > (:createdAt, :id)', { createdAt: after[0], id: after[1] });
    const rows = await this.withSections(await builder.limit(query.limit + 1).getMany());
    return toPage(rows, query.limit, (row) => [row.createdAt.toISOString(), row.id], DebateResponseDto.from);
  }

  async listForArticle(articleId: string): Promise<Debate[]> {
    return this.withSections(await this.debates.find({ where: { articleId }, order: { createdAt: 'ASC', id: 'ASC' } }));
  }

  async require(id: string, tx: EntityManager = this.debates.manager): Promise<Debate> {
    const debate = await tx.getRepository(Debate).findOneBy({ id });
    if (!debate) throw new DomainError('not_found', 'No such debate.');
    const [withSections] = await this.withSections([debate], tx);
    return withSections;
  }

  async create(author: Actor, dto: CreateDebateDto): Promise<Debate> {
    const sectionIds = [...new Set(dto.sectionIds ?? [])];
    const articleId = await this.resolveArticle(dto.articleId, sectionIds);
    return this.debates.manager.transaction(async (tx) => {
      const { identifiers } = await tx.getRepository(Debate).insert({
        articleId,
        question: dto.question,
        description: dto.description ?? '',
        createdById: author.id,
      });
      const id = identifiers[0].id as string;
      if (sectionIds.length > 0) {
        await tx
          .getRepository(DebateSection)
          .insert(sectionIds.map((sectionId, position) => ({ debateId: id, sectionId, position })));
      }
      return this.require(id, tx);
    });
  }

  /** A moderator's change, reported to the audit trail field by field. */
  async update(moderator: Actor, id: string, dto: UpdateDebateDto): Promise<Debate> {
    const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
    if (Object.keys(changes).length === 0) {
      throw new DomainError('invalid_input', 'Send at least one of status, slowModeSeconds, premoderated.');
    }
    const updated = await this.uow.run(async (tx, events) => {
      await this.lock(tx, id);
      await tx.getRepository(Debate).update({ id }, changes);
      const debate = await this.require(id, tx);
      await events.append(debateStream(id), 'debate.updated', DebateResponseDto.from(debate));
      for (const [action, reason] of auditedChanges(dto)) {
        await this.audit.record(tx, events, {
          actor: moderator,
          action,
          targetType: 'debate',
          targetId: id,
          targetOwnerId: null,
          reason,
        });
      }
      return debate;
    });
    // Writers on this node see the new rules at once; elsewhere their write statement finds them changed.
    this.knownRules.delete(id);
    return updated;
  }

  /** The questions of these debates, by id, in one query (the moderation queue shows each post in its debate). */
  async questions(ids: string[], tx: EntityManager = this.debates.manager): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; question: string }[] = await tx.query(
      `SELECT id, question FROM debates WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    );
    return new Map(rows.map((row) => [row.id, row.question]));
  }

  /**
   * Debates whose question or description (in any of their languages) match `query`, best first, at most `limit`,
   * each with a snippet of its question (safe HTML, matches in `<mark>`), over the vector each debate stores.
   */
  async search(query: string, limit: number): Promise<{ debate: Debate; snippet: string }[]> {
    const hits: { id: string; snippet: string }[] = await this.prepared.query(
      `SELECT m.id, ${snippetSql('m.question', '$1')} AS snippet FROM (
         SELECT d.id, d.question, d.created_at, ts_rank(d.search_vector, ${textQuerySql('$1')}) AS rank
         FROM debates d
         WHERE d.search_vector @@ ${textQuerySql('$1')} AND ${hasLexemesSql('$1')}
       ) m ORDER BY m.rank DESC, m.created_at DESC LIMIT $2`,
      [query, limit],
    );
    if (hits.length === 0) return [];
    const debates = await this.withSections(await this.debates.findBy({ id: In(hits.map((hit) => hit.id)) }));
    const byId = new Map(debates.map((debate) => [debate.id, debate]));
    return hits.map((hit) => ({ debate: byId.get(hit.id)!, snippet: snippetHtml(hit.snippet) }));
  }

  /** 404 unless the debate exists: for readers that need nothing else of it. */
  async requireExists(id: string): Promise<void> {
    const rows = await this.prepared.query<{ id: string }>(`SELECT id FROM debates WHERE id = $1`, [id]);
    if (rows.length === 0) throw new DomainError('not_found', 'No such debate.');
  }

  /**
   * The seq of the debate's stream (0 before its first event), or 404: in one query, what a cached view of the debate
   * needs to know it is still current.
   */
  async streamSeq(id: string): Promise<number> {
    const rows = await this.prepared.query<{ seq: number }>(
      `SELECT coalesce(s.last_seq, 0)::int AS seq FROM debates d LEFT JOIN streams s ON s.name = $2 WHERE d.id = $1`,
      [id, debateStream(id)],
    );
    if (rows.length === 0) throw new DomainError('not_found', 'No such debate.');
    return rows[0].seq;
  }

  /** The debate's rules, locked for the rest of the transaction: posting checks its status and moves its counters. */
  async lock(tx: EntityManager, id: string): Promise<DebateRules> {
    return this.remember(await this.rules(tx, id, true));
  }

  /**
   * The debate's rules as this node last read them (at most RULES_TTL_MS ago), else as they are now: for a writer
   * whose write statement checks status, slow mode and pre-moderation again (PostRepository.insertWithEvent) and
   * takes the locked path when they changed. It saves a post a round trip to the database; rules change rarely.
   */
  async rulesToWrite(db: EntityManager, id: string): Promise<DebateRules> {
    const known = this.knownRules.get(id);
    if (known && performance.now() - known.at < RULES_TTL_MS) return known.rules;
    return this.remember(await this.rules(db, id, false));
  }

  private remember(rules: DebateRules): DebateRules {
    this.knownRules.delete(rules.id);
    this.knownRules.set(rules.id, { rules, at: performance.now() });
    // Oldest first in a Map: past the bound, forget the debate read longest ago.
    if (this.knownRules.size > RULES_KEPT) this.knownRules.delete(this.knownRules.keys().next().value!);
    return rules;
  }

  private async rules(tx: EntityManager, id: string, lock: boolean): Promise<DebateRules> {
    const rows: { id: string; article_id: string; status: DebateRules['status']; slow: number; pre: boolean }[] =
      await tx.query(
        `SELECT id, article_id, status, slow_mode_seconds AS slow, premoderated AS pre FROM debates WHERE id = $1
         ${lock ? 'FOR UPDATE' : ''}`,
        [id],
      );
    if (rows.length === 0) throw new DomainError('not_found', 'No such debate.');
    const [row] = rows;
    return {
      id: row.id,
      articleId: row.article_id,
      status: row.status,
      slowModeSeconds: row.slow,
      premoderated: row.pre,
    };
  }

  /** Moves postCount and stanceCounts; any post activity also counts as activity. */
  async adjustCounters(
    tx: EntityManager,
    id: string,
    posts: number,
    stance: Stance | null,
    stanceDelta: number,
  ): Promise<void> {
    const stanceColumn = stance && stanceDelta !== 0 ? `, ${stance}_count = ${stance}_count + $3` : '';
    await tx.query(
      `UPDATE debates SET post_count = post_count + $2, last_activity_at = now()${stanceColumn} WHERE id = $1`,
      stanceColumn ? [id, posts, stanceDelta] : [id, posts],
    );
  }

  private async resolveArticle(articleId: string | undefined, sectionIds: string[]): Promise<string> {
    if (sectionIds.length > 0) {
      const owner = await this.articles.articleOfSections(sectionIds);
      if (articleId && articleId !== owner)
        throw new DomainError('invalid_input', 'sectionIds must belong to articleId');
      return owner;
    }
    return articleId ?? this.articles.defaultArticleId();
  }

  /** One grouped query for the anchors of a whole page of debates. */
  private async withSections(debates: Debate[], tx: EntityManager = this.debates.manager): Promise<Debate[]> {
    if (debates.length === 0) return debates;
    const anchors = await tx.getRepository(DebateSection).find({
      where: { debateId: In(debates.map((debate) => debate.id)) },
      order: { position: 'ASC' },
    });
    for (const debate of debates) {
      debate.sectionIds = anchors.filter((anchor) => anchor.debateId === debate.id).map((anchor) => anchor.sectionId);
    }
    return debates;
  }
}

/** What a change of a debate's rules says in the audit log. */
function auditedChanges(dto: UpdateDebateDto): [AuditEntry['action'], string][] {
  const changes: [AuditEntry['action'], string][] = [];
  if (dto.status === 'locked') changes.push(['lock_debate', 'Locked: no new posts.']);
  if (dto.status === 'open') changes.push(['unlock_debate', 'Opened for new posts.']);
  if (dto.slowModeSeconds !== undefined) {
    changes.push([
      'set_slow_mode',
      dto.slowModeSeconds > 0 ? `Slow mode: one post every ${dto.slowModeSeconds} s.` : 'Slow mode off.',
    ]);
  }
  if (dto.premoderated !== undefined) {
    changes.push(['set_premoderation', dto.premoderated ? 'Every new post waits for review.' : 'Pre-moderation off.']);
  }
  return changes;
}
