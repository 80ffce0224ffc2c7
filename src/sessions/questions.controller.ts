import { Body, Controller, Delete, Get, Param, ParseUUIDPipe, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Participant } from '../common/auth/access';
import type { Actor } from '../common/auth/actor';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { Page } from '../common/pagination/list-query.dto';
import {
  AskQuestionDto,
  ListQuestionsQuery,
  QuestionDto,
  QuestionPageDto,
  UpdateQuestionDto,
} from './dto/question.dto';
import { QuestionsService } from './questions.service';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiIdParam, ApiOptionalSignIn, ApiSignedIn } from '../common/openapi/api-auth.decorator';

@ApiTags('sessions')
@Controller()
export class QuestionsController {
  constructor(private readonly questions: QuestionsService) {}

  @Post('sessions/:id/questions')
  @Participant()
  @ApiSignedIn()
  @ApiOperation({ summary: "Ask a question in the session's Q&A" })
  @ApiCreatedResponse({ type: QuestionDto })
  @ApiErrors(400, 401, 403, 404, [409, 'The session has ended.'], 413, 415, 429)
  @ApiIdParam('session')
  ask(
    @Param('id', ParseUUIDPipe) sessionId: string,
    @Body() dto: AskQuestionDto,
    @CurrentUser() author: Actor,
  ): Promise<QuestionDto> {
    return this.questions.ask(author, sessionId, dto.body);
  }

  @Get('sessions/:id/questions')
  @ApiOperation({
    summary: 'The Q&A queue: top (default), new or balanced; hidden ones for its organiser and moderators',
  })
  @ApiOkResponse({ type: QuestionPageDto })
  @ApiErrors(400, 404, 429)
  @ApiOptionalSignIn()
  @ApiIdParam('session')
  list(
    @Param('id', ParseUUIDPipe) sessionId: string,
    @Query() query: ListQuestionsQuery,
    @CurrentUser() reader: Actor | null,
  ): Promise<Page<QuestionDto>> {
    return this.questions.list(sessionId, query, reader);
  }

  @Put('questions/:id/upvote')
  @Participant()
  @ApiSignedIn()
  @ApiOperation({ summary: 'Up-vote a question, once: a repeated up-vote changes nothing' })
  @ApiOkResponse({ type: QuestionDto })
  @ApiErrors(400, 401, 403, 404, [409, 'The session has ended.'], 429)
  @ApiIdParam('question')
  upvote(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() voter: Actor): Promise<QuestionDto> {
    return this.questions.upvote(voter, id, true);
  }

  @Delete('questions/:id/upvote')
  @Participant()
  @ApiSignedIn()
  @ApiOperation({ summary: 'Withdraw your up-vote (nothing changes when there is none)' })
  @ApiOkResponse({ type: QuestionDto })
  @ApiErrors(400, 401, 403, 404, [409, 'The session has ended.'], 429)
  @ApiIdParam('question')
  withdrawUpvote(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() voter: Actor): Promise<QuestionDto> {
    return this.questions.upvote(voter, id, false);
  }

  @Patch('questions/:id')
  @Participant()
  @ApiSignedIn()
  @ApiOperation({ summary: 'Mark a question answered, hide it, or open it again (its organiser or a moderator)' })
  @ApiOkResponse({ type: QuestionDto })
  @ApiErrors(
    400,
    401,
    [403, 'Only the session organiser or a moderator.'],
    404,
    [409, 'The session has ended.'],
    413,
    415,
    429,
  )
  @ApiIdParam('question')
  setState(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateQuestionDto,
    @CurrentUser() actor: Actor,
  ): Promise<QuestionDto> {
    return this.questions.setState(actor, id, dto.state);
  }
}
