/**
 * Fan-out: 500 clients in one debate, 20 posts/s for 5 s. For every delivery, the time from the start of the POST
 * to receipt on that client; lost deliveries are counted. The same load runs against a bare reference (one `pg`
 * insert + one socket.io room broadcast) in the same run. Also: memory per idle joined socket, and the time to
 * the ack of a join that resumes 1,000 missed events.
 *
 *   npm run bench:realtime
 */
import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { io, Socket } from 'socket.io-client';
import { percentiles, round, timed, writeResult } from './support';

const CLIENTS = 500;
const RATE = 20;
const SECONDS = 5;
const POSTS = RATE * SECONDS;
const RESUME_SAMPLES = 20;

interface ChildServer {
  port: number;
  debateId: string;
  token: string | null;
  call<T>(command: string, argument?: unknown): Promise<T>;
  child: ChildProcess;
}

async function startChild(mode: 'forum' | 'reference'): Promise<ChildServer> {
  const child = fork(join(__dirname, 'realtime-server.ts'), [mode], {
    execArgv: ['-r', '@swc-node/register', '--expose-gc'],
    env: { ...process.env, NODE_ENV: 'test' },
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
    child.on(
      'message',
      (message: {
        ready?: boolean;
        port: number;
        debateId: string;
        token: string | null;
        id: number;
        result?: unknown;
        error?: string;
      }) => {
        if (message.ready) {
          resolve({
            port: message.port,
            debateId: message.debateId,
            token: message.token,
            child,
            call: <T>(command: string, argument?: unknown) =>
              new Promise<T>((res, rej) => {
                pending.set(++nextId, { resolve: res as (value: unknown) => void, reject: rej });
                child.send({ id: nextId, command, argument });
              }),
          });
          return;
        }
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error));
        else waiting?.resolve(message.result);
      },
    );
  });
}

async function connectAll(server: ChildServer, count: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < count; i += 50) {
    sockets.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(50, count - i) }, async () => {
          const socket = io(`http://127.0.0.1:${server.port}`, {
            transports: ['websocket'],
            forceNew: true,
            reconnection: false,
          });
          await new Promise<void>((resolve, reject) => {
            socket.once('connect', resolve);
            socket.once('connect_error', reject);
          });
          const ack = await socket.timeout(10_000).emitWithAck('debate:join', { debateId: server.debateId });
          if (!ack.ok) throw new Error(JSON.stringify(ack));
          return socket;
        }),
      )),
    );
  }
  return sockets;
}

/** Posts at RATE per second without waiting for answers; measures POST start → receipt on every client. */
async function fanOut(sockets: Socket[], post: (i: number) => Promise<Response>, posts = POSTS) {
  const started: number[] = [];
  const latencies: number[] = [];
  let received = 0;
  let allDelivered: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allDelivered = resolve));
  for (const socket of sockets) {
    socket.on('post.created', (event: { data: { body: string } }) => {
      const index = Number(/^fan-out (\d+)/.exec(event.data.body)?.[1]);
      if (Number.isNaN(index)) return;
      latencies.push(performance.now() - started[index]);
      if (++received === posts * sockets.length) allDelivered();
    });
  }
  const responses: Promise<Response>[] = [];
  for (let i = 0; i < posts; i++) {
    started[i] = performance.now();
    responses.push(post(i));
    await new Promise((resolve) => setTimeout(resolve, 1000 / RATE));
  }
  const statuses = (await Promise.all(responses)).map((response) => response.status);
  if (statuses.some((status) => status !== 201)) throw new Error(`posts answered ${[...new Set(statuses)]}`);
  await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  sockets.forEach((socket) => socket.off('post.created'));
  return { latency: percentiles(latencies), lost: posts * sockets.length - received };
}

async function main(): Promise<void> {
  const results: Record<string, { latency: ReturnType<typeof percentiles>; lost: number; perSocketKb: number }> = {};
  let resume: ReturnType<typeof percentiles> | null = null;

  for (const mode of ['reference', 'forum'] as const) {
    const server = await startChild(mode);
    try {
      const before = await server.call<NodeJS.MemoryUsage>('memory');
      const sockets = await connectAll(server, CLIENTS);
      const after = await server.call<NodeJS.MemoryUsage>('memory');
      const perSocketKb = round(
        (after.heapUsed + after.external - before.heapUsed - before.external) / CLIENTS / 1024,
        1,
      );
      const url = `http://127.0.0.1:${server.port}`;
      const post =
        mode === 'forum'
          ? (i: number) =>
              fetch(`${url}/api/debates/${server.debateId}/posts`, {
                method: 'POST',
                headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
                body: JSON.stringify({ body: `fan-out ${i}: labels will not stop fakes` }),
              })
          : (i: number) =>
              fetch(`${url}/posts`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({
                  room: `debate:${server.debateId}`,
                  text: `fan-out ${i}: labels will not stop fakes`,
                }),
              });
      // A discarded warm-up round, so neither server is measured cold.
      await fanOut(sockets, post, RATE);
      results[mode] = { ...(await fanOut(sockets, post)), perSocketKb };
      sockets.forEach((socket) => socket.disconnect());

      if (mode === 'forum') {
        const debateId = await server.call<string>('missed');
        const samples: number[] = [];
        for (let i = 0; i < RESUME_SAMPLES; i++) {
          const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
          await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
          samples.push(
            await timed(async () => {
              const ack = await socket.emitWithAck('debate:join', { debateId, since: 0 });
              if (ack.missed.length !== 1000) throw new Error(`missed ${ack.missed.length}`);
            }),
          );
          socket.disconnect();
        }
        resume = percentiles(samples);
      }
    } finally {
      await server.call('stop').catch(() => undefined);
    }
  }

  const { forum, reference } = results;
  writeResult(
    'realtime',
    `# Real-time benchmark

${new Date().toISOString().slice(0, 10)}, PostgreSQL on this machine (2 cores); the server in its own process, the ${CLIENTS} clients
(socket.io-client, websocket transport) in another. \`npm run bench:realtime\`.

## Fan-out: ${CLIENTS} clients in one debate, ${RATE} posts/s for ${SECONDS} s (${POSTS * CLIENTS} deliveries)
Latency is from the start of the POST to receipt on each client, after a discarded warm-up second.

| server | p50 ms | p99 ms | max ms | lost |
|---|---|---|---|---|
| forum (REST post → pipeline → event row → commit → room broadcast) | ${forum.latency.p50} | ${forum.latency.p99} | ${forum.latency.max} | ${forum.lost} |
| bare reference (one pg insert + one room broadcast) | ${reference.latency.p50} | ${reference.latency.p99} | ${reference.latency.max} | ${reference.lost} |

p99 ratio forum / reference: **${round(forum.latency.p99 / reference.latency.p99)}×** (goal ≤ 1.5×).

## Memory per idle joined socket (heap + external, after GC)
| server | KB per socket |
|---|---|
| forum | ${forum.perSocketKb} |
| reference | ${reference.perSocketKb} |

## Resume: join with \`since\` 1,000 events behind (${RESUME_SAMPLES} joins)
| p50 ms | p99 ms | max ms |
|---|---|---|
| ${resume!.p50} | ${resume!.p99} | ${resume!.max} |
`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
