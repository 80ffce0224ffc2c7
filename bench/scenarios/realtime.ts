import { readFileSync } from 'node:fs';
import { PostgresBench, Side, SIDES } from '../harness/context';
import { delay, Running } from '../harness/processes';
import { percentile, Row } from '../harness/report';
import { seedMissed } from '../harness/seed';
import { closeAll, connect, connectJoined, fanOut, FanOutResult, join, Joined } from '../harness/sockets';
import { joinReaders, WireReader } from '../harness/wire-reader';

const MISSED = 1000;

interface Measured extends Joined {
  /** Resident memory and V8 heap + external added per joined socket, in KB, after a full GC either side. */
  rssKb: number;
  heapKb: number;
  rssMb: number;
}

/** Connects and joins `count` guests, with the server's memory (after GC) before and after. */
async function joinMeasured(server: Running, debateId: string, count: number, inFlight = 50): Promise<Measured> {
  const before = await server.probe(true);
  const joined = await connectJoined(server, { debateId }, count, { inFlight });
  // Presence broadcasts are coalesced over 300 ms; let the last ones go out before weighing.
  await delay(1000);
  const after = await server.probe(true);
  const heap = (usage: NodeJS.MemoryUsage) => usage.heapUsed + usage.external;
  return {
    ...joined,
    rssKb: (after.memory.rss - before.memory.rss) / count / 1024,
    heapKb: (heap(after.memory) - heap(before.memory)) / count / 1024,
    rssMb: after.memory.rss / 2 ** 20,
  };
}

export function checkJoined(
  bench: PostgresBench,
  server: Running,
  joined: Pick<Joined, 'errors' | 'firstError'>,
  count: number,
): void {
  if (joined.errors > 0) {
    bench.problem(`${server.name}: ${joined.errors} of ${count} sockets failed to join (${joined.firstError})`);
  }
}

/**
 * RSS added per idle joined socket, weighed in servers just started (a process that has served load has free heap
 * pages that new sockets fill without growing RSS), after a full GC before and after.
 */
export async function memory(bench: PostgresBench): Promise<Row[]> {
  const count = bench.size.memorySockets;
  const measured = {} as Record<Side, Measured>;
  for (const side of SIDES) {
    const server = await bench.fresh(side);
    try {
      measured[side] = await joinMeasured(server, await bench.debate(`memory (${side})`), count);
      checkJoined(bench, server, measured[side], count);
      closeAll(measured[side].sockets);
    } finally {
      await server.stop();
    }
  }
  return [
    {
      scenario: 'memory',
      figure: `memory per idle joined socket (RSS over ${count.toLocaleString('en')} sockets)`,
      unit: 'KB',
      forum: measured.forum.rssKb,
      reference: measured.reference.rssKb,
      better: 'lower',
      target: 2,
      details: { heapPlusExternalKb: { forum: measured.forum.heapKb, reference: measured.reference.heapKb } },
    },
  ];
}

/** Readers joined to one debate and how a post reaches them: one side of a fan-out comparison. */
export interface Lane {
  /** For problems: the node(s) this lane runs on. */
  name: string;
  readers: WireReader[];
  post: (body: string) => Promise<Response>;
  /** Servers whose CPU time is taken over each run of this lane (in the run's `cpuMs`, by server name). */
  watch?: Running[];
}

/** A run, with what each watched server spent on it: CPU, the longest event-loop hold-up and GC pause (by name). */
export type LaneRun = FanOutResult & {
  cpuMs?: Record<string, number>;
  loopDelayMaxMs?: Record<string, number>;
  gcMaxMs?: Record<string, number>;
};

/** A POST of a top-level post to the debate on `server`, as `token`; the answer is not waited for here. */
export function poster(server: Running, debateId: string, token: string): (body: string) => Promise<Response> {
  return (body) =>
    fetch(`${server.url}/api/debates/${debateId}/posts`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ body }),
    });
}

/**
 * Fan-out runs alternating between the lanes (each run `fanOutRate` posts a second for `fanOutSeconds`, after a
 * short warm-up that is not kept). Every delivery is counted: a lost or doubled one fails the benchmark.
 */
export async function alternatingRuns<K extends string>(
  bench: PostgresBench,
  lanes: Record<K, Lane>,
  tag: string,
): Promise<Record<K, LaneRun[]>> {
  const { size } = bench;
  const keys = Object.keys(lanes) as K[];
  const runs = Object.fromEntries(keys.map((key) => [key, []])) as unknown as Record<K, LaneRun[]>;
  for (let run = size.warmUpSeconds > 0 ? -1 : 0; run < size.fanOutRuns; run++) {
    for (const key of keys) {
      const lane = lanes[key];
      const watch = lane.watch ?? [];
      const before = await Promise.all(watch.map((server) => server.probe()));
      const result: LaneRun = await fanOut(lane.readers, lane.post, {
        rate: size.fanOutRate,
        seconds: run < 0 ? size.warmUpSeconds : size.fanOutSeconds,
        tag: `${tag} ${key} run ${run}`,
      });
      if (result.lost > 0 || result.doubled > 0 || result.failedPosts > 0) {
        bench.problem(
          `${lane.name} ${tag}: ${result.lost} lost, ${result.doubled} doubled deliveries, ` +
            `${result.failedPosts} posts not answered 201`,
        );
      }
      if (watch.length > 0) {
        const after = await Promise.all(watch.map((server) => server.probe()));
        const byServer = (value: (i: number) => number) =>
          Object.fromEntries(watch.map((server, i) => [server.name, value(i)]));
        result.cpuMs = byServer((i) => (after[i].cpuMicros - before[i].cpuMicros) / 1000);
        result.loopDelayMaxMs = byServer((i) => after[i].loopDelayMaxMs);
        result.gcMaxMs = byServer((i) => after[i].gcMaxMs);
      }
      if (run >= 0) runs[key].push(result);
    }
  }
  return runs;
}

