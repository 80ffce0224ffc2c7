import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { errorBodyOf } from '../common/errors/error-body';

/**
 * Every socket message is answered: a failure becomes `{ok: false, error: {statusCode, message, ...}}` in its ack,
 * with the status the REST call would have answered. Never a thrown exception or a silent drop.
 */
@Catch()
export class AckExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ack = host.getArgByIndex<unknown>(2);
    if (typeof ack === 'function') ack({ ok: false, error: errorBodyOf(exception) });
  }
}
