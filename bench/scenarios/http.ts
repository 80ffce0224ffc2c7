import { checkPosts, checkVotes } from '../harness/checks';
import { PostgresBench, Side, SIDES, Size } from '../harness/context';
import { Person } from '../harness/forum';
import { HttpRequest, load, LoadResult } from '../harness/load';
import { Running } from '../harness/processes';
import { percentile, Row } from '../harness/report';
import { Query, seedThread, seedTopLevel } from '../harness/seed';
import { topLevelPage } from '../reference/sql';

const STANCES = ['pro', 'contra', 'neutral'] as const;
const VOTED_POSTS = 200;

/**
 * Writers posting top-level posts to one debate, each as one of the participants, as fast as answers come; the
 * text after `Write i: ` is a short argument unless given.
 */
export function postRequests(
  debateId: string,
  people: Person[],
  text = 'labels will not stop fakes, but provenance helps',
): (i: number) => HttpRequest {
  return (i) => ({
    method: 'POST',
    path: `/api/debates/${debateId}/posts`,
    headers: { authorization: `Bearer ${people[i % people.length].token}` },
    body: { body: `Write ${i}: ${text}`, stance: STANCES[i % 3] },
  });
}

/** Page 1 of the top level by `top`, as a guest or signed in (rotating through the participants). */
export function pageRequests(debateId: string, people: Person[] | null): (i: number) => HttpRequest {
  return (i) => ({
    method: 'GET',
    path: `/api/debates/${debateId}/posts?sort=top&limit=50`,
    headers: people ? { authorization: `Bearer ${people[i % people.length].token}` } : undefined,
  });
}

/**
 * Votes that always change something: request k puts voter ⌊k/P⌋ mod U on post k mod P, up in even rounds and down
 * in odd ones, so the requests in flight together touch different posts and never repeat a vote.
 */
function voteRequests(postIds: string[], people: Person[]): () => HttpRequest {
  let k = 0;
  return () => {
    const post = postIds[k % postIds.length];
    const voter = people[Math.floor(k / postIds.length) % people.length];
    const value = Math.floor(k / (postIds.length * people.length)) % 2 === 0 ? 1 : -1;
    k += 1;
    return {
      method: 'PUT',
      path: `/api/posts/${post}/vote`,
      headers: { authorization: `Bearer ${voter.token}` },
      body: { value },
    };
  };
}

/** A warm-up (not counted), then the measured load. Returns the measured result and all 2xx answers. */
export async function warmThenLoad(
  server: Running,
  size: Size,
  connections: number,
  next: (i: number) => HttpRequest,
): Promise<{ result: LoadResult; answered: number }> {
  let offset = 0;
  let answered = 0;
  if (size.warmUpSeconds > 0) {
    const warm = await load(server, { connections, seconds: size.warmUpSeconds, next });
    offset = 1_000_000;
    answered += warm.ok;
    reportFailures(server.name, 'warm-up', warm);
  }
  const result = await load(server, { connections, seconds: size.seconds, next: (i) => next(offset + i) });
  return { result, answered: answered + result.ok };
}

function reportFailures(name: string, phase: string, result: LoadResult): string | null {
  if (result.failed === 0) return null;
  const message = `${name} ${phase}: ${result.failed} failed requests ${JSON.stringify(result.statuses)}`;
  console.error(`  ${message}`);
  return message;
}

/** The rows of a throughput comparison: rate, p99 latency and server CPU per answer. */
export function loadRows(
  scenario: string,
  label: string,
  unit: string,
  results: Record<Side, LoadResult>,
  target?: number,
): Row[] {
  return [
    {
      scenario,
      figure: `${label}`,
      unit,
      forum: results.forum.rate,
      reference: results.reference.rate,
      better: 'higher',
      target,
      details: { forum: results.forum, reference: results.reference },
    },
    {
      scenario,
      figure: `${label}: p99 latency`,
      unit: 'ms',
      forum: results.forum.p99,
      reference: results.reference.p99,
      better: 'lower',
    },
    {
      scenario,
      figure: `${label}: server CPU per answer`,
      unit: 'ms',
      forum: results.forum.cpuMs,
      reference: results.reference.cpuMs,
      better: 'lower',
    },
  ];
}

