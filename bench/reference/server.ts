/**
 * The bare reference: what the forum's hot paths need and nothing more, in plain `node:http` + `pg` + socket.io,
 * on the forum's own database and tables. It authenticates with the forum's tokens (JWT with a KeyObject, then one
 * session query), writes a post or a vote with its counters and event in one statement, reads a page with the
 * forum's page query, broadcasts to the debate's room and answers a join with its missed events.
 *
 * Only the paths the benchmark drives are here, each for the common case (a top-level post in an open debate,
 * sort `top` or `new`); anything else is a 501. With EMBEDDED_DIR it opens that PGlite data folder in-process,
 * with the forum's settings, instead of PostgreSQL (the forum must not be running on it).
 *
 *   DATABASE_URL=… | EMBEDDED_DIR=…, JWT_SECRET=…, PORT=…
 */
import { createSecretKey, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { PGlite } from '@electric-sql/pglite';
import jwt from 'jsonwebtoken';
import { Pool } from 'pg';
import { Server } from 'socket.io';
import { pgliteOptions } from '../../src/database/embedded-database';
import { CREATE_POST, DEBATE_SEQ, MISSED, SESSION_USER, TOP_LEVEL_PAGE, topLevelPage, VOTE } from './sql';

interface Database {
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

interface Author {
  id: string;
  username: string;
  display_name: string;
  suspended_until: Date | null;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STANCES = new Set(['pro', 'contra', 'neutral']);
const POST_EVENTS = new Set(['post.created', 'post.updated', 'post.restored', 'post.voted']);
const MISSED_CAP = 1000;
const MAX_BODY_BYTES = 1024 * 1024;

async function openDatabase(): Promise<Database> {
  if (process.env.EMBEDDED_DIR) {
    const db = await PGlite.create(process.env.EMBEDDED_DIR, pgliteOptions());
    return {
      query: async <Row>(sql: string, params: unknown[] = []) => (await db.query<Row>(sql, params)).rows,
      close: () => db.close(),
    };
  }
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  return {
    query: async <Row>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[],
    close: () => pool.end(),
  };
}

async function main(): Promise<void> {
  const db = await openDatabase();
  const key = createSecretKey(Buffer.from(process.env.JWT_SECRET!, 'utf8'));

  async function authenticate(header: string | undefined): Promise<Author | null> {
    if (!header?.startsWith('Bearer ')) return null;
    let claims: { sub: string; sid: string };
    try {
      claims = jwt.verify(header.slice(7), key, { algorithms: ['HS256'] }) as typeof claims;
    } catch {
      return null;
    }
    const [user] = await db.query<Author>(SESSION_USER, [claims.sid, claims.sub]);
    return user ?? null;
  }

  async function participant(req: IncomingMessage): Promise<Author> {
    const user = await authenticate(req.headers.authorization);
    if (!user) throw new HttpError(401, 'Sign in first.');
    if (user.suspended_until && user.suspended_until > new Date()) throw new HttpError(403, 'Suspended.');
    return user;
  }

  async function createPost(req: IncomingMessage, debateId: string) {
    const author = await participant(req);
    const input = await readJson(req);
    const body = input.body;
    if (typeof body !== 'string' || body.trim().length < 1 || body.trim().length > 10_000) {
      throw new HttpError(400, 'body must be 1-10,000 characters');
    }
    if (input.stance !== undefined && !STANCES.has(input.stance as string)) throw new HttpError(400, 'bad stance');
    if (input.parentId !== undefined || input.sectionId !== undefined || input.clientId !== undefined) {
      throw new HttpError(501, 'The reference writes top-level posts only.');
    }
    const stance = (input.stance as string | undefined) ?? null;
    const id = randomUUID();
    // Every field of the forum's post (PostResponseDto) in its event: a reader gets the same bytes from both sides.
    const post = {
      id,
      debateId,
      parentId: null,
      author: { id: author.id, username: author.username, displayName: author.display_name },
      body,
      stance,
      relation: null,
      mentions: [],
      sectionId: null,
      quote: null,
      status: 'visible',
      score: 0,
      replyCount: 0,
      supportCount: 0,
      challengeCount: 0,
      depth: 0,
      createdAt: '',
      editedAt: null,
      seq: 0,
      label: null,
      statusReason: null,
    };
    const [row] = await db.query<{ seq: number; created_at: Date }>(CREATE_POST, [
      debateId,
      id,
      author.id,
      body,
      stance,
      JSON.stringify(post),
      `${id}/`,
    ]);
    if (!row) throw new HttpError(409, 'No such open debate (the reference handles no locks, slow mode or review).');
    post.seq = row.seq;
    post.createdAt = row.created_at.toISOString();
    const stream = `debate:${debateId}`;
    io.to(stream).emit('post.created', { type: 'post.created', stream, seq: row.seq, data: post });
    return { status: 201, body: { ...post, myVote: 0 } };
  }

  async function vote(req: IncomingMessage, postId: string) {
    const voter = await participant(req);
    const { value } = await readJson(req);
    if (value !== 1 && value !== -1 && value !== 0) throw new HttpError(400, 'value must be 1, -1 or 0');
    const [row] = await db.query<{ before: number | null; after: number | null }>(VOTE, [postId, voter.id, value]);
    if (row.before === null) throw new HttpError(404, 'No such post.');
    return { status: 200, body: { score: row.after ?? row.before, myVote: value } };
  }

  async function page(req: IncomingMessage, debateId: string, query: URLSearchParams) {
    const sort = query.get('sort') ?? 'top';
    if (!(sort in TOP_LEVEL_PAGE)) throw new HttpError(501, 'The reference pages by top or new only.');
    if (query.has('parentId')) throw new HttpError(501, 'The reference pages the top level only.');
    const limit = Number(query.get('limit') ?? 20);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new HttpError(400, 'limit must be 1-100');
    const reader = await authenticate(req.headers.authorization);
    const params: unknown[] = [debateId, reader?.id ?? null, false, null, limit + 1];
    let keyset: string[] | null = null;
    const cursor = query.get('cursor');
    if (cursor) {
      const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (!Array.isArray(values) || values.length !== (sort === 'top' ? 3 : 2)) throw new HttpError(400, 'cursor');
      keyset = values.map((value) => `$${params.push(value)}`);
    }
    const rows = await db.query<PostRow>(topLevelPage(sort as keyof typeof TOP_LEVEL_PAGE, keyset), params);
    if (rows.length === 0 && (await db.query(DEBATE_SEQ, [debateId])).length === 0) {
      throw new HttpError(404, 'No such debate.');
    }
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const key = (row: PostRow) =>
      sort === 'top' ? [row.score, row.created_at.toISOString(), row.id] : [row.created_at.toISOString(), row.id];
    return {
      status: 200,
      body: {
        items: items.map((row) => toPost(row, reader !== null)),
        nextCursor: rows.length > limit ? Buffer.from(JSON.stringify(key(last))).toString('base64url') : null,
      },
    };
  }

  async function route(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const url = new URL(req.url!, 'http://reference');
    const parts = url.pathname.split('/').filter(Boolean);
    if (url.pathname === '/api/health') return { status: 200, body: { status: 'ok' } };
    if (parts[0] === 'api' && parts[1] === 'debates' && UUID.test(parts[2] ?? '') && parts[3] === 'posts') {
      if (parts.length === 4 && req.method === 'POST') return createPost(req, parts[2]);
      if (parts.length === 4 && req.method === 'GET') return page(req, parts[2], url.searchParams);
    }
    if (parts[0] === 'api' && parts[1] === 'posts' && UUID.test(parts[2] ?? '') && parts[3] === 'vote') {
      if (parts.length === 4 && req.method === 'PUT') return vote(req, parts[2]);
    }
    throw new HttpError(404, 'Not here.');
  }

  const http = createServer((req, res) => {
    route(req).then(
      ({ status, body }) => send(res, status, body),
      (error: Error) => {
        const status = error instanceof HttpError ? error.status : 500;
        if (status === 500) console.error(error);
        send(res, status, { statusCode: status, error: String(status), message: error.message });
      },
    );
  });

  const io = new Server(http, { serveClient: false, maxHttpBufferSize: 1_000_000 });
  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth?.token;
    authenticate(typeof token === 'string' ? `Bearer ${token}` : undefined).then(
      (user) => {
        socket.data.user = user;
        next();
      },
      (error: Error) => next(error),
    );
  });
  io.on('connection', (socket) => {
    socket.on('debate:join', (message: { debateId?: unknown; since?: unknown }, ack: (answer: unknown) => void) => {
      join(socket, message).then(ack, (error: Error) =>
        ack({
          ok: false,
          error: { statusCode: error instanceof HttpError ? error.status : 500, message: error.message },
        }),
      );
    });
  });

  async function join(socket: { join(room: string): unknown; leave(room: string): unknown }, message: JoinMessage) {
    const { debateId, since } = message;
    if (typeof debateId !== 'string' || !UUID.test(debateId)) throw new HttpError(400, 'debateId must be a UUID');
    if (since !== undefined && !(Number.isInteger(since) && (since as number) >= 0)) throw new HttpError(400, 'since');
    const stream = `debate:${debateId}`;
    // Join first, read after: an event committed in between arrives both ways, and the client drops the copy.
    await socket.join(stream);
    const [debate] = await db.query<{ seq: number }>(DEBATE_SEQ, [debateId]);
    if (!debate) {
      await socket.leave(stream);
      throw new HttpError(404, 'No such debate.');
    }
    if (since !== undefined && (since as number) > debate.seq) throw new HttpError(400, 'since is ahead');
    const logged =
      since === undefined
        ? []
        : await db.query<{ seq: number; type: string; payload: { id?: string }; status: string | null }>(MISSED, [
            stream,
            since,
            MISSED_CAP + 1,
          ]);
    const missed = logged.slice(0, MISSED_CAP).flatMap((event) => {
      const wire = { type: event.type, stream, seq: event.seq, data: event.payload };
      if (!POST_EVENTS.has(event.type)) return [wire];
      if (event.status !== 'visible' && event.status !== 'deleted') return [];
      if (event.status === 'visible' || event.type === 'post.voted') return [wire];
      return [{ ...wire, data: { ...event.payload, status: 'deleted', body: '', author: null, quote: null } }];
    });
    return {
      ok: true,
      seq: debate.seq,
      presence: { count: io.sockets.adapter.rooms.get(stream)?.size ?? 0 },
      missed,
      ...(logged.length > MISSED_CAP ? { reload: true } : {}),
    };
  }

  await new Promise<void>((resolve) => http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
  console.log(`reference listening on ${(http.address() as { port: number }).port}`);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      io.close();
      http.close();
      db.close().finally(() => process.exit(0));
    });
  }
}

