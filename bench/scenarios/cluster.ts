import { createConnection } from 'node:net';
import { PostgresBench } from '../harness/context';
import { Running } from '../harness/processes';
import { percentile, Row } from '../harness/report';
import { closeAll, FanOutResult } from '../harness/sockets';
import { alternatingRuns, joinedLane, Lane, LaneRun, worstP99 } from './realtime';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Two forum nodes (A and B) on the bench's database and one Redis, as a cluster runs: readers joined to one debate on
 * node B while writers post to node A (every delivery crosses Redis), and as many readers of another debate on node A
 * for the same-node latency, runs alternating. Without Redis it says so and starts nothing.
 */
export async function cluster(start: () => Promise<PostgresBench>): Promise<Row[]> {
  const missing = await redisMissing(REDIS_URL);
  if (missing) {
    console.log(`  skipped: the cluster needs Redis at ${redactedHost(REDIS_URL)} (${missing}); set REDIS_URL`);
    return [];
  }
  const bench = await start();
  const nodes: Running[] = [];
  try {
    for (const name of ['node A', 'node B']) nodes.push(await bench.forumNode(`cluster ${name}`, { REDIS_URL }));
    const [a, b] = nodes;
    const rows: Row[] = [];
    for (const count of bench.size.fanOutClients) {
      // A debate per lane: only the lane that runs gets deliveries, so this process decodes no more than it counts.
      const [cross, same] = await Promise.all(
        [b, a].map((readersOn) =>
          joinedLane(bench, count, {
            label: `cluster, ${count} readers on ${readersOn.name}`,
            name: `readers on ${readersOn.name}, posts to ${a.name}`,
            readersOn,
            postTo: a,
            watch: [a, b],
          }),
        ),
      );
      const lanes: Record<'cross' | 'same', Lane> = { cross, same };
      const runs = await alternatingRuns(bench, lanes, `cluster ${count}`);
      closeAll([...lanes.cross.readers, ...lanes.same.readers]);
      rows.push(...latencyRows(bench, count, runs), ...cpuRows(count, runs, a, b));
    }
    return rows;
  } finally {
    await Promise.all(nodes.map((node) => node.stop()));
  }
}

function latencyRows(bench: PostgresBench, count: number, runs: Record<'cross' | 'same', LaneRun[]>): Row[] {
  const { size } = bench;
  const load = `${count.toLocaleString('en')} readers, ${size.fanOutRate} posts/s to node A for ${size.fanOutSeconds} s`;
  const where = { cross: 'readers on node B (cross-node)', same: 'readers on node A (same node)' };
  const medianP50 = (results: FanOutResult[]) =>
    percentile(
      results.map((result) => result.p50),
      0.5,
    );
  return (['cross', 'same'] as const).flatMap((lane): Row[] => [
    {
      scenario: 'cluster',
      figure: `cluster: ${where[lane]}, ${load}: p50 (median of ${size.fanOutRuns} runs)`,
      unit: 'ms',
      forum: medianP50(runs[lane]),
      reference: null,
      better: 'lower',
    },
    {
      scenario: 'cluster',
      figure: `cluster: ${where[lane]}, ${load}: p99 (worst of ${size.fanOutRuns} runs)`,
      unit: 'ms',
      forum: worstP99(runs[lane]),
      reference: null,
      better: 'lower',
      details: { runs: runs[lane] },
    },
  ]);
}

/**
 * What a node's CPU pays, from the runs kept: node B per delivery it relays from Redis to its own readers (no HTTP,
 * no database: the fan-out cost alone), node A per post with no readers of its own and with all of them.
 */
function cpuRows(count: number, runs: Record<'cross' | 'same', LaneRun[]>, a: Running, b: Running): Row[] {
  const cpu = (lane: 'cross' | 'same', node: Running) =>
    runs[lane].reduce((sum, run) => sum + (run.cpuMs?.[node.name] ?? 0), 0);
  const deliveries = (lane: 'cross' | 'same') => runs[lane].reduce((sum, run) => sum + run.deliveries, 0);
  const posts = (lane: 'cross' | 'same') => deliveries(lane) / count;
  const row = (figure: string, micros: number): Row => ({
    scenario: 'cluster',
    figure: `cluster, ${count.toLocaleString('en')} readers: ${figure}`,
    unit: 'µs',
    forum: micros,
    reference: null,
    better: 'lower',
  });
  return [
    row('node B CPU per delivery it relays from Redis to a reader', (cpu('cross', b) * 1000) / deliveries('cross')),
    row('node A CPU per post, its readers none (all on node B)', (cpu('cross', a) * 1000) / posts('cross')),
    row('node A CPU per post, all readers on node A', (cpu('same', a) * 1000) / posts('same')),
  ];
}

/** Why Redis cannot be used (no answer, or not PONG to a PING), or null when it answers. */
function redisMissing(url: string): Promise<string | null> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    const done = (why: string | null) => {
      socket.destroy();
      resolve(why);
    };
    socket.setTimeout(2000, () => done('no answer in 2 s'));
    socket.once('error', (error) => done(error.message));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG') ? null : data.toString().trim()));
  });
}

/** Host and port only: the URL may carry a password. */
function redactedHost(url: string): string {
  return new URL(url).host;
}