/** Writes on any database: one debate per side, so the checks can count each side's rows. */
export async function measureWrites(
  servers: Record<Side, Running>,
  debates: Record<Side, string>,
  people: Person[],
  size: Size,
  query: () => Query,
  problem: (message: string) => void,
  text?: string,
): Promise<Record<Side, LoadResult>> {
  const results = {} as Record<Side, LoadResult>;
  for (const side of SIDES) {
    const { result, answered } = await warmThenLoad(
      servers[side],
      size,
      size.writers,
      postRequests(debates[side], people, text),
    );
    const failure = reportFailures(servers[side].name, 'writes', result);
    if (failure) problem(failure);
    for (const found of await checkPosts(query(), debates[side], answered, 2 * size.writers)) {
      problem(`${servers[side].name} writes: ${found}`);
    }
    results[side] = result;
  }
  return results;
}

export async function writes(bench: PostgresBench): Promise<Row[]> {
  const debates = {
    forum: await bench.debate('writes (forum)'),
    reference: await bench.debate('writes (reference)'),
  };
  const servers = { forum: bench.forum, reference: bench.reference };
  const results = await measureWrites(
    servers,
    debates,
    bench.people,
    bench.size,
    () => bench.query,
    (message) => bench.problem(message),
  );
  return loadRows(
    'writes',
    `writes: ${bench.size.writers} concurrent writers to one debate, ${bench.size.seconds} s`,
    'posts/s',
    results,
    0.5,
  );
}

/** The debate the read scenarios page through: a thread of `threadPosts` posts among neighbours of the same size. */
export async function readDebate(bench: PostgresBench): Promise<string> {
  const debateId = await bench.debate('reads');
  await seedThread(
    bench.query,
    debateId,
    bench.people.map((person) => person.id),
    bench.size.threadPosts,
  );
  // Without neighbours the table is all this one debate and the planner rightly scans it whole, which says nothing
  // about a forum that has been running a while.
  for (let n = 0; n < bench.size.neighbours; n++) {
    await seedTopLevel(bench.query, await bench.debate(`neighbour ${n}`), bench.people[0].id, bench.size.threadPosts);
  }
  // Autovacuum analyses tables this fresh within a minute in production; do it now rather than wait.
  await bench.query('ANALYZE');
  return debateId;
}

/** The first page from each side must hold the same posts in the same order, or the comparison means nothing. */
export async function samePage(servers: Record<Side, Running>, debateId: string): Promise<string | null> {
  const ids: Record<string, string> = {};
  for (const side of SIDES) {
    const response = await fetch(`${servers[side].url}/api/debates/${debateId}/posts?sort=top&limit=50`);
    const page = (await response.json()) as { items: { id: string }[] };
    ids[side] = page.items.map((item) => item.id).join(',');
  }
  return ids.forum === ids.reference ? null : 'the forum and the reference answer different first pages';
}

export async function measureReads(
  servers: Record<Side, Running>,
  debateId: string,
  people: Person[] | null,
  size: Size,
  problem: (message: string) => void,
): Promise<Record<Side, LoadResult>> {
  const results = {} as Record<Side, LoadResult>;
  for (const side of SIDES) {
    const { result } = await warmThenLoad(servers[side], size, size.readers, pageRequests(debateId, people));
    const failure = reportFailures(servers[side].name, 'reads', result);
    if (failure) problem(failure);
    results[side] = result;
  }
  return results;
}

