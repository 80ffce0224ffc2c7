import type { Socket } from 'socket.io-client';
import { settled } from '../harness/checks';
import { PostgresBench } from '../harness/context';
import { call, Person } from '../harness/forum';
import { delay } from '../harness/processes';
import { percentile, Row } from '../harness/report';
import { Arrivals, closeAll, connectJoined, WireEvent } from '../harness/sockets';

const OPTIONS = ['Platforms', 'Makers', 'Both', 'Nobody'];
/** How long a client may take to see the final figures, after the last answer, before it counts as never. */
const SEEN_TIMEOUT_MS = 15_000;
/** The forum sends poll results and up-votes at most this often (RESULTS_INTERVAL_MS in src/sessions). */
const COALESCE_MS = 250;

interface Burst {
  latencies: number[];
  statuses: Record<string, number>;
  /** From the last answer until each client had received the final figure live. */
  seen: number[];
  neverSaw: number;
  /** Server CPU per request, in ms. */
  cpuMs: number;
  /** Every coalesced event of the burst on every client; still listening, for late or doubled ones. */
  all: Arrivals;
}

/**
 * Every participant sends one request at a random moment within `burstMs`, while every socket watches `type` for
 * `id` until `isFinal` holds for what it received.
 */
async function burst(
  bench: PostgresBench,
  sockets: Socket[],
  people: Person[],
  send: (person: Person, i: number) => Promise<Response>,
  event: { type: string; id: string; isFinal: (data: WireEvent['data']) => boolean },
): Promise<Burst> {
  const all = new Arrivals(sockets, event.type, ({ data }) => data.id === event.id);
  const final = new Arrivals(sockets, event.type, ({ data }) => data.id === event.id && event.isFinal(data));
  const before = await bench.forum.probe();
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  await Promise.all(
    people.map(async (person, i) => {
      await delay(Math.random() * bench.size.burstMs);
      const begin = performance.now();
      const response = await send(person, i).catch(() => null);
      await response?.arrayBuffer();
      latencies.push(performance.now() - begin);
      const status = response ? String(response.status) : 'connection error';
      statuses[status] = (statuses[status] ?? 0) + 1;
    }),
  );
  const lastAnswer = performance.now();
  await final.everyone(1, SEEN_TIMEOUT_MS);
  final.stop();
  const after = await bench.forum.probe();
  return {
    latencies,
    statuses,
    seen: final.firstSince(lastAnswer).map((ms) => Math.max(0, ms)),
    neverSaw: final.none(),
    cpuMs: (after.cpuMicros - before.cpuMicros) / 1000 / people.length,
    all,
  };
}

/**
 * After a burst: every answer 200, every client saw the final figure, and each of the `written` coalesced events
 * the log holds reached every client once.
 */
async function checkBurst(bench: PostgresBench, what: string, result: Burst, written: number): Promise<void> {
  const failed = Object.entries(result.statuses).filter(([status]) => status !== '200');
  if (failed.length > 0) bench.problem(`${what}: answers other than 200 ${JSON.stringify(result.statuses)}`);
  if (result.neverSaw > 0) {
    bench.problem(`${what}: ${result.neverSaw} clients never saw the final count (${SEEN_TIMEOUT_MS / 1000} s)`);
  }
  await result.all.everyone(written, 10_000);
  result.all.stop();
  const lost = result.all.lost(written);
  const extra = result.all.times.filter((times) => times.length > written).length;
  if (lost > 0 || result.all.doubled > 0 || extra > 0) {
    bench.problem(
      `${what}: of ${written} events written, ${lost} deliveries lost, ${result.all.doubled} doubled, ` +
        `${extra} clients got events the log does not hold`,
    );
  }
}

/** The coalesced events of one burst as the first client received them: how many a second, the shortest gap. */
function cadence(times: number[]): { perSecond: number; received: number; minGapMs: number | null } {
  const gaps = times.slice(1).map((time, i) => time - times[i]);
  const span = times.length > 1 ? (times[times.length - 1] - times[0]) / 1000 : 0;
  return {
    perSecond: span > 0 ? (times.length - 1) / span : times.length,
    received: times.length,
    minGapMs: gaps.length > 0 ? Math.min(...gaps) : null,
  };
}

function burstRows(label: string, type: string, result: Burst, written: number): Row[] {
  const row = (figure: string, unit: string, forum: number, details?: Record<string, unknown>): Row => ({
    scenario: 'polls',
    figure: `${label}: ${figure}`,
    unit,
    forum,
    reference: null,
    better: 'lower',
    details,
  });
  return [
    row('p99 answer', 'ms', percentile(result.latencies, 0.99), {
      p50: percentile(result.latencies, 0.5),
      max: percentile(result.latencies, 1),
      statuses: result.statuses,
    }),
    row('p99 from the last answer until each client saw the final count', 'ms', percentile(result.seen, 0.99), {
      max: percentile(result.seen, 1),
      neverSaw: result.neverSaw,
    }),
    row('server CPU per answer', 'ms', result.cpuMs),
    row(`${type} received by a client (coalesced)`, '/s', cadence(result.all.times[0] ?? []).perSecond, {
      ...cadence(result.all.times[0] ?? []),
      written,
    }),
  ];
}

