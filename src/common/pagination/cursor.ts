import { DomainError } from '../errors/domain-error';

/**
 * Keyset cursors: the sort key of the last row of a page, opaque to clients. Each list names its key's shape,
 * and a cursor that does not decode to that shape is a 400, never a silent first page or a database error.
 */
export type CursorValue = string | number;

/**
 * What a cursor position holds. `time`, `id` and `int` are checked strictly, so the database is only ever asked
 * with values it reads; `string` and `number` only check the JSON type (for lists that check values themselves).
 */
export type CursorPart = 'time' | 'id' | 'int' | 'string' | 'number';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT_MAX = 2 ** 31 - 1;

const FITS: Record<CursorPart, (value: unknown) => boolean> = {
  // Cursors carry toISOString() output; anything else (even a date PostgreSQL would read) was not made here.
  time: (value) =>
    typeof value === 'string' && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value,
  id: (value) => typeof value === 'string' && UUID.test(value),
  int: (value) => Number.isInteger(value) && Math.abs(value as number) <= INT_MAX,
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
};

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** `null` for no cursor (absent or empty); the decoded values when they fit `shape`; else a 400. */
export function decodeCursor(cursor: string | undefined, shape: CursorPart[]): CursorValue[] | null {
  if (cursor === undefined || cursor === '') return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const fits =
    Array.isArray(values) && values.length === shape.length && values.every((value, i) => FITS[shape[i]](value));
  if (!fits) throw invalid();
  return values as CursorValue[];
}

/** Fetch `limit + 1` rows; the extra one proves there is a next page. */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  cursorOf: (row: Row) => CursorValue[],
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const pageRows = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(cursorOf(pageRows[pageRows.length - 1])) : null;
  return { items: pageRows.map(toItem), nextCursor };
}

function invalid(): DomainError {
  return new DomainError('invalid_cursor', 'cursor is malformed: pass the nextCursor of a previous page unchanged');
}
