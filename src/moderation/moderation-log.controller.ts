import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/auth/access';
import { MODERATOR_ROLES } from '../common/auth/actor';
import { LogPageDto, LogQueryDto, PublicLogPageDto, SummaryQueryDto, TransparencySummaryDto } from './dto/log.dto';
import { ModerationLog } from './moderation-log.service';
import { TransparencyService } from './transparency.service';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiPublic, ApiSignedIn } from '../common/openapi/api-auth.decorator';

const LOG_DESCRIPTION =
  'Newest first, filterable by action and target, cursor-paged; `?format=csv` downloads the whole filtered log. ' +
  'Entries are only ever added: nothing changes or deletes them (the database refuses it).';

@ApiTags('moderation')
@Controller()
export class ModerationLogController {
  constructor(
    private readonly log: ModerationLog,
    private readonly transparency: TransparencyService,
  ) {}

  @Get('moderation/log')
  @Roles(...MODERATOR_ROLES)
  @ApiSignedIn()
  @ApiOperation({ summary: 'The audit log, with who acted', description: LOG_DESCRIPTION })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: LogPageDto })
  @ApiErrors(400, 401, [403, 'Moderators and admins only.'], 429)
  async moderatorLog(@Query() query: LogQueryDto): Promise<LogPageDto | StreamableFile> {
    return query.format === 'csv' ? csvFile(this.log.csv(query, false), 'moderation-log') : this.log.page(query, false);
  }

  @Get('transparency/log')
  @ApiOperation({
    summary: 'The public transparency log: what was done, to what, why and when, never by whom',
    description: `${LOG_DESCRIPTION} Changes to the watched-word list are left out.`,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({ type: PublicLogPageDto })
  @ApiErrors(400, 429)
  @ApiPublic()
  async publicLog(@Query() query: LogQueryDto): Promise<PublicLogPageDto | StreamableFile> {
    return query.format === 'csv' ? csvFile(this.log.csv(query, true), 'transparency-log') : this.log.page(query, true);
  }

  @Get('transparency/summary')
  @ApiOperation({
    summary: 'Actions per rule per week, and how appeals turned out',
    description: 'Weeks start on Monday (UTC); the current week is the last one.',
  })
  @ApiOkResponse({ type: TransparencySummaryDto })
  @ApiErrors(400, 429)
  @ApiPublic()
  summary(@Query() query: SummaryQueryDto): Promise<TransparencySummaryDto> {
    return this.transparency.summary(query.weeks);
  }
}

function csvFile(csv: NodeJS.ReadableStream, name: string): StreamableFile {
  const file = `${name}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new StreamableFile(csv as never, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${file}"`,
  });
}