interface JoinMessage {
  debateId?: unknown;
  since?: unknown;
}

interface PostRow {
  id: string;
  debate_id: string;
  parent_id: string | null;
  author_id: string;
  author_username: string;
  author_display_name: string;
  body: string;
  stance: string | null;
  section_id: string | null;
  quote: string | null;
  status: string;
  score: number;
  reply_count: number;
  depth: number;
  seq: string | number | null;
  created_at: Date;
  edited_at: Date | null;
  my_vote: number | null;
}

function toPost(row: PostRow, signedIn: boolean) {
  const deleted = row.status === 'deleted';
  return {
    id: row.id,
    debateId: row.debate_id,
    parentId: row.parent_id,
    author: deleted ? null : { id: row.author_id, username: row.author_username, displayName: row.author_display_name },
    body: deleted ? '' : row.body,
    stance: row.stance,
    sectionId: deleted ? null : row.section_id,
    quote: deleted ? null : row.quote,
    status: row.status,
    score: row.score,
    replyCount: row.reply_count,
    depth: row.depth,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    seq: row.seq === null ? null : Number(row.seq),
    ...(signedIn ? { myVote: row.my_vote ?? 0 } : {}),
  };
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new HttpError(413, 'Too large.'));
      else chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      try {
        const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
        resolve(value as Record<string, unknown>);
      } catch {
        reject(new HttpError(400, 'The body must be a JSON object.'));
      }
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
  });
  res.end(json);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
