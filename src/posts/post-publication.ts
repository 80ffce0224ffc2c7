import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventLog } from '../events/unit-of-work';
import type { PostResponseDto } from './dto/post-response.dto';

/** A post that others can now read: new (or approved after review), or its visible body edited. */
export interface PublishedPost {
  /** `created` once per post, when it first becomes visible; `edited` for each edit of a visible post after that. */
  kind: 'created' | 'edited';
  post: PostResponseDto;
  /** The author of the post it replies to; null for a top-level post. */
  parentAuthorId: string | null;
}

export interface PublicationListener {
  /**
   * Whether `published` would make this listener write anything, known from the post alone (no I/O). A post that
   * concerns no listener can be written in one statement without a transaction (PostWriter.create).
   */
  concerns(published: PublishedPost): boolean;
  /** Runs in the writing transaction, after the post's own event: what it writes commits with the post. */
  published(tx: EntityManager, events: EventLog, published: PublishedPost): Promise<void>;
}

/**
 * The port through which other modules learn, in the same transaction, that a post became readable: notifications
 * listen here (replies, mentions), so posts knows nothing of them and dependencies point one way.
 */
@Injectable()
export class PostPublication {
  private readonly listeners: PublicationListener[] = [];

  listen(listener: PublicationListener): void {
    this.listeners.push(listener);
  }

  concerns(published: PublishedPost): boolean {
    return this.listeners.some((listener) => listener.concerns(published));
  }

  async published(tx: EntityManager, events: EventLog, published: PublishedPost): Promise<void> {
    for (const listener of this.listeners) {
      if (listener.concerns(published)) await listener.published(tx, events, published);
    }
  }
}
