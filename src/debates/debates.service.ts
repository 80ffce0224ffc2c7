import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { ArticlesService } from '../articles/articles.service';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { debateStream } from '../events/stored-event';
import { UnitOfWork } from '../events/unit-of-work';
import { User } from '../users/user.entity';
import { Debate } from './debate.entity';
import { DebateSection } from './debate-section.entity';
import { Stance } from './stance';
import { CreateDebateDto } from './dto/create-debate.dto';
import { DebateResponseDto } from './dto/debate-response.dto';
import { UpdateDebateDto } from './dto/update-debate.dto';

@Injectable()
export class DebatesService {
  constructor(
    @InjectRepository(Debate) private readonly debates: Repository<Debate>,
    private readonly articles: ArticlesService,
    private readonly uow: UnitOfWork,
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

  async create(author: User, dto: CreateDebateDto): Promise<Debate> {
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

  async update(id: string, dto: UpdateDebateDto): Promise<Debate> {
    const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
    if (Object.keys(changes).length === 0) {
      throw new DomainError('invalid_input', 'Send at least one of status, slowModeSeconds, premoderated.');
    }
    return this.uow.run(async (tx, events) => {
      await this.lock(tx, id);
      await tx.getRepository(Debate).update({ id }, changes);
      const debate = await this.require(id, tx);
      await events.append(debateStream(id), 'debate.updated', DebateResponseDto.from(debate));
      return debate;
    });
  }

  /** The debate, locked for the rest of the transaction: posting checks its status and moves its counters. */
  async lock(tx: EntityManager, id: string): Promise<Debate> {
    const debate = await tx.getRepository(Debate).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!debate) throw new DomainError('not_found', 'No such debate.');
    return debate;
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
