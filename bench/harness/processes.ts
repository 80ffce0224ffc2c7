import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
const PROBE = join(__dirname, 'probe.cjs');
const STOP_GRACE_MS = 15_000;

export interface Probe {
  memory: NodeJS.MemoryUsage;
  cpuMicros: number;
  /** Since the previous probe: the longest the main thread's event loop was held up, and the longest GC pause. */
  loopDelayMaxMs: number;
  gcMaxMs: number;
}

/** A server the harness started, in its own process group so that stopping it stops all it started. */
export interface Running {
  name: string;
  url: string;
  port: number;
  pid: number;
  /** Memory (after a full GC when asked) and CPU time so far, from inside the process. */
  probe(gc?: boolean): Promise<Probe>;
  stop(): Promise<void>;
  /** The last lines it wrote, for error messages. */
  tail(): string;
}

const running = new Set<Running>();
const cleanups: (() => Promise<void>)[] = [];

/** Work to undo at the end, or on Ctrl-C: a database to drop, a folder to remove. Runs last-in, first-out. */
export function onCleanup(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

/** Stops every process the harness started, then runs the cleanups. Safe to call more than once. */
export async function stopEverything(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop()));
  while (cleanups.length > 0) {
    await cleanups.pop()!().catch((error: Error) => console.error(`cleanup: ${error.message}`));
  }
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping every process the benchmark started…`);
    stopEverything().finally(() => process.exit(130));
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

interface StartOptions {
  name: string;
  command: string;
  args: string[];
  env: Record<string, string | undefined>;
  port: number;
  /** The path that answers 200 once the server is ready. */
  health?: string;
  timeoutMs?: number;
  /** Opens the IPC channel the probe answers on (only for a node process that preloads it). */
  ipc?: boolean;
}

/** Spawns a server and waits for its health path; `ms` is the time from spawn to the first healthy answer. */
export async function start(options: StartOptions): Promise<Running & { ms: number }> {
  const begin = performance.now();
  const child = spawn(options.command, options.args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    detached: true,
    stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  if (process.env.BENCH_OUTPUT_DIR) {
    // Everything a server prints, kept whole (for --trace-gc and the like): <dir>/<name>.log.
    const file = createWriteStream(join(process.env.BENCH_OUTPUT_DIR, `${options.name.replace(/\W+/g, '-')}.log`));
    child.stdout!.pipe(file);
    child.stderr!.pipe(file);
  }
  child.channel?.unref();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stopping: Promise<void> | undefined;
  const server: Running = {
    name: options.name,
    url: `http://127.0.0.1:${options.port}`,
    port: options.port,
    pid: child.pid!,
    probe: (gc = false) => probe(child, gc),
    tail: () => lines.join('\n'),
    stop: () =>
      (stopping ??= (async () => {
        signalGroup(child, 'SIGTERM');
        const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), STOP_GRACE_MS);
        await exited;
        clearTimeout(timer);
        // npm start leaves its node behind in the group for a moment; nothing of ours may outlive the harness.
        signalGroup(child, 'SIGKILL');
        running.delete(server);
      })()),
  };
  running.add(server);
  const deadline = begin + (options.timeoutMs ?? 120_000);
  for (;;) {
    const code = await Promise.race([exited, delay(100).then(() => undefined)]);
    if (code !== undefined) throw new Error(`${options.name} exited (${code}) before it was ready:\n${server.tail()}`);
    if (await healthy(`${server.url}${options.health ?? '/api/health'}`)) break;
    if (performance.now() > deadline) {
      await server.stop();
      throw new Error(`${options.name} was not healthy after ${options.timeoutMs ?? 120_000} ms:\n${server.tail()}`);
    }
  }
  return { ...server, ms: performance.now() - begin };
}

/**
 * The production build, as `node dist/src/main.js`, with the probe preloaded. `BENCH_FORUM_NODE_ARGS` adds flags for
 * profiling, e.g. `--cpu-prof --cpu-prof-dir=/tmp/profiles` (each forum process writes its profile as it exits);
 * `BENCH_REFERENCE_NODE_ARGS` does the same for the reference.
 */
export async function startForum(name: string, env: Record<string, string | undefined>) {
  const port = await freePort();
  const extra = process.env.BENCH_FORUM_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  return start({
    name,
    command: process.execPath,
    // The flags `npm start` and the image give node (see main.ts).
    args: ['--expose-gc', '--no-memory-reducer', ...extra, '-r', PROBE, 'dist/src/main.js'],
    env: { ...env, PORT: String(port) },
    port,
    ipc: true,
  });
}

export async function startReference(name: string, env: Record<string, string | undefined>) {
  const port = await freePort();
  return start({
    name,
    command: process.execPath,
    args: [
      '--expose-gc',
      ...(process.env.BENCH_REFERENCE_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      '-r',
      PROBE,
      '-r',
      '@swc-node/register',
      'bench/reference/server.ts',
    ],
    env: { ...env, PORT: String(port) },
    port,
    ipc: true,
  });
}

/** Resident memory of a process, from /proc (for processes without the probe, such as `npm start`'s server). */
export async function rssOf(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group is gone already
  }
}

let nextProbe = 0;

function probe(child: ChildProcess, gc: boolean): Promise<Probe> {
  const id = ++nextProbe;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', answer);
      reject(new Error('the probe did not answer in 30 s'));
    }, 30_000);
    const answer = (message: { probe?: number } & Probe) => {
      if (message.probe !== id) return;
      clearTimeout(timer);
      child.off('message', answer);
      resolve(message);
    };
    child.on('message', answer);
    child.send({ probe: id, gc });
  });
}