/** The session stream's events of one type about one poll or question, once no flush is pending any more. */
function written(bench: PostgresBench, sessionId: string, type: string, id: string): Promise<number> {
  return settled(async () => {
    const [{ count }] = (await bench.query(
      `SELECT count(*)::int AS count FROM events WHERE stream = $1 AND type = $2 AND payload ->> 'id' = $3`,
      [`session:${sessionId}`, type, id],
    )) as { count: number }[];
    return count;
  }, 2 * COALESCE_MS);
}

/**
 * A live session under a burst: its participants, each signed in and joined to the session, vote once on one poll
 * within `burstMs`, then up-vote one question the same way. Every vote must be counted once, every client must see
 * the final counts live, and every coalesced event (`poll.results`, `question.upvoted`) must reach every client
 * once. The reference has no sessions: forum figures only.
 */
export async function polls(bench: PostgresBench): Promise<Row[]> {
  const count = bench.size.sessionParticipants;
  const admin = { token: bench.admin.token };
  const debateId = await bench.debate('live session');
  const session = await call<{ id: string }>(bench.forum, 'POST', '/api/sessions', {
    ...admin,
    body: { title: 'Benchmark session', debateIds: [debateId] },
  });
  await call(bench.forum, 'POST', `/api/sessions/${session.id}/start`, admin);
  const poll = await call<{ id: string }>(bench.forum, 'POST', `/api/sessions/${session.id}/polls`, {
    ...admin,
    body: { question: 'Who should label AI video?', options: OPTIONS, kind: 'quick' },
  });
  await call(bench.forum, 'POST', `/api/polls/${poll.id}/open`, admin);
  const question = await call<{ id: string }>(bench.forum, 'POST', `/api/sessions/${session.id}/questions`, {
    token: bench.people[0].token,
    body: { body: 'Who pays for the checks?' },
  });

  const people = await bench.crowd(count);
  const joined = await connectJoined(bench.forum, { sessionId: session.id }, count, {
    tokens: people.map((person) => person.token),
  });
  if (joined.errors > 0) {
    bench.problem(`polls: ${joined.errors} of ${count} participants failed to join (${joined.firstError})`);
  }
  const { sockets } = joined;
  const json = (person: Person, body?: unknown): RequestInit => ({
    method: 'PUT',
    headers: { Authorization: `Bearer ${person.token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  const votes = await burst(
    bench,
    sockets,
    people,
    (person, i) => fetch(`${bench.forum.url}/api/polls/${poll.id}/vote`, json(person, { optionIndex: i % 4 })),
    { type: 'poll.results', id: poll.id, isFinal: (data) => data.total === count },
  );
  const expected = OPTIONS.map((_, j) => Math.floor(count / OPTIONS.length) + (j < count % OPTIONS.length ? 1 : 0));
  const sameCounts = (data: WireEvent['data']) =>
    JSON.stringify(data.counts) === JSON.stringify(expected) && data.total === count;
  const closedSeen = new Arrivals(sockets, 'poll.closed', ({ data }) => data.id === poll.id && sameCounts(data));
  const closed = await call<WireEvent['data']>(bench.forum, 'POST', `/api/polls/${poll.id}/close`, admin);
  if (!sameCounts(closed)) {
    bench.problem(`polls: closed with ${JSON.stringify(closed.counts)}, expected ${JSON.stringify(expected)}`);
  }
  const pollResults = await written(bench, session.id, 'poll.results', poll.id);
  await checkBurst(bench, 'poll votes', votes, pollResults);
  if (!(await closedSeen.everyone(1, 10_000))) {
    bench.problem(`polls: ${closedSeen.none()} clients did not receive poll.closed with the final counts`);
  }
  closedSeen.stop();

  const upvotes = await burst(
    bench,
    sockets,
    people,
    (person) => fetch(`${bench.forum.url}/api/questions/${question.id}/upvote`, json(person)),
    { type: 'question.upvoted', id: question.id, isFinal: (data) => data.upvotes === count },
  );
  const questions = await call<{ items: { id: string; upvotes: number }[] }>(
    bench.forum,
    'GET',
    `/api/sessions/${session.id}/questions`,
  );
  const upvoted = questions.items.find((item) => item.id === question.id)?.upvotes;
  if (upvoted !== count) bench.problem(`polls: the question has ${upvoted} up-votes, expected ${count}`);
  const upvoteEvents = await written(bench, session.id, 'question.upvoted', question.id);
  await checkBurst(bench, 'question up-votes', upvotes, upvoteEvents);
  closeAll(sockets);

  const within = `${count.toLocaleString('en')} participants within ${bench.size.burstMs / 1000} s`;
  return [
    ...burstRows(`polls: one vote each on one poll, ${within}`, 'poll.results', votes, pollResults),
    ...burstRows(`polls: one up-vote each on one question, ${within}`, 'question.upvoted', upvotes, upvoteEvents),
  ];
}
