import { Client, Pool } from 'pg';
import { onCleanup } from './processes';

/** A refusal to run, said in one message (no stack trace). */
export class Refusal extends Error {}

export interface DatabaseChoice {
  /** A database to use as it is; otherwise a fresh one is made on `server` and dropped afterwards. */
  url: string | null;
  /** Where fresh databases are made: BENCH_DATABASE_URL, else the local server. */
  server: string;
  allowNonEmpty: boolean;
  keep: boolean;
}

/** A fresh database (made here, dropped at the end unless kept), or the given one if it is empty. */
export async function benchDatabase(choice: DatabaseChoice): Promise<{ url: string; pool: Pool }> {
  let url = choice.url;
  if (!url) {
    const name = `forum_bench_${Date.now()}_${process.pid}`;
    await onServer(choice.server, (client) => client.query(`CREATE DATABASE "${name}"`));
    if (!choice.keep) {
      onCleanup(() =>
        onServer(choice.server, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
      );
    }
    url = withDatabase(choice.server, name);
  }
  const pool = new Pool({ connectionString: url, max: 4 });
  onCleanup(() => pool.end());
  const [{ tables }] = (
    await pool.query(
      `SELECT count(*)::int AS tables FROM information_schema.tables
       WHERE table_schema NOT IN ('pg_catalog', 'information_schema')`,
    )
  ).rows;
  if (tables > 0 && !choice.allowNonEmpty) {
    throw new Refusal(
      `The database ${redact(url)} is not empty (${tables} tables): the benchmark writes thousands of rows and ` +
        'measures on a fresh schema. Give an empty database, or none (one is made and dropped), or pass ' +
        '--allow-non-empty to use it anyway.',
    );
  }
  return { url, pool };
}

async function onServer(server: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: server });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function withDatabase(server: string, name: string): string {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

export function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
