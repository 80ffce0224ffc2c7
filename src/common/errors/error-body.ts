import { HttpException, Logger } from '@nestjs/common';
import { databaseErrorBody } from './database-error';
import { DomainError, domainErrorBody, ErrorBody, toErrorBody } from './domain-error';

const logger = new Logger('Errors');

/**
 * Maps anything thrown to the public error shape, for HTTP and socket acks alike: refusals, database failures
 * (constraint violations are the caller's 4xx, an absent database a 503), and unexpected errors, which are logged
 * and never leak a stack.
 */
export function errorBodyOf(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) return domainErrorBody(exception);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'string') return toErrorBody(status, response);
    const { message, statusCode: _statusCode, error: _error, ...extra } = response as Record<string, unknown>;
    return toErrorBody(status, (message as string | string[] | undefined) ?? exception.message, extra);
  }
  const database = databaseErrorBody(exception);
  if (database) {
    if (database.statusCode >= 500) logger.warn(`Database unavailable: ${(exception as Error).message}`);
    return database;
  }
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return toErrorBody(500, 'Something went wrong on our side. Please try again.');
}
