import { DomainError } from '../common/errors/domain-error';
import { decodeCursor, toPage } from '../common/pagination/cursor';
import { STANCES, Stance } from '../debates/stance';
import type { QuestionOrder } from './dto/question.dto';

export interface Orderable {
  id: string;
  authorId: string;
  upvotes: number;
  createdAt: Date;
}

/** What the `top` and `new` orders sort by. */
type OrderKey = Pick<Orderable, 'id' | 'upvotes' | 'createdAt'>;

/** 0 only for the same id: a cursor's own question is not after itself. */
function byId(a: OrderKey, b: OrderKey): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Most up-voted first; among equals the oldest (it has waited longest), then by id so the order is total. */
function byTop(a: OrderKey, b: OrderKey): number {
  return b.upvotes - a.upvotes || a.createdAt.getTime() - b.createdAt.getTime() || byId(a, b);
}

function byNew(a: OrderKey, b: OrderKey): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || byId(b, a);
}

/**
 * The Q&A queue in one order. `balanced` lets no camp crowd the other out by numbers: the top question of each
 * stance in turn (the stance whose best question ranks highest goes first), then those of askers without a stance,
 * by top.
 */
export function orderQuestions<Q extends Orderable>(
  questions: readonly Q[],
  order: QuestionOrder,
  stanceOf: (authorId: string) => Stance | undefined,
): Q[] {
  if (order === 'new') return [...questions].sort(byNew);
  const top = [...questions].sort(byTop);
  if (order === 'top') return top;

  const sides = new Map<Stance, Q[]>(STANCES.map((stance) => [stance, []]));
  const without: Q[] = [];
  for (const question of top) {
    const stance = stanceOf(question.authorId);
    if (stance) sides.get(stance)!.push(question);
    else without.push(question);
  }
  // Sides take turns in the order of their best question.
  const queues = [...sides.values()].filter((queue) => queue.length > 0).sort((a, b) => byTop(a[0], b[0]));
  const balanced: Q[] = [];
  for (let round = 0; queues.some((queue) => round < queue.length); round++) {
    for (const queue of queues) if (round < queue.length) balanced.push(queue[round]);
  }
  return [...balanced, ...without];
}

/**
 * One page of the Q&A in an order, by a cursor that survives questions being asked during a walk (API.md: every
 * item that existed at the walk's start comes exactly once):
 * - `top` and `new` are keysets on the order's own key (up-votes, time, id / time, id): the next page is what sorts
 *   after the last question given, wherever new questions land;
 * - `balanced` interleaves the stances, so one new question can move every later one. Its cursor keeps the walk's
 *   snapshot instead: the creation time of the newest question the first page saw, and the position reached. Later
 *   pages order only the questions that existed by then, so positions stay put; questions asked meanwhile come in
 *   the next walk.
 */
export function pageQuestions<Q extends Orderable>(
  questions: readonly Q[],
  query: { order: QuestionOrder; cursor?: string; limit: number },
  stanceOf: (authorId: string) => Stance | undefined,
): { items: Q[]; nextCursor: string | null } {
  if (query.order === 'balanced') return pageBalanced(questions, query, stanceOf);
  const ordered = orderQuestions(questions, query.order, stanceOf);
  const compare = query.order === 'new' ? byNew : byTop;
  const last = decodeKey(query.cursor, query.order);
  const rest = last ? ordered.filter((question) => compare(question, last) > 0) : ordered;
  return toPage(
    rest.slice(0, query.limit + 1),
    query.limit,
    (question) =>
      query.order === 'new'
        ? [question.createdAt.toISOString(), question.id]
        : [question.upvotes, question.createdAt.toISOString(), question.id],
    (question) => question,
  );
}

function decodeKey(cursor: string | undefined, order: 'top' | 'new'): OrderKey | null {
  if (order === 'new') {
    const key = decodeCursor(cursor, ['time', 'id']);
    return key && { upvotes: 0, createdAt: new Date(key[0] as string), id: key[1] as string };
  }
  const key = decodeCursor(cursor, ['int', 'time', 'id']);
  return key && { upvotes: key[0] as number, createdAt: new Date(key[1] as string), id: key[2] as string };
}

function pageBalanced<Q extends Orderable>(
  questions: readonly Q[],
  query: { cursor?: string; limit: number },
  stanceOf: (authorId: string) => Stance | undefined,
): { items: Q[]; nextCursor: string | null } {
  const key = decodeCursor(query.cursor, ['time', 'int']);
  const asOf = key
    ? new Date(key[0] as string)
    : new Date(Math.max(0, ...questions.map((question) => question.createdAt.getTime())));
  const start = key ? (key[1] as number) : 0;
  if (start < 0) throw new DomainError('invalid_cursor', 'cursor is malformed: pass the nextCursor of a previous page');
  const snapshot = questions.filter((question) => question.createdAt.getTime() <= asOf.getTime());
  const ordered = orderQuestions(snapshot, 'balanced', stanceOf);
  return toPage(
    ordered.slice(start, start + query.limit + 1).map((question, i) => ({ question, position: start + i + 1 })),
    query.limit,
    (row) => [asOf.toISOString(), row.position],
    (row) => row.question,
  );
}
