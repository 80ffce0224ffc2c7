/**
 * The benchmark: the forum's production build against a bare reference (bench/reference/) on a fresh database, the
 * same load for both from this process, figures as ratios within one run. See bench/README.md.
 *
 *   npm run bench                      every scenario (about 15 minutes)
 *   npm run bench -- writes reads      some of them
 *   npm run bench -- --smoke           a few seconds of each check, no figures kept (CI)
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { FULL, PostgresBench, SMOKE } from './harness/context';
import { DatabaseChoice, Refusal } from './harness/database';
import { ROOT, stopEverything } from './harness/processes';
import { loadNow, machine, Row, table, writeResults } from './harness/report';
import { cluster } from './scenarios/cluster';
import { embedded, startup } from './scenarios/embedded';
import { reads, votes, writes } from './scenarios/http';
import { moderation } from './scenarios/moderation';
import { fanOutScenario, idle, memory, resume } from './scenarios/realtime';
import { search } from './scenarios/search';
import { polls } from './scenarios/sessions';
import { watchedWords } from './scenarios/watched-words';

const SCENARIOS = {
  startup: 'embedded and PostgreSQL start-up: time to healthy, idle RSS (beside PGlite alone)',
  writes: '16 concurrent writers to one debate, 5 s',
  reads: 'a page of 50 by top of a 2,000-post debate, 20 connections, guests and signed in',
  votes: '16 concurrent voters, 5 s',
  fanout: '500 and 2,000 clients, 20 posts/s for 5 s, p99 from the request, worst of three runs',
  cluster: 'two nodes on one Redis: posts to node A, readers on node B beside readers on node A (needs Redis)',
  memory: 'memory per idle joined socket, RSS over 2,000 sockets',
  resume: 'a join that resumes 1,000 missed events',
  idle: '10,000 idle joined sockets on one node',
  embedded: 'writes and reads on the embedded database',
  polls: '1,000 participants of a live session voting on one poll, then up-voting one question, within 2 s',
  moderation: 'the review queue at 10,000 open items; the third flag to post.hidden on 500 sockets',
  'watched-words': 'a 10,000-character post screened against 1,000 watched words, alone and end to end',
  search: 'search over 100,000 posts in German and English',
} as const;
type Scenario = keyof typeof SCENARIOS;
const SMOKE_SCENARIOS: Scenario[] = [
  'writes',
  'reads',
  'votes',
  'fanout',
  'cluster',
  'resume',
  'polls',
  'moderation',
  'watched-words',
  'search',
];

const USAGE = `npm run bench -- [scenario …] [options]

Scenarios (default: all, in this order):
${Object.entries(SCENARIOS)
  .map(([name, what]) => `  ${name.padEnd(13)} ${what}`)
  .join('\n')}

Options:
  --smoke              a few seconds of each but startup, memory, idle and embedded: checks only, no figures kept
  --database URL       use this (empty) database instead of making a fresh one
  --allow-non-empty    use --database even if it has tables
  --keep               keep the database made for the run
Environment: BENCH_DATABASE_URL (where fresh databases are made; default the local server),
BENCH_LOG_LEVEL (the forum's LOG_LEVEL; default warn).`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      smoke: { type: 'boolean', default: false },
      database: { type: 'string' },
      'allow-non-empty': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const unknown = positionals.filter((name) => !(name in SCENARIOS));
  if (unknown.length > 0) {
    console.error(`Unknown scenario ${unknown.join(', ')}.\n\n${USAGE}`);
    return 2;
  }
  const size = values.smoke ? SMOKE : FULL;
  const chosen = new Set<Scenario>(
    positionals.length > 0
      ? (positionals as Scenario[])
      : values.smoke
        ? SMOKE_SCENARIOS
        : (Object.keys(SCENARIOS) as Scenario[]),
  );
  const choice: DatabaseChoice = {
    url: values.database ?? null,
    server: process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    allowNonEmpty: values['allow-non-empty'],
    keep: values.keep,
  };

  // The production build, rebuilt if its sources are newer; what it was built from is what the results name.
  execFileSync(process.execPath, ['scripts/ensure-built.mjs'], { cwd: ROOT, stdio: 'inherit' });
  const built = machine(null);

  const rows: Row[] = [];
  const loads: Record<string, string> = {};
  const problems: string[] = [];
  let postgres: PostgresBench | null = null;
  const bench = async () => (postgres ??= await PostgresBench.start(size, choice));
  try {
    for (const scenario of Object.keys(SCENARIOS) as Scenario[]) {
      if (!chosen.has(scenario)) continue;
      const before = loadNow();
      console.log(`\n== ${scenario}: ${SCENARIOS[scenario]} (load average ${before})`);
      const found = await run(scenario);
      loads[scenario] = `${before} → ${loadNow()}`;
      if (found.length > 0) console.log(table(found));
      rows.push(...found);
    }

    async function run(scenario: Scenario): Promise<Row[]> {
      switch (scenario) {
        case 'startup':
          return startup(size, choice);
        case 'writes':
          return writes(await bench());
        case 'reads':
          return reads(await bench());
        case 'votes':
          return votes(await bench());
        case 'fanout':
          return fanOutScenario(await bench());
        case 'cluster':
          return cluster(bench);
        case 'memory':
          return memory(await bench());
        case 'resume':
          return resume(await bench());
        case 'idle':
          return idle(await bench());
        case 'embedded': {
          const result = await embedded(size);
          problems.push(...result.problems);
          return result.rows;
        }
        case 'polls':
          return polls(await bench());
        case 'moderation':
          return moderation(await bench());
        case 'watched-words':
          return watchedWords(await bench());
        case 'search':
          // Search orders by how many posts match, and other scenarios write some of its words: once they have
          // written to the shared database, it gets one of its own.
          return postgres ? postgres.apart(search) : search(await bench());
      }
    }
  } finally {
    const pg = postgres as PostgresBench | null;
    if (pg) problems.push(...pg.problems);
    const version = pg
      ? ((await pg.query('SHOW server_version')) as { server_version: string }[])[0].server_version
      : null;
    await stopEverything();
    if (rows.length > 0) {
      console.log(`\n== all figures (forum / reference within this run; load average before → after each scenario)`);
      console.log(table(rows));
      for (const [scenario, load] of Object.entries(loads)) console.log(`  ${scenario}: load ${load}`);
      if (!size.smoke) {
        const about = { ...built, postgres: version };
        const file = writeResults(about, { scenarios: [...chosen], size }, rows, loads);
        console.log(`\n${about.cores} cores, ${about.cpu}, Node ${about.node}, PostgreSQL ${version ?? '—'}`);
        console.log(`commit ${about.commit.slice(0, 12)}${about.dirty ? ' (with uncommitted changes)' : ''}`);
        console.log(`written to ${file}`);
      }
    }
  }
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s):\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    return 1;
  }
  console.log(size.smoke ? '\nbench smoke: no lost or doubled deliveries, no errors, every counter exact' : '');
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (error: Error) => {
    console.error(error instanceof Refusal ? `\n${error.message}` : error);
    await stopEverything();
    process.exit(1);
  },
);
