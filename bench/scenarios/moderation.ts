import { PostgresBench } from '../harness/context';
import { call, Person } from '../harness/forum';
import { percentile, Row } from '../harness/report';
import { seedQueue } from '../harness/seed';
import { Arrivals, closeAll, connectJoined } from '../harness/sockets';

const DEBATES = 20;
const AUTHORS = 200;
const FLAGGERS = 100;
/** Queue pages must come back within this at p99 (the moderation feature's goal). */
const PAGE_TARGET_MS = 30;

interface Timed {
  ms: number[];
  /** Server CPU per request, in ms. */
  cpuMs: number;
}

/** One request at a time, `count` times, each made by `next` from the previous answer; times and server CPU. */
async function oneByOne<T>(
  bench: PostgresBench,
  count: number,
  next: (previous: T | null) => string,
  check: (answer: T) => void,
): Promise<Timed> {
  const ms: number[] = [];
  const before = await bench.forum.probe();
  let previous: T | null = null;
  for (let i = 0; i < count; i++) {
    const path = next(previous);
    const begin = performance.now();
    const response = await fetch(`${bench.forum.url}${path}`, {
      headers: { Authorization: `Bearer ${bench.admin.token}` },
    });
    const answer = (await response.json()) as T;
    ms.push(performance.now() - begin);
    if (!response.ok) {
      bench.problem(`moderation: ${path} answered ${response.status} ${JSON.stringify(answer)}`);
      previous = null;
      continue;
    }
    check(answer);
    previous = answer;
  }
  const after = await bench.forum.probe();
  return { ms, cpuMs: (after.cpuMicros - before.cpuMicros) / 1000 / count };
}

interface QueuePage {
  items: { id: string; state: string }[];
  nextCursor: string | null;
  openCount: number;
}

/**
 * The open queue walked from the oldest item as a moderator does, `limit` a page, wrapping to the first page at the
 * end. Each pass must list every open item once, and only open ones.
 */
function walkQueue(bench: PostgresBench, limit: number): Promise<Timed> {
  const seen = new Set<string>();
  return oneByOne<QueuePage>(
    bench,
    bench.size.queuePages,
    (previous) =>
      `/api/moderation/queue?state=open&limit=${limit}${previous?.nextCursor ? `&cursor=${previous.nextCursor}` : ''}`,
    (page) => {
      for (const item of page.items) {
        if (item.state !== 'open') bench.problem(`moderation: the open queue lists a ${item.state} item`);
        if (seen.has(item.id)) bench.problem(`moderation: the queue walk lists item ${item.id} twice`);
        seen.add(item.id);
      }
      if (page.nextCursor) return;
      if (seen.size !== page.openCount) {
        bench.problem(`moderation: a walk of the queue listed ${seen.size} of ${page.openCount} open items`);
      }
      seen.clear();
    },
  );
}

interface FlagRounds {
  /** From sending the third flag to `post.hidden` on each reader, and the flag's own answer. */
  hidden: number[];
  answered: number[];
  /** A plain post's `post.created` on each reader, under the same load. */
  created: number[];
}

/**
 * Rounds of: a new post (its `post.created` on every reader is the baseline), two flags, then the third, which hides
 * it (FLAG_HIDE_THRESHOLD 3): the time to `post.hidden` on every reader. Every delivery must arrive once.
 */
async function flagRounds(
  bench: PostgresBench,
  debateId: string,
  author: Person,
  flaggers: Person[],
): Promise<FlagRounds> {
  const { size } = bench;
  const joined = await connectJoined(bench.forum, { debateId }, size.flagReaders);
  if (joined.errors > 0) {
    bench.problem(`moderation: ${joined.errors} of ${size.flagReaders} readers failed to join (${joined.firstError})`);
  }
  const { sockets } = joined;
  const measured: FlagRounds = { hidden: [], answered: [], created: [] };
  const watching: Arrivals[] = [];
  const flag = (flagger: Person, postId: string) =>
    call(bench.forum, 'POST', `/api/posts/${postId}/flags`, {
      token: flagger.token,
      body: { reason: 'synthetic_media' },
    });
  for (let round = 0; round < size.flagRounds; round++) {
    const body = `Round ${round}: this footage is real, trust me.`;
    const created = new Arrivals(sockets, 'post.created', ({ data }) => data.body === body);
    const posted = performance.now();
    const post = await call<{ id: string }>(bench.forum, 'POST', `/api/debates/${debateId}/posts`, {
      token: author.token,
      body: { body },
    });
    await created.everyone(1, 10_000);
    measured.created.push(...created.firstSince(posted));
    const [first, second, third] = flaggers.slice(3 * round, 3 * round + 3);
    await flag(first, post.id);
    await flag(second, post.id);
    const hidden = new Arrivals(sockets, 'post.hidden', ({ data }) => data.id === post.id);
    const begin = performance.now();
    await flag(third, post.id);
    measured.answered.push(performance.now() - begin);
    await hidden.everyone(1, 10_000);
    measured.hidden.push(...hidden.firstSince(begin));
    watching.push(created, hidden);
    const [{ status }] = (await bench.query(`SELECT status FROM posts WHERE id = $1`, [post.id])) as {
      status: string;
    }[];
    if (status !== 'hidden') bench.problem(`moderation: three flags left the post ${status}`);
  }
  // Anything doubled has arrived by now: the rounds after it took longer than a delivery.
  const lost = watching.reduce((sum, arrivals) => sum + arrivals.lost(1), 0);
  const doubled = watching.reduce((sum, arrivals) => sum + arrivals.doubled, 0);
  if (lost > 0 || doubled > 0) {
    bench.problem(`moderation: ${lost} lost, ${doubled} doubled deliveries of post.created and post.hidden`);
  }
  watching.forEach((arrivals) => arrivals.stop());
  closeAll(sockets);
  return measured;
}

