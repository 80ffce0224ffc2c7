/**
 * The server side of the real-time benchmark, in its own process so that the 500 clients do not share its CPU.
 * `forum`: the real app on a fresh PostgreSQL database. `reference`: the bare minimum the forum's path contains,
 * one `pg` insert and one socket.io room broadcast per POST, to compare against.
 * Talks to the parent over IPC: it reports `{ready, port}` and answers `{id, command}` messages.
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { Server } from 'socket.io';
import { DataSource } from 'typeorm';
import { createDatabase, dropDatabase } from '../test/support/test-database';
import { api, makeUser, startBenchServer } from './support';

type Handler = (argument?: unknown) => Promise<unknown>;

function serve(handlers: Record<string, Handler>): void {
  process.on('message', async ({ id, command, argument }: { id: number; command: string; argument?: unknown }) => {
    try {
      process.send!({ id, result: await handlers[command](argument) });
    } catch (error) {
      process.send!({ id, error: (error as Error).message });
    }
  });
}

function memory(): NodeJS.MemoryUsage {
  global.gc?.();
  return process.memoryUsage();
}

async function forum(): Promise<void> {
  const server = await startBenchServer();
  const author = await makeUser(server);
  const organiser = await makeUser(server, 'organiser');
  const debate = await api<{ id: string }>(server, '/api/debates', {
    method: 'POST',
    headers: organiser.headers,
    body: JSON.stringify({ question: 'Benchmark: live debate' }),
  });
  serve({
    memory: async () => memory(),
    /** A stream with 1,000 events, for the resume measurement. */
    missed: async () => {
      const other = await api<{ id: string }>(server, '/api/debates', {
        method: 'POST',
        headers: organiser.headers,
        body: JSON.stringify({ question: 'Benchmark: resume' }),
      });
      const stream = `debate:${other.id}`;
      const db = server.app.get(DataSource);
      await db.query(`INSERT INTO streams (name, last_seq) VALUES ($1, 1000)`, [stream]);
      // 1,000 posts someone missed, each with its post.created event (a resume checks each post as it is now).
      await db.query(
        `WITH made AS (
           INSERT INTO posts (id, root_id, path, depth, debate_id, author_id, body, stance, seq)
           SELECT g.id, g.id, g.id || '/', 0, $2, $3, 'Missed argument ' || g.n, 'pro', g.n
           FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, 1000) n) AS g
           RETURNING id, seq, body
         )
         INSERT INTO events (stream, seq, type, payload)
         SELECT $1, seq, 'post.created',
                jsonb_build_object('id', id, 'debateId', $2::uuid, 'body', body, 'status', 'visible', 'seq', seq)
         FROM made`,
        [stream, other.id, author.id],
      );
      return other.id;
    },
    stop: async () => {
      await server.close();
      await server.dropDatabase();
      setImmediate(() => process.exit(0));
    },
  });
  process.send!({ ready: true, port: server.port, debateId: debate.id, token: author.token });
}

async function reference(): Promise<void> {
  const name = `forum_bench_reference_${Date.now()}`;
  const pool = new Pool({ connectionString: await createDatabase(name), max: 10 });
  await pool.query(`CREATE TABLE bench_posts (id bigserial PRIMARY KEY, room text NOT NULL, body text NOT NULL)`);
  const http = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const { room, text } = JSON.parse(body);
      const [row] = (
        await pool.query(`INSERT INTO bench_posts (room, body) VALUES ($1, $2) RETURNING id`, [room, text])
      ).rows;
      io.to(room).emit('post.created', {
        type: 'post.created',
        stream: room,
        seq: Number(row.id),
        data: { body: text },
      });
      res.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ id: row.id }));
    });
  });
  const io = new Server(http, { serveClient: false });
  io.on('connection', (socket) => {
    socket.on('debate:join', async ({ debateId }: { debateId: string }, ack: (response: unknown) => void) => {
      await socket.join(`debate:${debateId}`);
      ack({ ok: true });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, resolve));
  serve({
    memory: async () => memory(),
    stop: async () => {
      io.close();
      await pool.end();
      await dropDatabase(name);
      setImmediate(() => process.exit(0));
    },
  });
  process.send!({ ready: true, port: (http.address() as { port: number }).port, debateId: 'reference', token: null });
}

(process.argv[2] === 'reference' ? reference() : forum()).catch((error) => {
  console.error(error);
  process.exit(1);
});
