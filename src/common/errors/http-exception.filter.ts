import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { errorBodyOf } from './error-body';

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = errorBodyOf(exception);
    if (typeof body.retryAfter === 'number') response.setHeader('Retry-After', String(body.retryAfter));
    response.status(body.statusCode).json(body);
  }
}
