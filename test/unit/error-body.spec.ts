import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, toErrorBody } from '../../src/common/errors/domain-error';
import { errorBodyOf } from '../../src/common/errors/error-body';

describe('the error shape', () => {
  it.each([
    ['a wait of 0', 0, 60],
    ['NaN', Number.NaN, 60],
    ['a fraction', 2.2, 3],
    ['none', undefined, 60],
  ])('gives every 429 a retryAfter of whole seconds, even from %s', (_case, given, expected) => {
    expect(toErrorBody(429, 'Too many', given === undefined ? {} : { retryAfter: given }).retryAfter).toBe(expected);
  });

  it('gives a 429 from anywhere, even a bare HttpException, its retryAfter', () => {
    expect(errorBodyOf(new HttpException('Slow down', HttpStatus.TOO_MANY_REQUESTS))).toMatchObject({
      statusCode: 429,
      retryAfter: 60,
    });
    expect(errorBodyOf(new DomainError('rate_limited', 'wait', { retryAfter: 7 }))).toMatchObject({ retryAfter: 7 });
  });

  it('adds no retryAfter where waiting would not help', () => {
    expect(toErrorBody(400, 'Bad')).not.toHaveProperty('retryAfter');
  });
});
