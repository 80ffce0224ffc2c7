import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteOptions } from '../../src/database/embedded-database';
import { checkPosts } from '../harness/checks';
import { Side, Size } from '../harness/context';
import { benchDatabase, DatabaseChoice } from '../harness/database';
import { createDebate, forumEnv, JWT_SECRET, register, signInAdmin } from '../harness/forum';
import { LoadResult } from '../harness/load';
import { delay, freePort, onCleanup, Running, rssOf, start, startForum, startReference } from '../harness/processes';
import { Row } from '../harness/report';
import { Query, seedThread, seedTopLevel } from '../harness/seed';
import { loadRows, pageRequests, postRequests, warmThenLoad } from './http';

function freshFolder(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `forum-bench-${label}-`));
  onCleanup(async () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** `npm start` as a person runs it (its own process group: npm, then node), timed to a healthy /api/health. */
async function npmStart(
  name: string,
  env: Record<string, string>,
): Promise<Running & { ms: number; serverPid: number }> {
  const port = await freePort();
  const started = await start({ name, command: 'npm', args: ['start'], env: { ...env, PORT: String(port) }, port });
  // The server is the node running scripts/start.mjs in npm's session.
  const processes = execFileSync('ps', ['-o', 'pid=,args=', '-s', String(started.pid)], { encoding: 'utf8' });
  const line = processes.split('\n').find((entry) => /^\s*\d+\s+\S*node\s+(--\S+\s+)*scripts\/start\.mjs/.test(entry));
  if (!line) throw new Error(`no server process under npm start:\n${processes}`);
  return { ...started, serverPid: Number(line.trim().split(/\s+/)[0]) };
}

async function barePglite(name: string, dataDir: string): Promise<Running & { ms: number }> {
  const port = await freePort();
  return start({
    name,
    command: process.execPath,
    args: ['bench/reference/pglite-idle.mjs'],
    env: { DATA_DIR: dataDir, PORT: String(port) },
    port,
    health: '/',
  });
}

/**
 * Start-up as a new user meets it: `npm start` on a fresh data folder (initdb, migrations, seed), then a restart on
 * the same folder, each timed to healthy, with the server's RSS after it has idled. The reference is PGlite alone
 * with the forum's settings, created in-process in a Node process of its own: what PGlite itself needs, so the
 * ratio is what we add. Then the same start on a fresh PostgreSQL database.
 */
export async function startup(size: Size, choice: DatabaseChoice): Promise<Row[]> {
  const forumDir = freshFolder('startup');
  const bareDir = freshFolder('pglite');
  const env = { DATA_DIR: forumDir, JWT_SECRET };
  const measured: Record<'first' | 'restart', { forum: number; bare: number; forumRss: number; bareRss: number }> = {
    first: { forum: 0, bare: 0, forumRss: 0, bareRss: 0 },
    restart: { forum: 0, bare: 0, forumRss: 0, bareRss: 0 },
  };
  for (const phase of ['first', 'restart'] as const) {
    const forum = await npmStart(`npm start (embedded, ${phase})`, env);
    const bare = await barePglite(`bare PGlite (${phase})`, bareDir);
    await delay(size.startupIdleSeconds * 1000);
    measured[phase] = {
      forum: forum.ms / 1000,
      bare: bare.ms / 1000,
      forumRss: (await rssOf(forum.serverPid)) / 2 ** 20,
      bareRss: (await rssOf(bare.pid)) / 2 ** 20,
    };
    await forum.stop();
    await bare.stop();
  }
  const { url } = await benchDatabase({ ...choice, url: null });
  const postgres = await npmStart('npm start (PostgreSQL)', { DATABASE_URL: url, JWT_SECRET });
  await delay(size.startupIdleSeconds * 1000);
  const postgresRss = (await rssOf(postgres.serverPid)) / 2 ** 20;
  await postgres.stop();

  const idle = `after ${size.startupIdleSeconds} s idle`;
  return [
    {
      scenario: 'startup',
      figure: 'embedded: `npm start` to healthy, first start (fresh data folder)',
      unit: 's',
      forum: measured.first.forum,
      reference: measured.first.bare,
      better: 'lower',
      target: 10,
      absolute: true,
    },
    {
      scenario: 'startup',
      figure: 'embedded: `npm start` to healthy, restart',
      unit: 's',
      forum: measured.restart.forum,
      reference: measured.restart.bare,
      better: 'lower',
      target: 3,
      absolute: true,
    },
    {
      scenario: 'startup',
      figure: `embedded: server RSS ${idle}, first start`,
      unit: 'MB',
      forum: measured.first.forumRss,
      reference: measured.first.bareRss,
      better: 'lower',
      target: 300,
      absolute: true,
    },
    {
      scenario: 'startup',
      figure: `embedded: server RSS ${idle}, restart`,
      unit: 'MB',
      forum: measured.restart.forumRss,
      reference: measured.restart.bareRss,
      better: 'lower',
      target: 300,
      absolute: true,
    },
    {
      scenario: 'startup',
      figure: 'PostgreSQL: `npm start` to healthy (fresh database)',
      unit: 's',
      forum: postgres.ms / 1000,
      reference: null,
      better: 'lower',
    },
    {
      scenario: 'startup',
      figure: `PostgreSQL: server RSS ${idle}`,
      unit: 'MB',
      forum: postgresRss,
      reference: null,
      better: 'lower',
    },
  ];
}

/** Opens the data folder in this process, for seeding and checking while no server holds it. */
async function withFolder<T>(pgliteDir: string, work: (query: Query) => Promise<T>): Promise<T> {
  const db = await PGlite.create(pgliteDir, pgliteOptions());
  try {
    return await work(async (sql, params) => (await db.query(sql, params)).rows);
  } finally {
    await db.close();
  }
}

/**
 * Writes and reads on the embedded database: the forum as `npm start` runs it without DATABASE_URL, against the
 * reference opening the same PGlite folder in-process (PGlite is a single session, so they take turns).
 */
export async function embedded(size: Size): Promise<{ rows: Row[]; problems: string[] }> {
  const dataDir = freshFolder('embedded');
  const pgliteDir = join(dataDir, 'pglite');
  const env = forumEnv({ DATA_DIR: dataDir });
  const setup = await startForum('forum (embedded)', env);
  const admin = await signInAdmin(setup);
  const people = await register(setup, size.writers);
  const debates = {
    forum: await createDebate(setup, admin, 'Benchmark: embedded writes (forum)'),
    reference: await createDebate(setup, admin, 'Benchmark: embedded writes (reference)'),
    reads: await createDebate(setup, admin, 'Benchmark: embedded reads'),
  };
  const neighbours: string[] = [];
  for (let n = 0; n < size.neighbours; n++) {
    neighbours.push(await createDebate(setup, admin, `Benchmark: embedded neighbour ${n}`));
  }
  await setup.stop();
  await withFolder(pgliteDir, async (query) => {
    await seedThread(
      query,
      debates.reads,
      people.map((person) => person.id),
      size.threadPosts,
    );
    for (const neighbour of neighbours) await seedTopLevel(query, neighbour, people[0].id, size.threadPosts);
    await query('ANALYZE');
  });

  const writes = {} as Record<Side, LoadResult & { answered: number }>;
  const reads = {} as Record<Side, LoadResult>;
  const problems: string[] = [];
  // The reference first, so the forum's measured start is a restart as a person would have it.
  for (const side of ['reference', 'forum'] as const) {
    const server =
      side === 'forum'
        ? await startForum('forum (embedded)', env)
        : await startReference('reference (embedded)', { EMBEDDED_DIR: pgliteDir, JWT_SECRET });
    try {
      const wrote = await warmThenLoad(server, size, size.writers, postRequests(debates[side], people));
      writes[side] = { ...wrote.result, answered: wrote.answered };
      reads[side] = (await warmThenLoad(server, size, size.readers, pageRequests(debates.reads, null))).result;
      for (const [what, result] of [
        ['writes', writes[side]],
        ['reads', reads[side]],
      ] as const) {
        if (result.failed > 0)
          problems.push(`${server.name} ${what}: ${result.failed} failed ${JSON.stringify(result.statuses)}`);
      }
    } finally {
      await server.stop();
    }
  }
  await withFolder(pgliteDir, async (query) => {
    for (const side of ['forum', 'reference'] as const) {
      for (const found of await checkPosts(query, debates[side], writes[side].answered, 2 * size.writers)) {
        problems.push(`embedded ${side} writes: ${found}`);
      }
    }
  });
  return {
    rows: [
      ...loadRows(
        'embedded',
        `embedded: ${size.writers} concurrent writers to one debate, ${size.seconds} s`,
        'posts/s',
        writes,
      ),
      ...loadRows(
        'embedded',
        `embedded: a page of 50 by top of a ${size.threadPosts.toLocaleString('en')}-post debate, ${size.readers} connections, guests`,
        'req/s',
        reads,
      ),
    ],
    problems,
  };
}