export async function reads(bench: PostgresBench): Promise<Row[]> {
  const debateId = await readDebate(bench);
  const servers = { forum: bench.forum, reference: bench.reference };
  const different = await samePage(servers, debateId);
  if (different) bench.problem(different);
  const label = `reads: a page of 50 by top of a ${bench.size.threadPosts.toLocaleString('en')}-post debate, ${bench.size.readers} connections`;
  const problem = (message: string) => bench.problem(message);
  const guests = await measureReads(servers, debateId, null, bench.size, problem);
  const signedIn = await measureReads(servers, debateId, bench.people, bench.size, problem);
  // The forum's page query as it is sent today; the reference sends the same.
  const plan = (await bench.query(`EXPLAIN (ANALYZE, COSTS OFF) ${topLevelPage('top', null)}`, [
    debateId,
    null,
    false,
    null,
    51,
  ])) as { 'QUERY PLAN': string }[];
  const rows = [
    ...loadRows('reads', `${label}, guests`, 'req/s', guests, 0.6),
    ...loadRows('reads', `${label}, signed in`, 'req/s', signedIn, 0.6),
  ];
  rows[0].details = { ...rows[0].details, plan: plan.map((line) => line['QUERY PLAN']) };
  return [...rows, ...(await everySort(bench, debateId))];
}

const SORTS = ['top', 'new', 'old', 'common-ground'] as const;

/**
 * The forum alone, one signed-in reader, one request at a time: a page of 50 in every sort, walking the pages
 * (first and deeper ones alike), and the whole tree in one request. The reference has no such paths; these are
 * here so a slow sort or plan shows up.
 */
async function everySort(bench: PostgresBench, debateId: string): Promise<Row[]> {
  const { token } = bench.people[0];
  const samples = bench.size.smoke ? 5 : 100;
  const timed = async (path: string) => {
    const begin = performance.now();
    const response = await fetch(`${bench.forum.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });
    const body = (await response.json()) as { nextCursor?: string | null };
    if (!response.ok) bench.problem(`${path}: ${response.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - begin, body };
  };
  const rows: Row[] = [];
  const one = (figure: string, ms: number[]): Row => ({
    scenario: 'reads',
    figure,
    unit: 'ms',
    forum: percentile(ms, 0.99),
    reference: null,
    better: 'lower',
    details: { p50: percentile(ms, 0.5), samples: ms.length },
  });
  for (const sort of SORTS) {
    const ms: number[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < samples; i++) {
      const page: { ms: number; body: { nextCursor?: string | null } } = await timed(
        `/api/debates/${debateId}/posts?sort=${sort}&limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      );
      ms.push(page.ms);
      cursor = page.body.nextCursor ?? null;
    }
    rows.push(one(`reads: a page of 50 by ${sort}, walking the pages, one signed-in reader: p99`, ms));
  }
  const tree: number[] = [];
  for (let i = 0; i < Math.ceil(samples / 5); i++) tree.push((await timed(`/api/debates/${debateId}/tree`)).ms);
  rows.push(
    one(`reads: the whole tree (${bench.size.threadPosts.toLocaleString('en')} posts) in one request: p99`, tree),
  );
  return rows;
}

export async function votes(bench: PostgresBench): Promise<Row[]> {
  const results = {} as Record<Side, LoadResult>;
  for (const side of SIDES) {
    const debateId = await bench.debate(`votes (${side})`);
    await seedTopLevel(bench.query, debateId, bench.admin.id, VOTED_POSTS);
    const postIds = (
      (await bench.query(`SELECT id FROM posts WHERE debate_id = $1 ORDER BY created_at`, [debateId])) as {
        id: string;
      }[]
    ).map((row) => row.id);
    const server = bench.server(side);
    const { result, answered } = await warmThenLoad(
      server,
      bench.size,
      bench.size.writers,
      voteRequests(postIds, bench.people),
    );
    const failure = reportFailures(server.name, 'votes', result);
    if (failure) bench.problem(failure);
    for (const found of await checkVotes(bench.query, debateId, answered, 2 * bench.size.writers)) {
      bench.problem(`${server.name} votes: ${found}`);
    }
    results[side] = result;
  }
  return loadRows(
    'votes',
    `votes: ${bench.size.writers} concurrent voters on ${VOTED_POSTS} posts of one debate, ${bench.size.seconds} s`,
    'votes/s',
    results,
  );
}
