import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { Actor } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { Page } from '../common/pagination/list-query.dto';
import { ListQueryDto } from '../common/pagination/list-query.dto';
import { UnitOfWork } from '../events/unit-of-work';
import { Coalescer } from './coalescer';
import { CreatePollDto, PollDto } from './dto/poll.dto';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { PollRepository, PollRow } from './poll.repository';
import { assertRuns } from './session-rules';
import { sessionStream, SessionsService } from './sessions.service';
import { countsOf, toPollDto } from './session-view';

/** Live results go out at most this often per poll and node, however many votes come in. */
export const RESULTS_INTERVAL_MS = 250;

/**
 * Polls: created as drafts by the organiser, opened and closed; one vote per person, changeable while open. Votes
 * commit without an event each; a coalescer sends `poll.results` with the current counts at most every 250 ms, and
 * `poll.closed` carries the final ones.
 */
@Injectable()
export class PollsService implements OnModuleDestroy {
  private readonly results = new Coalescer(RESULTS_INTERVAL_MS, (pollId) => this.publishResults(pollId));

  constructor(
    private readonly uow: UnitOfWork,
    private readonly polls: PollRepository,
    private readonly sessions: SessionsService,
  ) {}

  onModuleDestroy(): void {
    this.results.stop();
  }

  /** A draft; a `post` poll may pair with a `pre` poll of the same session with the same options. */
  async create(actor: Actor, sessionId: string, dto: CreatePollDto): Promise<PollDto> {
    return this.uow.run(async (tx) => {
      await this.sessions.lockForChange(tx, actor, sessionId);
      if (dto.pairedPollId !== undefined) {
        if (dto.kind !== 'post') throw new DomainError('invalid_input', 'pairedPollId is for post polls only');
        const pre = await this.polls.find(dto.pairedPollId, tx);
        if (!pre || pre.sessionId !== sessionId || pre.kind !== 'pre') {
          throw new DomainError('invalid_input', 'pairedPollId must name a pre poll of this session');
        }
        if (!sameOptions(pre.options, dto.options)) {
          throw new DomainError('invalid_input', 'A post poll must have the same options as its pre poll, in order');
        }
      }
      const poll = await this.polls.insert(tx, {
        sessionId,
        question: dto.question,
        options: dto.options,
        kind: dto.kind,
        pairedPollId: dto.pairedPollId ?? null,
      });
      return toPollDto(poll, undefined, null);
    });
  }

  /** draft → open → closed, each once; both announced with the counts. */
  async setState(actor: Actor, pollId: string, to: 'open' | 'closed'): Promise<PollDto> {
    const found = await this.requirePoll(pollId);
    const dto = await this.uow.run(async (tx, events) => {
      await this.sessions.lockForChange(tx, actor, found.sessionId);
      const poll = (await this.polls.lock(tx, pollId, 'update'))!;
      const from = to === 'open' ? 'draft' : 'open';
      if (poll.state !== from) {
        throw new DomainError(
          'invalid_transition',
          to === 'open'
            ? `Only a draft poll can be opened; this one is ${poll.state}.`
            : 'Only an open poll can be closed.',
        );
      }
      const changed = await this.polls.setState(tx, pollId, to);
      const counts = await this.polls.counts([pollId], tx);
      const announced = toPollDto(changed, counts.get(pollId));
      await events.append(sessionStream(poll.sessionId), to === 'open' ? 'poll.opened' : 'poll.closed', announced);
      return announced;
    });
    return { ...dto, myVote: (await this.polls.votesOf(actor.id, [pollId])).get(pollId) ?? null };
  }

  /**
   * One vote per person, moved by voting again while the poll is open; answers the counts as they are now. No event
   * per vote: the coalescer sends the results.
   */
  async vote(voter: Actor, pollId: string, optionIndex: number): Promise<PollDto> {
    const outcome = await this.polls.castVote(pollId, voter.id, optionIndex);
    if (!outcome) throw pollNotFound();
    const { poll, cast, counts } = outcome;
    // A draft is answered as GET answers it: 404 for those who may not see drafts, so a vote reveals nothing.
    if (poll.state === 'draft' && !this.sessions.isStaff(voter, await this.sessions.require(poll.sessionId))) {
      throw pollNotFound();
    }
    if (poll.state !== 'open') {
      throw new DomainError(
        'poll_not_open',
        poll.state === 'draft' ? 'This poll is not open yet.' : 'This poll is closed; its votes are final.',
      );
    }
    if (!cast) throw new DomainError('invalid_input', `optionIndex must be between 0 and ${poll.options.length - 1}`);
    this.results.touch(pollId);
    return toPollDto(poll, counts, optionIndex);
  }

  async get(pollId: string, reader: Actor | null): Promise<PollDto> {
    const poll = await this.requirePoll(pollId);
    if (poll.state === 'draft') {
      const session = await this.sessions.require(poll.sessionId);
      if (!this.sessions.isStaff(reader, session)) throw pollNotFound();
    }
    return (await this.withFigures([poll], reader))[0];
  }

  /** The session's polls, oldest first; drafts only for those who run it. */
  async list(sessionId: string, query: ListQueryDto, reader: Actor | null): Promise<Page<PollDto>> {
    const session = await this.sessions.require(sessionId);
    const after = decodeCursor(query.cursor, ['time', 'id']) as [string, string] | null;
    const rows = await this.polls.page(sessionId, this.sessions.isStaff(reader, session), after, query.limit + 1);
    const polls = await this.withFigures(rows, reader);
    return toPage(
      rows.map((row, i) => ({ row, poll: polls[i] })),
      query.limit,
      ({ row }) => [row.createdAt.toISOString(), row.id],
      ({ poll }) => poll,
    );
  }

  /** Every poll of a session with every vote, for the report. */
  async forReport(actor: Actor, sessionId: string) {
    const session = await this.sessions.require(sessionId);
    assertRuns(actor, session);
    const polls = await this.polls.listForSession(sessionId, true);
    const votes = await this.polls.allVotes(polls.map((poll) => poll.id));
    return { session, polls, votes };
  }

  /**
   * The coalesced `poll.results`. The seq is taken before the counts are read: a later seq waits for the earlier
   * commit, so its counts include everything the earlier one saw, and the last one sent includes the last vote.
   */
  private async publishResults(pollId: string): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const poll = await this.polls.lock(tx, pollId, 'share');
      if (!poll || poll.state !== 'open') return; // poll.closed carried the final counts
      const stream = sessionStream(poll.sessionId);
      const seq = await events.reserve(stream);
      const counts = await this.polls.counts([pollId], tx);
      await events.record(stream, seq, 'poll.results', { id: pollId, ...countsOf(poll, counts.get(pollId)) });
    });
  }

  private async requirePoll(id: string): Promise<PollRow> {
    const poll = await this.polls.find(id);
    if (!poll) throw pollNotFound();
    return poll;
  }

  private async withFigures(rows: PollRow[], reader: Actor | null): Promise<PollDto[]> {
    const ids = rows.map((row) => row.id);
    const counts = await this.polls.counts(ids);
    const mine = reader ? await this.polls.votesOf(reader.id, ids) : null;
    return rows.map((row) => toPollDto(row, counts.get(row.id), mine ? (mine.get(row.id) ?? null) : undefined));
  }
}

function sameOptions(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((option, i) => option.trim() === b[i].trim());
}

function pollNotFound(): DomainError {
  return new DomainError('not_found', 'No such poll.');
}
