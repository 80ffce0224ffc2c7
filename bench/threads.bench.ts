/**
 * Threads at size: 2,000 posts in one debate (40% top-level with stances, the rest replies at any depth) and
 * 4,000 votes, all written through the API, among 10 neighbouring debates of 2,000 posts each. Measures write
 * throughput with 20 requests in flight, page latency in every sort, the whole tree in one request, and shows the
 * query plans of the top and common-ground pages.
 *
 *   npm run bench:threads
 */
import { DataSource } from 'typeorm';
import { PostRepository } from '../src/posts/post.repository';
import { api, inFlight, makeUser, percentiles, round, startBenchServer, timed, writeResult } from './support';

const POSTS = 2000;
const VOTES = 4000;
const IN_FLIGHT = 20;
const PAGE_SAMPLES = 300;
const TREE_SAMPLES = 30;
const SORTS = ['top', 'new', 'old', 'common-ground'] as const;
/** Other debates of the same size around the measured one, as in a forum that has been running a while. */
const NEIGHBOURS = 10;

async function main(): Promise<void> {
  const server = await startBenchServer();
  try {
    const organiser = await makeUser(server, 'organiser');
    const debate = await api<{ id: string }>(server, '/api/debates', {
      method: 'POST',
      headers: organiser.headers,
      body: JSON.stringify({ question: 'Benchmark: can labels be enforced?' }),
    });
    const users = await Promise.all(Array.from({ length: 40 }, () => makeUser(server)));
    const stances = ['pro', 'contra', 'neutral'] as const;

    // Writes: top-level posts first so replies have parents, then replies to any earlier post.
    const ids: string[] = [];
    const write = async (i: number) => {
      const user = users[i % users.length];
      const topLevel = i < POSTS * 0.4;
      const parentId = topLevel ? undefined : ids[Math.floor(Math.random() * ids.length)];
      const body = {
        body: `Argument ${i}: ${'words '.repeat(20 + (i % 40))}`,
        ...(topLevel ? { stance: stances[i % 3] } : { parentId }),
      };
      const post = await api<{ id: string }>(server, `/api/debates/${debate.id}/posts`, {
        method: 'POST',
        headers: user.headers,
        body: JSON.stringify(body),
      });
      ids.push(post.id);
    };
    const topLevelMs = await inFlight(POSTS * 0.4, IN_FLIGHT, write);
    const repliesMs = await inFlight(POSTS * 0.6, IN_FLIGHT, (i) => write(POSTS * 0.4 + i));
    const postsPerSecond = POSTS / ((topLevelMs + repliesMs) / 1000);

    const voted = new Set<string>();
    const votesMs = await inFlight(VOTES, IN_FLIGHT, async () => {
      for (;;) {
        const user = users[Math.floor(Math.random() * users.length)];
        const postId = ids[Math.floor(Math.random() * ids.length)];
        if (voted.has(`${user.id}:${postId}`)) continue;
        voted.add(`${user.id}:${postId}`);
        await api(server, `/api/posts/${postId}/vote`, {
          method: 'PUT',
          headers: user.headers,
          body: JSON.stringify({ value: Math.random() < 0.75 ? 1 : -1 }),
        });
        return;
      }
    });

    // Neighbours, written straight to the table (they are scenery, not measured): without them the table is all
    // this one debate and the planner rightly scans it whole, which says nothing about a forum in production.
    const neighbourIds: string[] = [];
    for (let n = 0; n < NEIGHBOURS; n++) {
      const neighbour = await api<{ id: string }>(server, '/api/debates', {
        method: 'POST',
        headers: organiser.headers,
        body: JSON.stringify({ question: `Benchmark neighbour ${n}: who is responsible?` }),
      });
      neighbourIds.push(neighbour.id);
    }
    await server.app.get(DataSource).query(
      `INSERT INTO posts (id, root_id, path, depth, debate_id, author_id, body, stance, score, created_at)
       SELECT g.id, g.id, g.id || '/', 0, d.id, $2, 'A neighbour''s argument', 'pro', (random() * 20)::int - 5,
              now() - random() * interval '30 days'
       FROM unnest($1::uuid[]) AS d (id)
       -- naming d.id inside makes the subquery run once per debate, so every post gets its own uuid
       CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id, d.id AS for_debate FROM generate_series(1, ${POSTS})) AS g`,
      [neighbourIds, users[1].id],
    );

    // Autovacuum analyses tables this fresh within a minute in production; do it now rather than wait.
    await server.app.get(DataSource).query('ANALYZE');

    const reader = users[0];
    const pages: Record<string, ReturnType<typeof percentiles>> = {};
    for (const sort of SORTS) {
      // First pages and deeper pages alike: walk the level, then start over.
      const samples: number[] = [];
      let cursor: string | null = null;
      for (let i = 0; i < PAGE_SAMPLES; i++) {
        const path: string = `/api/debates/${debate.id}/posts?sort=${sort}&limit=50${cursor ? `&cursor=${cursor}` : ''}`;
        let page: { nextCursor: string | null } = { nextCursor: null };
        samples.push(await timed(async () => (page = await api(server, path, { headers: reader.headers }))));
        cursor = page.nextCursor;
      }
      pages[sort] = percentiles(samples);
    }
    const treeSamples: number[] = [];
    let treeSize = 0;
    for (let i = 0; i < TREE_SAMPLES; i++) {
      treeSamples.push(
        await timed(async () => {
          const tree = await api<{ items: { replies: unknown[] }[] }>(server, `/api/debates/${debate.id}/tree`, {
            headers: reader.headers,
          });
          treeSize = countNodes(tree.items);
        }),
      );
    }

    const dataSource = server.app.get(DataSource);
    const viewer = { userId: reader.id, moderator: false };
    // The subtree of the deepest post's thread root, and of a post halfway down that thread.
    const [deepest]: { root_id: string; path: string; depth: number }[] = await dataSource.query(
      `SELECT root_id, path, depth FROM posts WHERE debate_id = $1 ORDER BY depth DESC LIMIT 1`,
      [debate.id],
    );
    const midPath = deepest.path
      .split('/')
      .slice(0, Math.ceil(deepest.depth / 2) + 1)
      .join('/');
    const plans = {
      top: await explain(dataSource, (repo) => repo.level(debate.id, null, viewer, 'top', null, 51)),
      'common-ground': await explain(dataSource, (repo) =>
        repo.level(debate.id, null, viewer, 'common-ground', null, 51),
      ),
      thread: await explain(dataSource, (repo) =>
        repo.subtree(debate.id, viewer, { root_id: deepest.root_id, path: `${deepest.root_id}/` }, null),
      ),
      subtree: await explain(dataSource, (repo) =>
        repo.subtree(debate.id, viewer, { root_id: deepest.root_id, path: `${midPath}/` }, null),
      ),
    };

    writeResult(
      'threads',
      `# Threads benchmark

${new Date().toISOString().slice(0, 10)}, PostgreSQL on this machine (2 cores), one app node, \`npm run bench:threads\`.
${POSTS} posts (${POSTS * 0.4} top-level, the rest replies at random depth) and ${VOTES} votes by ${users.length} people, written through the API,
beside ${NEIGHBOURS} neighbouring debates of ${POSTS} posts each (inserted directly), then \`ANALYZE\` (as autovacuum would)
before the reads.

## Writes (${IN_FLIGHT} requests in flight)
| what | rate |
|---|---|
| posts | ${round(postsPerSecond, 0)} /s |
| votes | ${round(VOTES / (votesMs / 1000), 0)} /s |

## A page of 50 (signed-in reader, ${PAGE_SAMPLES} requests per sort, walking the pages)
| sort | p50 ms | p99 ms | max ms |
|---|---|---|---|
${SORTS.map((sort) => `| ${sort} | ${pages[sort].p50} | ${pages[sort].p99} | ${pages[sort].max} |`).join('\n')}

## The whole tree in one request (${treeSize} posts, ${TREE_SAMPLES} requests)
| p50 ms | p99 ms | max ms |
|---|---|---|
| ${percentiles(treeSamples).p50} | ${percentiles(treeSamples).p99} | ${percentiles(treeSamples).max} |

## Query plans (EXPLAIN ANALYZE)
### top, first page
\`\`\`
${plans.top}
\`\`\`
### common-ground, first page
\`\`\`
${plans['common-ground']}
\`\`\`
### the subtree of a top-level post (the thread holding the deepest reply, depth ${deepest.depth})
\`\`\`
${plans.thread}
\`\`\`
### the subtree of a post halfway down that thread
\`\`\`
${plans.subtree}
\`\`\`
`,
    );
  } finally {
    await server.close();
    await server.dropDatabase();
  }
}

function countNodes(nodes: { replies: unknown[] }[]): number {
  return nodes.reduce((sum, node) => sum + 1 + countNodes(node.replies as { replies: unknown[] }[]), 0);
}

/** Captures the SQL the repository sends for one read and asks PostgreSQL how it runs it. */
async function explain(dataSource: DataSource, read: (repo: PostRepository) => Promise<unknown>): Promise<string> {
  let captured: { sql: string; params: unknown[] } | null = null;
  const spy = {
    query: (sql: string, params: unknown[]) => ((captured = { sql, params }), Promise.resolve([])),
  } as unknown as DataSource;
  await read(new PostRepository(spy));
  const { sql, params } = captured!;
  const rows: { 'QUERY PLAN': string }[] = await dataSource.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, params);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
