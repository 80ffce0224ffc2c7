import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiPublic } from '../common/openapi/api-auth.decorator';
import { HealthErrorResponseDto, HealthResponseDto } from './dto/health-response.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
  ) {}

  /** 200 `{status: "ok"}` when the server and its database answer, 503 otherwise. */
  @Get()
  @SkipThrottle()
  // Terminus's own documentation of the 503 would be wrong here: the error filter reshapes it.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Whether the server and its database answer' })
  @ApiPublic()
  @ApiOkResponse({ type: HealthResponseDto, description: 'The server and its database answer' })
  @ApiServiceUnavailableResponse({ type: HealthErrorResponseDto, description: 'The database does not answer' })
  check() {
    return this.health.check([() => this.database.pingCheck('database', { timeout: 3000 })]);
  }
}
