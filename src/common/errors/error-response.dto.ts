import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ErrorCode, STATUS } from './domain-error';

const ERROR_CODES = Object.keys(STATUS) as ErrorCode[];

/** The one error shape (toErrorBody), as the document describes it. */
@ApiSchema({
  name: 'Error',
  description: 'Every error: `{statusCode, error, message}`, plus fields that help to act on it.',
})
export class ErrorResponseDto {
  @ApiProperty({ type: 'integer', example: 400 })
  statusCode: number;

  @ApiProperty({ description: 'The HTTP reason phrase', example: 'Bad Request' })
  error: string;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'What went wrong, for a person; one entry per refused field when the input did not validate.',
  })
  message: string | string[];

  @ApiPropertyOptional({ enum: ERROR_CODES, description: 'The refusal, for programs; absent on input validation.' })
  code?: ErrorCode;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'A refused post: what was sent, so nothing typed is lost.',
  })
  draft?: Record<string, unknown>;

  @ApiPropertyOptional({ format: 'date-time', description: 'A suspended account (403): when the suspension ends.' })
  suspendedUntil?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'A suspended account (403): why.' })
  reason?: string | null;
}

@ApiSchema({ name: 'RateLimitedError', description: 'A 429 or 503: the error shape with the seconds to wait.' })
export class RateLimitedErrorDto extends ErrorResponseDto {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Seconds to wait; the same as the Retry-After header.' })
  retryAfter: number;
}
