import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Actor } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { Page } from '../common/pagination/list-query.dto';
import { UnitOfWork } from '../events/unit-of-work';
import { PostReader } from '../posts/post-reader.service';
import { Coalescer } from './coalescer';
import { ListQuestionsQuery, QuestionDto, QuestionState } from './dto/question.dto';
import { assertNotEnded } from './session-rules';
import { RESULTS_INTERVAL_MS } from './polls.service';
import { orderQuestions, pageQuestions } from './question-order';
import { QuestionRepository, QuestionRow } from './question.repository';
import { sessionStream, SessionsService } from './sessions.service';
import { asHidden, toQuestionDto } from './session-view';

/**
 * The Q&A: participants ask and up-vote (once each); the organiser and moderators mark questions answered or hide
 * them. Up-votes commit without an event each; `question.upvoted` goes out coalesced like poll results.
 */
@Injectable()
export class QuestionsService implements OnModuleDestroy {
  private readonly upvotes = new Coalescer(RESULTS_INTERVAL_MS, (id) => this.publishUpvotes(id));

  constructor(
    private readonly uow: UnitOfWork,
    private readonly questions: QuestionRepository,
    private readonly sessions: SessionsService,
    private readonly posts: PostReader,
  ) {}

  onModuleDestroy(): void {
    this.upvotes.stop();
  }

  async ask(author: Actor, sessionId: string, body: string): Promise<QuestionDto> {
    return this.uow.run(async (tx, events) => {
      await this.sessions.lockForParticipant(tx, sessionId);
      const id = await this.questions.insert(tx, { sessionId, authorId: author.id, body });
      const question = toQuestionDto((await this.questions.find(id, author.id, tx))!, false);
      await events.append(sessionStream(sessionId), 'question.created', question);
      return { ...question, myUpvote: false };
    });
  }

  /** Once per person: a repeated up-vote changes nothing. `up = false` withdraws it. */
  async upvote(voter: Actor, id: string, up: boolean): Promise<QuestionDto> {
    const outcome = await this.questions.setUpvote(id, voter.id, up);
    if (!outcome) throw questionNotFound();
    assertNotEnded({ status: outcome.sessionStatus });
    if (outcome.state === 'hidden') {
      if (!this.sessions.isStaff(voter, { organiserId: outcome.organiserId })) throw questionNotFound();
      throw new DomainError('conflict', 'A hidden question takes no up-votes.');
    }
    if (outcome.changed) this.upvotes.touch(id);
    return toQuestionDto((await this.questions.find(id, voter.id))!, true);
  }

  /** answered, hidden or open again: by the session's organiser, an admin or a moderator. */
  async setState(actor: Actor, id: string, state: QuestionState): Promise<QuestionDto> {
    const sessionId = await this.questions.sessionOf(id);
    if (!sessionId) throw questionNotFound();
    return this.uow.run(async (tx, events) => {
      const session = await this.sessions.require(sessionId, tx);
      if (!this.sessions.isStaff(actor, session)) {
        const visible = (await this.questions.find(id, null, tx))!.state !== 'hidden';
        if (!visible) throw questionNotFound();
        throw new DomainError('forbidden', "Only this session's organiser or a moderator may do that.");
      }
      await this.sessions.lockForParticipant(tx, sessionId);
      const before = await this.questions.lock(tx, id);
      if (before!.state !== state) {
        await this.questions.setState(tx, id, state);
        const question = toQuestionDto((await this.questions.find(id, null, tx))!, false);
        const stream = sessionStream(sessionId);
        if (state === 'hidden') {
          // Everyone takes it away; then the organiser and moderators get it whole.
          await events.append(stream, 'question.updated', asHidden(question));
          await events.append(stream, 'question.updated', question, {
            kind: 'restricted',
            ownerId: session.organiserId,
          });
        } else {
          await events.append(stream, 'question.updated', question);
        }
      }
      return toQuestionDto((await this.questions.find(id, actor.id, tx))!, true);
    });
  }

  /** The queue in an order; hidden questions only for the organiser and moderators. */
  async list(sessionId: string, query: ListQuestionsQuery, reader: Actor | null): Promise<Page<QuestionDto>> {
    const session = await this.sessions.require(sessionId);
    const rows = await this.questions.listForSession(
      sessionId,
      reader?.id ?? null,
      this.sessions.isStaff(reader, session),
    );
    const stances =
      query.order === 'balanced'
        ? await this.posts.stances([...new Set(rows.map((row) => row.authorId))], session.debateIds)
        : new Map();
    const page = pageQuestions(rows, query, (authorId) => stances.get(authorId));
    return { ...page, items: page.items.map((row) => toQuestionDto(row, reader !== null)) };
  }

  /** Every question of a session, hidden ones too, with who up-voted (the report). */
  async forReport(sessionId: string): Promise<{ questions: QuestionRow[]; upvoterIds: string[] }> {
    return {
      questions: orderQuestions(await this.questions.listForSession(sessionId, null, true), 'top', () => undefined),
      upvoterIds: await this.questions.upvoterIds(sessionId),
    };
  }

  /** The coalesced `question.upvoted`, its seq taken before counting (see PollsService.publishResults). */
  private async publishUpvotes(id: string): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const question = await this.questions.find(id, null, tx);
      if (!question) return;
      const session = await this.sessions.require(question.sessionId, tx);
      const stream = sessionStream(question.sessionId);
      const seq = await events.reserve(stream);
      const upvotes = await this.questions.upvotes(id, tx);
      const audience =
        question.state === 'hidden'
          ? ({ kind: 'restricted', ownerId: session.organiserId } as const)
          : ({ kind: 'public' } as const);
      await events.record(stream, seq, 'question.upvoted', { id, upvotes }, audience);
    });
  }
}

function questionNotFound(): DomainError {
  return new DomainError('not_found', 'No such question.');
}
