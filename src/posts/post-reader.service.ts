import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, Viewer, viewerOf } from '../common/auth/actor';
import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { DebatesService } from '../debates/debates.service';
import type { Stance } from '../debates/stance';
import type { AnyStoredEvent } from '../events/stored-event';
import { ListPostsQuery, TreeQuery } from './dto/list-posts.query';
import { snippetHtml } from '../common/search/text-search';
import { AuthoredPostDto, DebateRefDto, PostContextDto, StanceTakenDto } from './dto/post-lists.dto';
import { PostResponseDto, PostTreeNodeDto } from './dto/post-response.dto';
import {
  AUTHOR_CURSOR,
  cursorOf,
  cursorShapeOf,
  DebateRefRow,
  PostActivity,
  PostRepository,
  REVISION_CURSOR,
  SEARCH_CURSOR,
  SEARCH_ORDERS,
  SearchFilters,
  SearchOrder,
} from './post.repository';

/** Up to this many matches are ranked by relevance; a word in more posts lists them newest first. */
export const RANKED_MATCHES = 1000;
import { canSee } from './post-rules';
import { asTombstone, toPostDto } from './post-view';

/** Sees every status: for event payloads, which the publisher then routes by audience. */
const STAFF: Viewer = { userId: null, moderator: true };

export interface PostSearchHit {
  post: PostResponseDto;
  /** Safe HTML: the text around the matches, escaped, with the matches in `<mark>`. */
  snippet: string;
}

/**
 * Reading posts as a given reader sees them: single posts, one level of a thread, a tree, a post in its context,
 * revisions, a person's posts and stances, search, a replay.
 */
@Injectable()
export class PostReader {
  constructor(
    private readonly posts: PostRepository,
    private readonly debates: DebatesService,
  ) {}

  async get(id: string, reader: Actor | null): Promise<PostResponseDto> {
    const row = await this.posts.findOne(id, viewerOf(reader));
    if (!row) throw postNotFound();
    return toPostDto(row, reader);
  }

  /** The post as an event carries it: whatever its status, without anyone's vote. */
  async payload(tx: EntityManager, id: string): Promise<PostResponseDto> {
    const row = await this.posts.findOne(id, STAFF, tx);
    if (!row) throw postNotFound();
    return toPostDto(row, null);
  }

  /**
   * These posts as moderators see them (any status), by id, in one query, with `withParents` also the posts they
   * reply to: for the moderation queue and appeals.
   */
  async forStaff(ids: string[], tx?: EntityManager, withParents = false): Promise<Map<string, PostResponseDto>> {
    const rows = await this.posts.findMany([...new Set(ids)], STAFF, tx, withParents);
    return new Map(rows.map((row) => [row.id, toPostDto(row, null)]));
  }

  async list(debateId: string, query: ListPostsQuery, reader: Actor | null): Promise<Page<PostResponseDto>> {
    const viewer = viewerOf(reader);
    const after = decodeCursor(query.cursor, cursorShapeOf(query.sort));
    if (query.parentId) {
      const parent = await this.posts.findOne(query.parentId, viewer);
      if (!parent || parent.debate_id !== debateId) throw postNotFound();
    }
    const rows = await this.posts.level(debateId, query.parentId ?? null, viewer, query.sort, after, query.limit + 1);
    // A page with posts (or a parent's) shows the debate exists; only an empty one asks.
    if (rows.length === 0 && !query.parentId) await this.debates.requireExists(debateId);
    return toPage(
      rows,
      query.limit,
      (row) => cursorOf(query.sort, row),
      (row) => toPostDto(row, reader),
    );
  }

