import autocannon from 'autocannon';
import { Running } from './processes';

/** Runs `task(0..count-1)` with at most `concurrency` in flight, in order of index; returns the answers by index. */
export async function inFlight<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const answers: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        answers[i] = await task(i);
      }
    }),
  );
  return answers;
}

/**
 * `count` clients opened and joined, `concurrency` at a time: those that joined, in order, and the failures counted
 * (a client whose join failed is closed).
 */
export async function openJoined<C extends { close(): void }>(
  count: number,
  concurrency: number,
  open: (i: number) => Promise<C>,
  joinRoom: (client: C) => Promise<unknown>,
): Promise<{ clients: C[]; errors: number; firstError: string | null }> {
  let errors = 0;
  let firstError: string | null = null;
  const opened = await inFlight(count, concurrency, async (i) => {
    try {
      const client = await open(i);
      await joinRoom(client).catch((error: Error) => {
        client.close();
        throw error;
      });
      return client;
    } catch (error) {
      errors += 1;
      firstError ??= (error as Error).message;
      return undefined;
    }
  });
  return { clients: opened.filter((client): client is C => client !== undefined), errors, firstError };
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface LoadResult {
  /** 2xx answers per second. */
  rate: number;
  ok: number;
  p50: number;
  p99: number;
  /** Answers other than 2xx, and connection errors or timeouts. */
  failed: number;
  statuses: Record<string, number>;
  /** Server CPU time per 2xx answer, in ms. */
  cpuMs: number;
}

/**
 * Closed-loop load with autocannon: `connections` requests in flight for `seconds`, each made by `next(i)` with a
 * running count, so each request can be its own (another author, another post, another vote).
 */
export async function load(
  server: Running,
  options: { connections: number; seconds: number; next: (i: number) => HttpRequest },
): Promise<LoadResult> {
  let count = 0;
  const before = await server.probe();
  const result = await autocannon({
    url: server.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => {
          const next = options.next(count++);
          return {
            ...request,
            method: next.method,
            path: next.path,
            headers: {
              ...request.headers,
              ...next.headers,
              ...(next.body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            body: next.body === undefined ? undefined : JSON.stringify(next.body),
          };
        },
      },
    ],
  });
  const after = await server.probe();
  const ok = result['2xx'];
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([status, { count: n }]) => [status, n ?? 0]),
  );
  return {
    rate: ok / result.duration,
    ok,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors,
    statuses: result.errors > 0 ? { ...statuses, 'connection errors': result.errors } : statuses,
    cpuMs: ok > 0 ? (after.cpuMicros - before.cpuMicros) / 1000 / ok : 0,
  };
}
