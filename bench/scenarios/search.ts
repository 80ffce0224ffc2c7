import { DataSource } from 'typeorm';
import { PreparedQueries } from '../../src/database/prepared-queries';
import { PostRepository } from '../../src/posts/post.repository';
import { PostgresBench } from '../harness/context';
import { Person } from '../harness/forum';
import { Query, seedBodies } from '../harness/seed';
import { percentile, Row } from '../harness/report';

const DEBATES = 20;
const AUTHORS = 50;
const VOCABULARY = 20_000;
const WORDS_PER_POST = [15, 80] as const;
const BATCH = 5_000;
/** A search must answer within this at p99 (the search feature's goal). */
const SEARCH_TARGET_MS = 50;

/**
 * Words of the forum's topics at fixed frequency ranks of the vocabulary (rank 1 is the most frequent), so they match
 * from a few dozen to most of the posts; the other ranks are filler. Queries ask for other inflections than the
 * bodies hold, in both languages.
 */
const PLACED: { rank: number; written: string[]; asked: string }[] = [
  { rank: 3, written: ['Video', 'Videos'], asked: 'Videos' },
  { rank: 8, written: ['Wahl', 'Wahlen'], asked: 'Wahlen' },
  { rank: 15, written: ['election', 'elections'], asked: 'elected' },
  { rank: 40, written: ['Wasserzeichen'], asked: 'Wasserzeichen' },
  { rank: 80, written: ['watermark', 'watermarked'], asked: 'watermarks' },
  { rank: 150, written: ['Fälschung', 'Fälschungen'], asked: 'Fälschungen' },
  { rank: 300, written: ['deepfake', 'deepfakes'], asked: 'deepfake' },
  { rank: 700, written: ['Kennzeichnung'], asked: 'Kennzeichnungen' },
  { rank: 1500, written: ['provenance'], asked: 'provenance' },
  { rank: 4000, written: ['Urheberrecht', 'Urheberrechte'], asked: 'Urheberrechts' },
  { rank: 9000, written: ['satire', 'satirical'], asked: 'satire' },
  { rank: 18000, written: ['Zensur'], asked: 'Zensur' },
];
const STOP = ['die', 'der', 'und', 'ist', 'nicht', 'the', 'and', 'is', 'of', 'not', 'a', 'zu', 'to', 'in'];

/** Draws ranks 1..n with probability proportional to 1/rank. */
function zipf(n: number): () => number {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let rank = 1; rank <= n; rank++) cdf[rank - 1] = sum += 1 / rank;
  return () => {
    const target = Math.random() * sum;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cdf[mid] < target) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  };
}

/** `count` bodies of 15-80 words from a Zipf-distributed vocabulary, stop words mixed in. */
function bodies(count: number): string[] {
  const vocabulary = Array.from({ length: VOCABULARY }, (_, i) => [`wort${i.toString(36)}x`]);
  for (const placed of PLACED) vocabulary[placed.rank - 1] = placed.written;
  const pick = zipf(VOCABULARY);
  return Array.from({ length: count }, () => {
    const length = WORDS_PER_POST[0] + Math.floor(Math.random() * (WORDS_PER_POST[1] - WORDS_PER_POST[0]));
    const words: string[] = [];
    for (let w = 0; w < length; w++) {
      const forms = vocabulary[pick() - 1];
      words.push(forms[Math.floor(Math.random() * forms.length)]);
      if (Math.random() < 0.4) words.push(STOP[Math.floor(Math.random() * STOP.length)]);
    }
    return `${words.join(' ')}.`;
  });
}

/** Asks PostgreSQL how it runs the SQL the forum's posts repository sends for one read (captured, not sent). */
async function explain(query: Query, read: (repo: PostRepository) => Promise<unknown>): Promise<string[]> {
  let captured: { sql: string; params: unknown[] } | null = null;
  const capture = (sql: string, params: unknown[]) => ((captured = { sql, params }), Promise.resolve([{}]));
  const spy = { query: capture } as unknown as DataSource;
  await read(new PostRepository(spy, { query: capture } as unknown as PreparedQueries));
  const { sql, params } = captured!;
  const rows = (await query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params)) as { 'QUERY PLAN': string }[];
  return rows.map((row) => row['QUERY PLAN']);
}

interface Hit {
  post: { id: string; status: string; author: { id: string } | null };
}

interface Asked {
  label: string;
  matches: number;
  order: string;
  ms: number[];
}

/**
 * One query asked `searchRequests` times by a signed-in participant, every tenth request (and the last) walking on
 * to the next page. Checks each answer: 200, no hidden or pending post of someone else, no post of the first
 * page again on the next, and something found where the corpus has enough matches.
 */
