import { toErrorBody, ErrorBody } from './domain-error';

/** Seconds a client should wait before retrying while the database is away or busy. */
export const DATABASE_RETRY_AFTER = 5;

/** What the pg driver reports: a SQLSTATE with its details, or a Node network error while connecting. */
interface DriverError {
  code?: string;
  detail?: string;
  column?: string;
  constraint?: string;
  message?: string;
}

// Node's errors for a peer that is gone or unreachable, and pg's own for a connection that broke or never came.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const CONNECTION_LOST =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused|not queryable/i;

/** The SQLSTATE of a failed query, from TypeORM (driverError) or from pg itself (a prepared statement's error). */
export function sqlStateOf(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  return (((error as { driverError?: DriverError }).driverError ?? error) as DriverError).code;
}

/** A unique constraint refused the write (SQLSTATE 23505). */
export const isUniqueViolation = (error: unknown): boolean => sqlStateOf(error) === '23505';

/**
 * Every database failure a request can meet, mapped once: constraint violations and bad values are the caller's
 * (4xx naming the field where PostgreSQL names it), an unreachable or overloaded database is a 503 with the seconds
 * to wait. Null for anything else, which stays a logged 500.
 */
export function databaseErrorBody(exception: unknown): ErrorBody | null {
  if (!(exception instanceof Error)) return null;
  const driver = ((exception as { driverError?: DriverError }).driverError ?? exception) as DriverError;
  const code = driver.code ?? '';
  if (NETWORK_CODES.has(code) || (!/^[0-9A-Z]{5}$/.test(code) && CONNECTION_LOST.test(driver.message ?? ''))) {
    return unavailable();
  }
  switch (code) {
    case '23503':
      return foreignKey(driver);
    case '23505':
      return toErrorBody(409, `One with this ${fieldsOf(driver) ?? 'value'} already exists.`);
    case '23502':
      return toErrorBody(400, `${driver.column ? camel(driver.column) : 'A required field'} is required.`);
    case '23514':
    case '23P01':
      return toErrorBody(400, `The request breaks the rule ${driver.constraint ?? 'of this record'}.`);
    case '40001':
    case '40P01':
      // Two writes crossed; the loser may simply try again.
      return toErrorBody(503, 'A concurrent change got in the way: try again.', { retryAfter: 1 });
  }
  // Class 22 (a value PostgreSQL cannot take: too long, out of range, malformed) and 54 (too large to index).
  if (code.startsWith('22') || code.startsWith('54'))
    return toErrorBody(400, `A value cannot be stored: ${driver.message}`);
  // Classes 08 (connection), 53 (out of resources), 57P (shutting down, starting up).
  if (code.startsWith('08') || code.startsWith('53') || code.startsWith('57P')) return unavailable();
  return null;
}

function unavailable(): ErrorBody {
  return toErrorBody(503, 'The database is not answering right now: try again in a few seconds.', {
    retryAfter: DATABASE_RETRY_AFTER,
  });
}

function foreignKey(driver: DriverError): ErrorBody {
  const field = fieldsOf(driver) ?? 'A reference';
  // "is not present in table": the request names something that does not exist; "is still referenced": removing
  // it would orphan rows that point to it.
  const table = /is not present in table "([^"]+)"/.exec(driver.detail ?? '')?.[1];
  if (table) return toErrorBody(400, `${field} does not match any existing ${table.replace(/_/g, ' ')}.`);
  const referrer = /referenced from table "([^"]+)"/.exec(driver.detail ?? '')?.[1];
  return toErrorBody(409, `This is still referred to${referrer ? ` by ${referrer.replace(/_/g, ' ')}` : ''}.`);
}

/** The columns in `Key (article_id)=(…)` or `Key (lower((username)::text))=(…)`, as the API names them. */
function fieldsOf(driver: DriverError): string | null {
  const key = /^Key \((.+?)\)=\(/.exec(driver.detail ?? '')?.[1];
  if (!key) return null;
  const columns = key
    .replace(/::[\w ]+/g, '')
    .replace(/\w+\(/g, '')
    .replace(/[()]/g, '')
    .split(',')
    .map((column) => camel(column.trim()));
  return columns.join(' and ');
}

function camel(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}