  /** A whole thread (or one subtree) in one query, nested here; replies oldest first. */
  async tree(
    debateId: string,
    query: TreeQuery,
    reader: Actor | null,
  ): Promise<{ items: PostTreeNodeDto[] } | PostTreeNodeDto> {
    const viewer = viewerOf(reader);
    await this.debates.requireExists(debateId);
    const root = query.rootId ? await this.posts.findOne(query.rootId, viewer) : null;
    if (query.rootId && (!root || root.debate_id !== debateId)) throw postNotFound();
    const maxDepth = query.maxDepth === undefined ? null : (root?.depth ?? 0) + query.maxDepth;
    const rows = await this.posts.subtree(debateId, viewer, root, maxDepth);
    const nodes = new Map<string, PostTreeNodeDto>();
    const tops: PostTreeNodeDto[] = [];
    for (const row of rows) {
      const node: PostTreeNodeDto = { ...toPostDto(row, reader), replies: [] };
      const isTop = root ? row.id === root.id : row.parent_id === null;
      // Rows come by depth, so a parent is always placed before its replies (whatever their timestamps); a reply
      // whose parent the reader may not see is left out with its whole branch.
      const parent = row.parent_id ? nodes.get(row.parent_id) : undefined;
      if (!isTop && !parent) continue;
      nodes.set(row.id, node);
      if (isTop) tops.push(node);
      else parent!.replies.push(node);
    }
    return root ? tops[0] : { items: tops };
  }

  /**
   * A post for its permalink: the chain above it and its whole subtree. 404 when the reader may not see the post or
   * any post above it (a branch under a post they may not see is not theirs to see, as in `tree`).
   */
  async context(id: string, reader: Actor | null): Promise<PostContextDto> {
    const viewer = viewerOf(reader);
    const row = await this.posts.findOne(id, viewer);
    if (!row) throw postNotFound();
    const above = row.path.split('/').filter(Boolean).slice(0, -1);
    const ancestors = await this.posts.ancestors(above, viewer);
    if (ancestors.length !== above.length) throw postNotFound();
    const post = (await this.tree(row.debate_id, { rootId: id }, reader)) as PostTreeNodeDto;
    return { ancestors: ancestors.map((ancestor) => toPostDto(ancestor, reader)), post };
  }

  /** A person's visible posts across debates, newest first, each with its debate. */
  async byAuthor(authorId: string, query: ListQueryDto, reader: Actor | null): Promise<Page<AuthoredPostDto>> {
    const after = decodeCursor(query.cursor, AUTHOR_CURSOR);
    const rows = await this.posts.byAuthor(authorId, viewerOf(reader), after, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (row) => [row.created_at.toISOString(), row.id],
      (row) => ({ ...toPostDto(row, reader), debate: debateRef(row.debate_id, row) }),
    );
  }

  countVisibleByAuthor(authorId: string): Promise<number> {
    return this.posts.countVisibleByAuthor(authorId);
  }

  async stancesOf(authorId: string): Promise<StanceTakenDto[]> {
    const rows = await this.posts.stancesOf(authorId);
    return rows.map((row) => ({ debate: debateRef(row.debate_id, row), stance: row.stance }));
  }

  /**
   * Posts matching `text` that the reader may see: by relevance when at most RANKED_MATCHES match, else newest first
   * (ranking tens of thousands of posts per request would not scale, and a word that common says little about which
   * post is best). A walk keeps the order its first page chose: the cursor names it.
   */
  async search(
    text: string,
    filters: SearchFilters,
    query: ListQueryDto,
    reader: Actor | null,
  ): Promise<Page<PostSearchHit> & { order: SearchOrder }> {
    const cursor = decodeCursor(query.cursor, SEARCH_CURSOR);
    if (cursor && !(SEARCH_ORDERS as readonly unknown[]).includes(cursor[0])) {
      throw new DomainError('invalid_cursor', 'cursor is malformed: pass the nextCursor of a previous page unchanged');
    }
    const order: SearchOrder = cursor
      ? (cursor[0] as SearchOrder)
      : (await this.posts.countMatches(text, filters, RANKED_MATCHES + 1)) > RANKED_MATCHES
        ? 'new'
        : 'rank';
    const rows = await this.posts.search(
      text,
      viewerOf(reader),
      filters,
      order,
      cursor?.slice(1) ?? null,
      query.limit + 1,
    );
    const page = toPage(
      rows,
      query.limit,
      (row) => [order, row.rank, row.created_at.toISOString(), row.id],
      (row) => ({ post: toPostDto(row, reader), snippet: snippetHtml(row.snippet) }),
    );
    return { ...page, order };
  }

