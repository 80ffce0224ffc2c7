import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** How long a request waits for a database connection before it is answered 503. */
export const CONNECT_TIMEOUT_MS = 5000;

/** The injection token of the app's DatabaseConnection. */
export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');

export interface DatabaseConnection {
  url: string;
  /** The embedded database is a single session, so the pool holds exactly one connection. */
  embedded: boolean;
}

/**
 * PGlite is one session behind its socket: what a connection leaves in it (named prepared statements above all)
 * outlives the connection, and the next one would be refused `prepared statement "q_…" already exists`. So the pool
 * keeps its one connection instead of closing it when idle, and a connection it opens anyway (after an error)
 * starts by dropping what an earlier one prepared.
 */
const embeddedSession = {
  idleTimeoutMillis: 0,
  onConnect: (client: { query(text: string): Promise<unknown> }) => client.query('DEALLOCATE ALL'),
};

export function dataSourceOptions(connection: DatabaseConnection): DataSourceOptions {
  return {
    type: 'postgres',
    url: connection.url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    synchronize: false,
    extra: {
      max: connection.embedded ? 1 : 10,
      // A database that is away must fail a request fast (503), not hold it: a connection that does not come within
      // this many ms is an error, and a dead peer on an open connection is noticed by TCP keepalive.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
      ...(connection.embedded ? embeddedSession : {}),
    },
  };
}