async function ask(bench: PostgresBench, reader: Person, label: string, params: string): Promise<Asked> {
  const q = new URLSearchParams(params).get('q')!;
  const [{ matches }] = (await bench.query(
    `SELECT count(*)::int AS matches FROM posts
     WHERE search_vector @@ (websearch_to_tsquery('german', $1) || websearch_to_tsquery('english', $1))`,
    [q],
  )) as { matches: number }[];
  const ms: number[] = [];
  let order = '';
  let previous: { ids: Set<string>; nextCursor: string | null } | null = null;
  const requests = bench.size.searchRequests;
  for (let i = 0; i < requests; i++) {
    const walk = ((i + 1) % 10 === 0 || i === requests - 1) && previous?.nextCursor;
    const path = `/api/search?${params}&limit=20${walk ? `&cursor=${previous!.nextCursor}` : ''}`;
    const begin = performance.now();
    const response = await fetch(`${bench.forum.url}${path}`, { headers: { Authorization: `Bearer ${reader.token}` } });
    const page = (await response.json()) as { items: Hit[]; nextCursor: string | null; order: string };
    ms.push(performance.now() - begin);
    if (!response.ok) {
      bench.problem(`search: ${path} answered ${response.status} ${JSON.stringify(page)}`);
      continue;
    }
    order ||= page.order;
    const unseen = page.items.filter(
      // Authors see their own pending and hidden posts (marked, with Appeal); the reader is one of the authors.
      ({ post }) => (post.status === 'hidden' || post.status === 'pending') && post.author?.id !== reader.id,
    );
    if (unseen.length > 0) bench.problem(`search: "${label}" shows ${unseen.length} posts the reader may not see`);
    if (walk && page.items.some(({ post }) => previous!.ids.has(post.id))) {
      bench.problem(`search: "${label}": the next page repeats posts of the first`);
    }
    if (!walk && matches >= 10 && page.items.length === 0) bench.problem(`search: "${label}" found nothing`);
    if (!walk) previous = { ids: new Set(page.items.map(({ post }) => post.id)), nextCursor: page.nextCursor };
  }
  return { label, matches, order, ms };
}

/**
 * Search at size: `searchPosts` posts in 20 debates, German and English bodies from a Zipf-distributed vocabulary
 * (a few words in most posts, most words in few), 1% hidden and 1% pending, written straight to the table (the
 * search vectors computed on insert), then ANALYZE. `GET /api/search` end to end (HTTP, visibility, ranking,
 * snippets of a page of 20) for words matching a few to most posts, inflected, with and without filters. The
 * reference has no search: forum figures only.
 */
export async function search(bench: PostgresBench): Promise<Row[]> {
  const { size } = bench;
  const debateIds: string[] = [];
  for (let n = 0; n < DEBATES; n++) debateIds.push(await bench.debate(`search ${n}: who answers for synthetic video?`));
  const authors = await bench.crowd(AUTHORS);
  const begin = performance.now();
  for (let offset = 0; offset < size.searchPosts; offset += BATCH) {
    const authorIds = authors.map((author) => author.id);
    await seedBodies(bench.query, debateIds, authorIds, bodies(Math.min(BATCH, size.searchPosts - offset)), 0.01);
  }
  const seedSeconds = (performance.now() - begin) / 1000;
  await bench.query('ANALYZE');
  const [{ index }] = (await bench.query(`SELECT pg_size_pretty(pg_relation_size('ix_posts_search')) AS index`)) as {
    index: string;
  }[];

  const reader = authors[0];
  const queries: [string, string][] = [
    ...PLACED.map(({ asked }): [string, string] => [asked, `q=${encodeURIComponent(asked)}`]),
    ['Videos Wahlen (two common words)', `q=${encodeURIComponent('Videos Wahlen')}`],
    ['"deepfake videos" (phrase)', `q=${encodeURIComponent('"deepfake videos"')}`],
    ['watermarks -Video', `q=${encodeURIComponent('watermarks -Video')}`],
    ['Wasserzeichen in one debate', `q=Wasserzeichen&debateId=${debateIds[3]}`],
    ['Videos, stance pro', 'q=Videos&stance=pro'],
  ];
  const before = await bench.forum.probe();
  const asked: Asked[] = [];
  for (const [label, params] of queries) asked.push(await ask(bench, reader, label, params));
  const after = await bench.forum.probe();

  const viewer = { userId: reader.id, moderator: false };
  const unfiltered = { debateId: null, stance: null };
  const plans = {
    countKennzeichnungen: await explain(bench.query, (repo) => repo.countMatches('Kennzeichnungen', unfiltered, 1001)),
    rankedKennzeichnungen: await explain(bench.query, (repo) =>
      repo.search('Kennzeichnungen', viewer, unfiltered, 'rank', null, 21),
    ),
    newestVideos: await explain(bench.query, (repo) => repo.search('Videos', viewer, unfiltered, 'new', null, 21)),
  };

  const all = asked.flatMap(({ ms }) => ms);
  const inOrder = (order: string) => asked.filter((one) => one.order === order).flatMap(({ ms }) => ms);
  const corpus = `${size.searchPosts.toLocaleString('en')} posts`;
  const row = (figure: string, ms: number[], details?: Record<string, unknown>): Row => ({
    scenario: 'search',
    figure,
    unit: 'ms',
    forum: percentile(ms, 0.99),
    reference: null,
    better: 'lower',
    target: SEARCH_TARGET_MS,
    absolute: true,
    details: { p50: percentile(ms, 0.5), max: percentile(ms, 1), requests: ms.length, ...details },
  });
  return [
    row(`search: ${corpus}, ${queries.length} queries, a page of 20: p99 of all`, all, {
      queries: asked.map(({ label, matches, order, ms }) => ({
        label,
        matches,
        order,
        p50: percentile(ms, 0.5),
        p99: percentile(ms, 0.99),
        max: percentile(ms, 1),
      })),
      seedSeconds,
      index,
      plans,
    }),
    ...[
      row(`search: ${corpus}, words in at most 1,000 posts (ranked by relevance): p99`, inOrder('rank')),
      row(`search: ${corpus}, words in more posts (newest first): p99`, inOrder('new')),
    ].filter((one) => !Number.isNaN(one.forum)),
    {
      scenario: 'search',
      figure: `search: ${corpus}: server CPU per search`,
      unit: 'ms',
      forum: (after.cpuMicros - before.cpuMicros) / 1000 / all.length,
      reference: null,
      better: 'lower',
    },
  ];
}
