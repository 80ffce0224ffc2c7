import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/errors/error-response.dto';

@ApiSchema({ name: 'HealthIndicator', description: 'One checked dependency.' })
export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiProperty({ type: 'integer', description: 'Milliseconds the check took' }) responseTime: number;
  @ApiPropertyOptional({ description: 'Why it is down' }) message?: string;
}

const INDICATORS = {
  type: 'object',
  additionalProperties: { $ref: getSchemaPath(HealthIndicatorDto) },
  description: 'By name: `database`',
} as const;

@ApiSchema({ name: 'Health' })
@ApiExtraModels(HealthIndicatorDto)
export class HealthResponseDto {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
  @ApiProperty(INDICATORS) info: Record<string, HealthIndicatorDto>;
  @ApiProperty(INDICATORS) error: Record<string, HealthIndicatorDto>;
  @ApiProperty(INDICATORS) details: Record<string, HealthIndicatorDto>;
}

/** A failed check comes through the error filter: the error shape, with terminus's status and indicators. */
@ApiSchema({ name: 'HealthError' })
@ApiExtraModels(HealthIndicatorDto)
export class HealthErrorResponseDto extends ErrorResponseDto {
  @ApiProperty({ enum: ['error', 'shutting_down'] }) status: 'error' | 'shutting_down';
  @ApiProperty(INDICATORS) info: Record<string, HealthIndicatorDto>;
  @ApiProperty(INDICATORS) details: Record<string, HealthIndicatorDto>;
}