  async revisions(
    id: string,
    query: ListQueryDto,
    reader: Actor | null,
  ): Promise<Page<{ body: string; editedAt: string; editorId: string | null }>> {
    const viewer = viewerOf(reader);
    const after = decodeCursor(query.cursor, REVISION_CURSOR);
    const post = await this.posts.findOne(id, viewer);
    if (!post) throw postNotFound();
    // A deleted post's earlier words reach only moderators (its revisions are what an appeal is judged on).
    if (post.status === 'deleted' && !viewer.moderator) return { items: [], nextCursor: null };
    const rows = await this.posts.revisions(id, after, query.limit + 1);
    return toPage(
      rows,
      query.limit,
      (row) => [row.edited_at.toISOString(), row.id],
      (row) => ({ body: row.body, editedAt: row.edited_at.toISOString(), editorId: row.editor_id }),
    );
  }

  /** Posts written in these debates within [from, to): counts by stance and who wrote (a session's report). */
  activity(debateIds: string[], from: Date, to: Date): Promise<PostActivity> {
    return this.posts.activity(debateIds, from, to);
  }

  /** The highest-scored visible posts written in these debates within [from, to), as guests see them. */
  async top(debateIds: string[], from: Date, to: Date, limit: number): Promise<PostResponseDto[]> {
    return (await this.posts.top(debateIds, from, to, limit)).map((row) => toPostDto(row, null));
  }

  /**
   * Each person's side in these debates (the stance of their latest visible top-level post with one); people
   * without one are absent.
   */
  stances(authorIds: string[], debateIds: string[]): Promise<Map<string, Stance>> {
    if (authorIds.length === 0 || debateIds.length === 0) return Promise.resolve(new Map());
    return this.posts.stances(authorIds, debateIds);
  }

  /**
   * Replayed events (a join's `missed`) as the posts are now, not as they were: an event about a post the reader may
   * no longer see is left out, and one carrying a post deleted since carries its tombstone, so a resume never brings
   * back withdrawn words. `post.deleted` and `post.hidden` carry only the id and always pass: they tell the client
   * what to take away.
   */
  async replayable(events: AnyStoredEvent[], reader: Actor | null): Promise<AnyStoredEvent[]> {
    const ids = [...new Set(events.flatMap((event) => (followsPost(event) ? [event.data.id] : [])))];
    if (ids.length === 0) return events;
    const now = await this.posts.statuses(ids);
    const viewer = viewerOf(reader);
    return events.flatMap((event): AnyStoredEvent[] => {
      if (!followsPost(event)) return [event];
      const post = now.get(event.data.id);
      if (!post || !canSee(viewer, post)) return [];
      if (post.status !== 'deleted' || event.type === 'post.voted') return [event];
      return [{ ...event, data: asTombstone(event.data) }];
    });
  }
}

/** Events whose data is a post, or a post's new score: they follow the post's visibility now. */
type PostFollowingEvent = Extract<
  AnyStoredEvent,
  { type: 'post.created' | 'post.updated' | 'post.restored' | 'post.labelled' | 'post.voted' }
>;

function followsPost(event: AnyStoredEvent): event is PostFollowingEvent {
  switch (event.type) {
    case 'post.created':
    case 'post.updated':
    case 'post.restored':
    case 'post.labelled':
    case 'post.voted':
      return true;
    default:
      return false;
  }
}

function debateRef(id: string, row: DebateRefRow): DebateRefDto {
  return { id, question: row.debate_question, i18n: row.debate_i18n };
}

export function postNotFound(): DomainError {
  return new DomainError('not_found', 'No such post.');
}
