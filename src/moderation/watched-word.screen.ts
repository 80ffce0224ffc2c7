import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isModerator } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import type { EventLog } from '../events/unit-of-work';
import type { PostResponseDto } from '../posts/dto/post-response.dto';
import { firstHold, PostScreen, PostScreening, SCREEN_ORDER, ScreenedWrite, ScreenFinding } from '../posts/post-screen';
import { ModerationLog } from './moderation-log.service';
import { QUEUE_ACTIONS } from './moderation-policy';
import { QueueCause } from './queue.repository';
import { QueueService } from './queue.service';
import { WatchedWords } from './watched-words.service';

const WATCHED_WORD = 'watched_word';

/** Why a post is held, as the log says it. The public log says what happened, never which words are watched. */
const HOLD_REASONS: Record<string, string> = {
  [WATCHED_WORD]: 'Held for review: it contains a watched word.',
  premoderated: 'Held for review: every new post in this debate waits for a moderator.',
  new_account: "Held for review: a new account's first posts wait for a moderator.",
};

/**
 * The moderation screen of the posting pipeline, after the debate's own rules (locked 423, slow mode 429): a `block`
 * word refuses the write (422, naming the rule, the draft handed back), `review` holds it, `flag` lets it through and
 * puts it in front of the moderators. The same for edits. Moderators are exempt, as from the debate's rules.
 *
 * After the write it queues every held or flagged post, whichever screen held it (pre-moderation, a new account,
 * a watched word), and logs the hold, and what the watched words flagged, as the forum's own actions.
 */
@Injectable()
export class WatchedWordScreen implements PostScreen, OnModuleInit {
  constructor(
    private readonly screening: PostScreening,
    private readonly words: WatchedWords,
    private readonly queue: QueueService,
    private readonly log: ModerationLog,
  ) {}

  onModuleInit(): void {
    this.screening.use(this, SCREEN_ORDER.watchedWords);
  }

  async screen({ actor, body, draft }: ScreenedWrite, tx: EntityManager): Promise<ScreenFinding[]> {
    if (isModerator(actor)) return [];
    const matched = (await this.words.matcher(tx)).match(body);
    const blocked = matched.find((rule) => rule.action === 'block');
    if (blocked) {
      throw new DomainError(
        'watched_word',
        `Your text contains "${blocked.pattern}", which is not allowed here. Change it and try again; your text is kept.`,
        { draft, pattern: blocked.pattern },
      );
    }
    return matched.map((rule) => ({
      action: rule.action === 'review' ? ('hold' as const) : ('flag' as const),
      cause: WATCHED_WORD,
      detail: rule.pattern,
    }));
  }

  async recorded(tx: EntityManager, events: EventLog, post: PostResponseDto, findings: ScreenFinding[]): Promise<void> {
    if (findings.length === 0) return;
    const causes: QueueCause[] = findings.map((finding) =>
      finding.cause === WATCHED_WORD
        ? { kind: WATCHED_WORD, pattern: finding.detail, action: finding.action === 'hold' ? 'review' : 'flag' }
        : { kind: finding.cause },
    );
    const item = await this.queue.open(tx, post.id, causes);
    const author = { id: post.id, authorId: post.author?.id ?? null };
    const watched = findings.filter((finding) => finding.cause === WATCHED_WORD);
    const heldByWord = watched.some((finding) => finding.action === 'hold');
    // Whatever held the post, the hold is the forum's own decision, logged so that its author can appeal it (once):
    // an edit of a post still held by an earlier hold is not a new decision, and opens no second appeal.
    const hold = post.status === 'visible' ? undefined : heldByWord ? WATCHED_WORD : firstHold(findings)?.cause;
    if (hold && (await this.log.latest(tx, post.id, [...QUEUE_ACTIONS, 'hold']))?.action !== 'hold') {
      await this.log.postAction(tx, events, null, author, {
        action: 'hold',
        category: hold === WATCHED_WORD ? 'watched_word' : null,
        reason: HOLD_REASONS[hold] ?? 'Held for review.',
      });
    }
    if (watched.length > 0 && hold !== WATCHED_WORD) {
      await this.log.postAction(tx, events, null, author, {
        action: 'flag',
        category: 'watched_word',
        reason: 'Flagged for review: it contains a watched word.',
      });
    }
    await this.queue.announce(tx, events, item.id);
  }
}
