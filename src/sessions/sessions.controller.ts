import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Participant, Roles, SignedIn } from '../common/auth/access';
import type { Actor } from '../common/auth/actor';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { Page } from '../common/pagination/list-query.dto';
import { CreateSessionDto } from './dto/create-session.dto';
import { ReportDto } from './dto/report.dto';
import {
  ListSessionsQuery,
  ReportQuery,
  SetCurrentDebateDto,
  SetSpotlightDto,
  SetTimerDto,
} from './dto/session-commands.dto';
import { SessionDto, SessionPageDto, SessionViewDto } from './dto/session.dto';
import { toCsv, toMarkdown } from './report/report-format';
import { ReportService } from './report.service';
import { SessionAction } from './session-rules';
import { OrganiserCommand } from './organiser-command.decorator';
import { SessionsService } from './sessions.service';
import { toSessionView } from './session-view';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiIdParam, ApiPublic, ApiSignedIn } from '../common/openapi/api-auth.decorator';

@ApiTags('sessions')
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly reports: ReportService,
  ) {}

  @Post()
  @Roles('organiser', 'admin')
  @ApiSignedIn()
  @ApiOperation({ summary: 'Create a live session (scheduled) with its agenda and a join code' })
  @ApiCreatedResponse({ type: SessionViewDto })
  @ApiErrors(400, 401, [403, 'Only organisers and admins create sessions.'], 413, 415, 429)
  async create(@CurrentUser() organiser: Actor, @Body() dto: CreateSessionDto): Promise<SessionViewDto> {
    return toSessionView(await this.sessions.create(organiser, dto));
  }

  @Get()
  // Anyone signed in has sessions of their own, maybe none (and an organiser moved back to participant keeps theirs).
  @SignedIn()
  @ApiSignedIn()
  @ApiOperation({ summary: "The caller's sessions, newest first (admins: everyone's unless mine=true)" })
  @ApiOkResponse({ type: SessionPageDto })
  @ApiErrors(400, 401, 429)
  list(@CurrentUser() actor: Actor, @Query() query: ListSessionsQuery): Promise<Page<SessionDto>> {
    return this.sessions.list(actor, query);
  }

  @Get('code/:code')
  @ApiOperation({ summary: 'The session a join code names (case-insensitive)' })
  @ApiOkResponse({ type: SessionViewDto })
  @ApiErrors([404, 'No session has this code.'], 429)
  @ApiPublic()
  async byCode(@Param('code') code: string): Promise<SessionViewDto> {
    return toSessionView(await this.sessions.requireByCode(code));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A session' })
  @ApiOkResponse({ type: SessionViewDto })
  @ApiErrors(400, 404, 429)
  @ApiPublic()
  @ApiIdParam('session')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<SessionViewDto> {
    return toSessionView(await this.sessions.require(id));
  }

  @Post(':id/start')
  @OrganiserCommand('session', {
    summary: 'Start a scheduled session (its organiser or an admin); 409 from any other status',
    response: SessionViewDto,
    conflict: 'Its status does not allow this (an ended session changes no more).',
  })
  start(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<SessionViewDto> {
    return this.transition(actor, id, 'start');
  }

  @Post(':id/pause')
  @OrganiserCommand('session', {
    summary: 'Pause a live session; its timer stands still (its organiser or an admin)',
    response: SessionViewDto,
    conflict: 'Its status does not allow this (an ended session changes no more).',
  })
  pause(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<SessionViewDto> {
    return this.transition(actor, id, 'pause');
  }

  @Post(':id/resume')
  @OrganiserCommand('session', {
    summary: 'Resume a paused session; its timer runs on (its organiser or an admin)',
    response: SessionViewDto,
    conflict: 'Its status does not allow this (an ended session changes no more).',
  })
  resume(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<SessionViewDto> {
    return this.transition(actor, id, 'resume');
  }

  @Post(':id/end')
  @OrganiserCommand('session', {
    summary:
      'End the session: open polls close, the timer stops, and nothing changes after (its organiser or an admin)',
    response: SessionViewDto,
    conflict: 'Its status does not allow this (an ended session changes no more).',
  })
  end(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<SessionViewDto> {
    return this.transition(actor, id, 'end');
  }

  @Post(':id/agenda/current')
  @OrganiserCommand('session', {
    summary: 'Move the agenda to one of its debates (its organiser or an admin)',
    response: SessionViewDto,
    conflict: 'The session has ended.',
    body: 'Invalid input, or outside the agenda.',
  })
  async setCurrentDebate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetCurrentDebateDto,
    @CurrentUser() actor: Actor,
  ): Promise<SessionViewDto> {
    return toSessionView(await this.sessions.setCurrentDebate(actor, id, dto.debateId));
  }

  @Post(':id/timer')
  @OrganiserCommand('session', {
    summary: 'Start a countdown of `seconds` from now, or stop it with 0 (its organiser or an admin)',
    response: SessionViewDto,
    conflict: 'The session has ended.',
    body: 'Invalid input, or outside the agenda.',
  })
  async setTimer(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetTimerDto,
    @CurrentUser() actor: Actor,
  ): Promise<SessionViewDto> {
    return toSessionView(await this.sessions.setTimer(actor, id, dto.seconds));
  }

  @Post(':id/spotlight')
  @OrganiserCommand('session', {
    summary: "Spotlight a post of the agenda's debates, or clear it with null (its organiser or an admin)",
    response: SessionViewDto,
    conflict: 'The session has ended.',
    body: 'Invalid input, or outside the agenda.',
  })
  async setSpotlight(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: SetSpotlightDto,
    @CurrentUser() actor: Actor,
  ): Promise<SessionViewDto> {
    return toSessionView(await this.sessions.setSpotlight(actor, id, dto.postId));
  }

  @Get(':id/report')
  @Participant()
  @ApiSignedIn()
  @ApiOperation({
    summary: 'The report: participants, posts, polls, opinion shift, questions (its organiser or an admin)',
  })
  @ApiProduces('application/json', 'text/csv', 'text/markdown')
  @ApiOkResponse({ type: ReportDto, description: 'JSON; format=csv gives text/csv, format=md text/markdown' })
  @ApiErrors(400, 401, [403, 'Only its organiser or an admin.'], 404, 429)
  @ApiIdParam('session')
  async report(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: ReportQuery,
    @CurrentUser() actor: Actor,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportDto | string> {
    const report = await this.reports.report(actor, id);
    if (query.format === 'json') return report;
    const name = `session-${report.session.code}-report.${query.format}`;
    res.attachment(name);
    res.type(query.format === 'csv' ? 'text/csv; charset=utf-8' : 'text/markdown; charset=utf-8');
    return query.format === 'csv' ? toCsv(report) : toMarkdown(report);
  }

  private async transition(actor: Actor, id: string, action: SessionAction): Promise<SessionViewDto> {
    return toSessionView(await this.sessions.transition(actor, id, action));
  }
}