/**
 * Moderation at size. The review queue with `queueItems` open items (and as many resolved) over 20 debates by 200
 * authors, two flags each, 5,000 earlier decisions in the log: pages of 50 (the API's default) and of 20 (what the
 * moderation page loads) walking the queue, beside a request that does no work. Then the flag threshold: readers
 * joined to a debate, the time from the third flag to `post.hidden` on each. The reference has no moderation:
 * forum figures only.
 */
export async function moderation(bench: PostgresBench): Promise<Row[]> {
  const { size } = bench;
  const people = await bench.crowd(AUTHORS + FLAGGERS + 3 * size.flagRounds + 1);
  const debateIds: string[] = [];
  for (let n = 0; n < DEBATES; n++) debateIds.push(await bench.debate(`moderation ${n}`));
  await seedQueue(bench.query, bench.admin.id, size.queueItems, {
    debateIds,
    authorIds: people.slice(0, AUTHORS).map((person) => person.id),
    flaggerIds: people.slice(AUTHORS, AUTHORS + FLAGGERS).map((person) => person.id),
  });
  // Autovacuum analyses tables this fresh within a minute in production; do it now rather than wait.
  await bench.query('ANALYZE');

  const fifty = await walkQueue(bench, 50);
  const twenty = await walkQueue(bench, 20);
  const me = await oneByOne(
    bench,
    size.queuePages,
    () => '/api/auth/me',
    () => undefined,
  );
  const plan = (await bench.query(
    `EXPLAIN (ANALYZE, COSTS OFF) SELECT q.id, q.post_id, q.state, q.causes, q.opened_at FROM queue_items q
     LEFT JOIN users r ON r.id = q.resolved_by_id
     WHERE q.state = 'open' ORDER BY q.opened_at, q.id LIMIT 51`,
  )) as { 'QUERY PLAN': string }[];

  const live = await bench.debate('is this clip real?');
  const [author, ...flaggers] = people.slice(AUTHORS + FLAGGERS);
  const rounds = await flagRounds(bench, live, author, flaggers);

  const open = size.queueItems.toLocaleString('en');
  const row = (figure: string, ms: number[], target?: number, details?: Record<string, unknown>): Row => ({
    scenario: 'moderation',
    figure,
    unit: 'ms',
    forum: percentile(ms, 0.99),
    reference: null,
    better: 'lower',
    target,
    absolute: target !== undefined,
    details: { p50: percentile(ms, 0.5), max: percentile(ms, 1), samples: ms.length, ...details },
  });
  const readers = `${size.flagReaders.toLocaleString('en')} joined readers`;
  return [
    row(`moderation: a page of 50 of the open queue (${open} open items), walking it: p99`, fifty.ms, PAGE_TARGET_MS, {
      plan: plan.map((line) => line['QUERY PLAN']),
    }),
    row(`moderation: a page of 20 (what the moderation page loads), walking it: p99`, twenty.ms, PAGE_TARGET_MS),
    {
      scenario: 'moderation',
      figure: 'moderation: server CPU per page of 50 (of 20 in the details)',
      unit: 'ms',
      forum: fifty.cpuMs,
      reference: null,
      better: 'lower',
      details: { twenty: twenty.cpuMs, authMe: me.cpuMs },
    },
    row('moderation: GET /api/auth/me, the same auth with no work behind it: p99', me.ms),
    row(`moderation: the third flag to post.hidden on each of ${readers}: p99`, rounds.hidden, undefined, {
      rounds: size.flagRounds,
    }),
    row(`moderation: the third flag's own answer: p99`, rounds.answered),
    row(`moderation: baseline, a new post to post.created on each of ${readers}: p99`, rounds.created),
  ];
}
