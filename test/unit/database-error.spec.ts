import { QueryFailedError } from 'typeorm';
import { databaseErrorBody } from '../../src/common/errors/database-error';

/** PostgreSQL's errors as the pg driver reports them, wrapped by TypeORM as a failed query. */
function failed(driverError: Record<string, string>): QueryFailedError {
  return new QueryFailedError('INSERT …', [], Object.assign(new Error(driverError.message ?? 'failed'), driverError));
}

describe('database errors, mapped once', () => {
  it.each([
    [
      'a foreign key naming nothing',
      { code: '23503', detail: 'Key (article_id)=(0000) is not present in table "articles".' },
      400,
      'articleId does not match any existing articles.',
    ],
    [
      'a row still referred to',
      { code: '23503', detail: 'Key (id)=(1) is still referenced from table "post_revisions".' },
      409,
      'This is still referred to by post revisions.',
    ],
    [
      'a unique expression index',
      { code: '23505', detail: 'Key (lower(username::text))=(ada) already exists.' },
      409,
      'One with this username already exists.',
    ],
    [
      'a unique pair',
      { code: '23505', detail: 'Key (author_id, client_id)=(a, b) already exists.' },
      409,
      'One with this authorId and clientId already exists.',
    ],
    ['a missing value', { code: '23502', column: 'display_name' }, 400, 'displayName is required.'],
    ['a check', { code: '23514', constraint: 'ck_votes_value' }, 400, 'The request breaks the rule ck_votes_value.'],
    [
      'a value too long',
      { code: '22001', message: 'value too long for type character varying(300)' },
      400,
      'A value cannot be stored: value too long for type character varying(300)',
    ],
    ['a deadlock', { code: '40P01' }, 503, 'A concurrent change got in the way: try again.'],
    ['a database shutting down', { code: '57P01' }, 503, expect.stringContaining('not answering')],
  ])('maps %s to its status', (_case, driverError, status, message) => {
    expect(databaseErrorBody(failed(driverError))).toMatchObject({ statusCode: status, message });
  });

  it.each([
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    failed({ message: 'Connection terminated unexpectedly' }),
  ])('answers a lost database (%p) with 503 and the seconds to wait', (error) => {
    expect(databaseErrorBody(error)).toMatchObject({ statusCode: 503, retryAfter: expect.any(Number) });
  });

  it('leaves anything else to the 500 path', () => {
    expect(databaseErrorBody(new TypeError('x is undefined'))).toBeNull();
    expect(databaseErrorBody(failed({ code: 'XX000' }))).toBeNull();
  });
});
