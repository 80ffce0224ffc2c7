import { DomainError } from '../errors/domain-error';

/**
 * Keyset cursors: the sort key of the last row of a page, opaque to clients. Each list names its key's shape,
 * and a cursor that does not decode to that shape is a 400, never a silent first page.
 */
export type CursorValue = string | number;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, shape: ('string' | 'number')[]): CursorValue[] | null {
  if (cursor === undefined) return null;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const fits =
    Array.isArray(values) &&
    values.length === shape.length &&
    values.every((value, i) => typeof value === shape[i] && (typeof value !== 'number' || Number.isFinite(value)));
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
