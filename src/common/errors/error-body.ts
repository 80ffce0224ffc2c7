import { HttpException, Logger } from '@nestjs/common';
import { DomainError, domainErrorBody, ErrorBody, toErrorBody } from './domain-error';

const logger = new Logger('Errors');

/** Maps anything thrown to the public error shape; unexpected errors are logged and never leak a stack. */
export function errorBodyOf(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) return domainErrorBody(exception);
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const response = exception.getResponse();
    if (typeof response === 'string') return toErrorBody(status, response);
    const { message, statusCode: _statusCode, error: _error, ...extra } = response as Record<string, unknown>;
    return toErrorBody(status, (message as string | string[] | undefined) ?? exception.message, extra);
  }
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return toErrorBody(500, 'Something went wrong on our side. Please try again.');
}
