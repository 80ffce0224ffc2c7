import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import type { DebateRules } from '../debates/debate.entity';
import type { EventLog } from '../events/unit-of-work';
import type { PostResponseDto } from './dto/post-response.dto';
import type { PostStatus } from './post.entity';

/** What is being written, as a screen sees it. */
export interface ScreenedWrite {
  kind: 'create' | 'edit';
  /** Who writes: the author of a new post, the editor of an edit. */
  actor: Actor;
  /** Its rules, read in the writing transaction (checked again where the write takes the debate's lock). */
  debate: DebateRules;
  body: string;
  /** On an edit: the post as it was. */
  post?: { id: string; authorId: string; status: PostStatus };
  /** What the person typed, handed back with a refusal so the client keeps the draft. */
  draft: object;
}

/**
 * Why a write is held for review (`hold`: a new post stays pending, an edited one is hidden until a moderator looks)
 * or published but put in front of the moderators (`flag`).
 */
export interface ScreenFinding {
  action: 'hold' | 'flag';
  /** `premoderated`, `new_account`, later `watched_word`, …: what the moderation queue shows as the cause. */
  cause: string;
  detail?: string;
}

/**
 * The port through which the posting pipeline asks whether a write may go ahead and in which status. Posts owns
 * it and runs its own rules through it (PostingRules); moderation adds watched words by registering another screen,
 * so moderation depends on posts and never the reverse.
 */
export interface PostScreen {
  /**
   * Runs inside the writing transaction with the debate row locked. Refuses by throwing a DomainError that carries
   * `draft`; otherwise answers what it found (nothing, for a write that may simply go ahead).
   */
  screen(write: ScreenedWrite, tx: EntityManager): Promise<ScreenFinding[]>;
  /**
   * Runs after the write, in the same transaction, with every screen's findings: to queue or flag the post. Only
   * called when some screen found something (a write without findings may commit without a transaction).
   */
  recorded?(tx: EntityManager, events: EventLog, post: PostResponseDto, findings: ScreenFinding[]): Promise<void>;
}

/** Screens in the order they refuse in: lower first (the pipeline order of DESIGN.md). */
export const SCREEN_ORDER = { postingRules: 100, watchedWords: 200 } as const;

/** The screens every create and edit pass, in order. */
@Injectable()
export class PostScreening {
  private readonly screens: { order: number; screen: PostScreen }[] = [];

  use(screen: PostScreen, order: number): void {
    this.screens.push({ order, screen });
    this.screens.sort((a, b) => a.order - b.order);
  }

  /** Every screen's findings; the first refusal stops the write. */
  async screen(write: ScreenedWrite, tx: EntityManager): Promise<ScreenFinding[]> {
    const findings: ScreenFinding[] = [];
    for (const { screen } of this.screens) findings.push(...(await screen.screen(write, tx)));
    return findings;
  }

  async recorded(tx: EntityManager, events: EventLog, post: PostResponseDto, findings: ScreenFinding[]): Promise<void> {
    if (findings.length === 0) return;
    for (const { screen } of this.screens) await screen.recorded?.(tx, events, post, findings);
  }
}

/** The first finding that holds the write for review: its cause is what the author is told. */
export function firstHold(findings: ScreenFinding[]): ScreenFinding | undefined {
  return findings.find((finding) => finding.action === 'hold');
}
