import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Participant } from '../common/auth/access';
import type { Actor } from '../common/auth/actor';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ListQueryDto, Page } from '../common/pagination/list-query.dto';
import { CreatePollDto, PollDto, PollPageDto, PollVoteDto } from './dto/poll.dto';
import { OrganiserCommand } from './organiser-command.decorator';
import { PollsService } from './polls.service';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiIdParam, ApiOptionalSignIn, ApiSignedIn } from '../common/openapi/api-auth.decorator';

@ApiTags('sessions')
@Controller()
export class PollsController {
  constructor(private readonly polls: PollsService) {}

  @Post('sessions/:id/polls')
  @Participant()
  @ApiSignedIn()
  @ApiOperation({ summary: 'Add a draft poll to the session (its organiser or an admin)' })
  @ApiCreatedResponse({ type: PollDto })
  @ApiErrors(400, 401, [403, 'Only its organiser or an admin.'], 404, [409, 'The session has ended.'], 413, 415, 429)
  @ApiIdParam('session')
  create(
    @Param('id', ParseUUIDPipe) sessionId: string,
    @Body() dto: CreatePollDto,
    @CurrentUser() actor: Actor,
  ): Promise<PollDto> {
    return this.polls.create(actor, sessionId, dto);
  }

  @Get('sessions/:id/polls')
  @ApiOperation({ summary: "The session's polls, oldest first (drafts only for its organiser and moderators)" })
  @ApiOkResponse({ type: PollPageDto })
  @ApiErrors(400, 404, 429)
  @ApiOptionalSignIn()
  @ApiIdParam('session')
  list(
    @Param('id', ParseUUIDPipe) sessionId: string,
    @Query() query: ListQueryDto,
    @CurrentUser() reader: Actor | null,
  ): Promise<Page<PollDto>> {
    return this.polls.list(sessionId, query, reader);
  }

  @Get('polls/:id')
  @ApiOperation({ summary: "A poll with its counts and the caller's vote" })
  @ApiOkResponse({ type: PollDto })
  @ApiErrors(400, 404, 429)
  @ApiOptionalSignIn()
  @ApiIdParam('poll')
  get(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() reader: Actor | null): Promise<PollDto> {
    return this.polls.get(id, reader);
  }

  @Post('polls/:id/open')
  @OrganiserCommand('poll', {
    summary: 'Open a draft poll for votes (its organiser or an admin)',
    response: PollDto,
    conflict: 'The poll is not in a state to do this, or the session has ended.',
  })
  open(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<PollDto> {
    return this.polls.setState(actor, id, 'open');
  }

  @Post('polls/:id/close')
  @OrganiserCommand('poll', {
    summary: 'Close an open poll; its counts are final (its organiser or an admin)',
    response: PollDto,
    conflict: 'The poll is not in a state to do this, or the session has ended.',
  })
  close(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() actor: Actor): Promise<PollDto> {
    return this.polls.setState(actor, id, 'closed');
  }

  @Put('polls/:id/vote')
  @Participant()
  @ApiSignedIn()
  @ApiOperation({ summary: 'Vote, or move your vote, while the poll is open; answers the counts as they are now' })
  @ApiOkResponse({ type: PollDto })
  @ApiErrors(400, 401, 403, 404, [409, 'The poll is not open.'], 413, 415, 429)
  @ApiIdParam('poll')
  vote(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: PollVoteDto,
    @CurrentUser() voter: Actor,
  ): Promise<PollDto> {
    return this.polls.vote(voter, id, dto.optionIndex);
  }
}