/** The worst p99 of some runs. */
export const worstP99 = (runs: FanOutResult[]) => Math.max(...runs.map((result) => result.p99));

/**
 * A lane: `count` readers of a new debate (`label`) joined on `readersOn`, spread over the heartbeat interval
 * (`joinSpreadMs`), each post going to `postTo`. Lanes compared in one scenario join at the same time.
 */
export async function joinedLane(
  bench: PostgresBench,
  count: number,
  lane: { label: string; name: string; readersOn: Running; postTo: Running; watch: Running[] },
): Promise<Lane> {
  const debateId = await bench.debate(lane.label);
  const { readers, ...failed } = await joinReaders(lane.readersOn, { debateId }, count, {
    spreadMs: bench.size.joinSpreadMs,
  });
  checkJoined(bench, lane.readersOn, failed, count);
  return { name: lane.name, readers, post: poster(lane.postTo, debateId, bench.people[0].token), watch: lane.watch };
}

/**
 * Fan-out at each client count: both sides' readers joined together, spread over the heartbeat interval
 * (`joinSpreadMs`), then runs alternating forum and reference, the worst p99 of the runs kept.
 */
export async function fanOutScenario(bench: PostgresBench): Promise<Row[]> {
  const { size } = bench;
  const rows: Row[] = [];
  for (const count of size.fanOutClients) {
    const joined = await Promise.all(
      SIDES.map((side) => {
        const server = bench.server(side);
        const label = `fan-out to ${count} (${side})`;
        return joinedLane(bench, count, {
          label,
          name: server.name,
          readersOn: server,
          postTo: server,
          watch: [server],
        });
      }),
    );
    // In SIDES order, which is the order the runs alternate in.
    const lanes = Object.fromEntries(SIDES.map((side, i) => [side, joined[i]])) as Record<Side, Lane>;
    const runs = await alternatingRuns(bench, lanes, `fan-out to ${count}`);
    rows.push({
      scenario: 'fanout',
      figure: `fan-out: ${count.toLocaleString('en')} clients, ${size.fanOutRate} posts/s for ${size.fanOutSeconds} s (p99, worst of ${size.fanOutRuns} runs)`,
      unit: 'ms',
      forum: worstP99(runs.forum),
      reference: worstP99(runs.reference),
      better: 'lower',
      target: 1.25,
      details: { runs },
    });
    for (const side of SIDES) closeAll(lanes[side].readers);
    await delay(1000);
  }
  return rows;
}

/** A join that resumes 1,000 missed events: the time to its ack, on fresh sockets, one at a time. */
export async function resume(bench: PostgresBench): Promise<Row[]> {
  const samples: Record<Side, number[]> = { forum: [], reference: [] };
  for (const side of SIDES) {
    const server = bench.server(side);
    const debateId = await bench.debate(`resume (${side})`);
    await seedMissed(bench.query, debateId, bench.people[0].id, MISSED);
    for (let i = 0; i < bench.size.resumeJoins; i++) {
      const socket = await connect(server);
      try {
        const begin = performance.now();
        const ack = await join(socket, { debateId }, 0);
        samples[side].push(performance.now() - begin);
        const inOrder = ack.missed.every((event, index) => event.seq === index + 1);
        if (ack.missed.length !== MISSED || !inOrder) {
          bench.problem(`${server.name} resume: ${ack.missed.length} missed events, in order: ${inOrder}`);
        }
      } finally {
        socket.close();
      }
    }
  }
  const at = (side: Side, q: number) => percentile(samples[side], q);
  return [
    {
      scenario: 'resume',
      figure: `resume after ${MISSED.toLocaleString('en')} missed events: join to ack (median of ${bench.size.resumeJoins})`,
      unit: 'ms',
      forum: at('forum', 0.5),
      reference: at('reference', 0.5),
      better: 'lower',
      details: { p99: { forum: at('forum', 0.99), reference: at('reference', 0.99) }, samples },
    },
  ];
}

/** Many idle readers on one node (just started), all joined to one debate: none may fail; the time and the memory. */
export async function idle(bench: PostgresBench): Promise<Row[]> {
  const count = bench.size.idleSockets;
  // Each socket is a file descriptor here and another in the server, which inherits this process's limit.
  const limit = Number(/Max open files\s+(\d+)/.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1] ?? Infinity);
  if (limit < count + 1000) {
    bench.problem(
      `idle: ${count} sockets need more open files than the limit of ${limit}: run \`ulimit -n ${2 * count}\` first`,
    );
    return [];
  }
  const measured = {} as Record<Side, Measured>;
  for (const side of SIDES) {
    const server = await bench.fresh(side);
    try {
      measured[side] = await joinMeasured(server, await bench.debate(`idle sockets (${side})`), count, 100);
      checkJoined(bench, server, measured[side], count);
      closeAll(measured[side].sockets);
    } finally {
      await server.stop();
    }
  }
  const label = `${count.toLocaleString('en')} idle sockets on one node, joined to one debate`;
  return [
    {
      scenario: 'idle',
      figure: `${label}: time to connect and join all`,
      unit: 's',
      forum: measured.forum.ms / 1000,
      reference: measured.reference.ms / 1000,
      better: 'lower',
      details: { errors: { forum: measured.forum.errors, reference: measured.reference.errors } },
    },
    {
      scenario: 'idle',
      figure: `${label}: server RSS`,
      unit: 'MB',
      forum: measured.forum.rssMb,
      reference: measured.reference.rssMb,
      better: 'lower',
      details: { perSocketKb: { forum: measured.forum.rssKb, reference: measured.reference.rssKb } },
    },
  ];
}
