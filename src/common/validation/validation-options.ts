import { ArgumentMetadata, ValidationPipe, ValidationPipeOptions } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { payloadProblem } from './payload-rules';

/** One set of rules for REST and sockets: unknown fields are refused, payloads become DTO instances. */
export const VALIDATION_OPTIONS: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  validationError: { target: false, value: false },
};

/**
 * Bodies and socket payloads refuse unknown fields (API.md); query strings only drop them, since links, proxies and
 * cache busters (`?_=1`) add parameters nobody asked for. Before either, every argument (body, socket message,
 * query, path parameter) must pass the payload rules: text PostgreSQL stores exactly, bounded nesting.
 */
export class ForumValidationPipe extends ValidationPipe {
  private readonly lenient = new ValidationPipe({ ...VALIDATION_OPTIONS, forbidNonWhitelisted: false });

  constructor() {
    super(VALIDATION_OPTIONS);
  }

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Path parameters are named by their parameter (`slug`); bodies and queries by the field inside them.
    const problem = payloadProblem(value, metadata.type === 'param' && metadata.data ? metadata.data : '');
    if (problem) throw new DomainError('invalid_input', problem);
    return metadata.type === 'query' ? this.lenient.transform(value, metadata) : super.transform(value, metadata);
  }
}

export const validationPipe = (): ValidationPipe => new ForumValidationPipe();
