import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { StanceCountsDto } from '../../debates/dto/debate-response.dto';
import { PostResponseDto } from '../../posts/dto/post-response.dto';
import { POLL_KINDS, POLL_STATES, PollKind, PollState } from './poll.dto';
import { QUESTION_STATES, QuestionState } from './question.dto';
import { SessionDto } from './session.dto';

@ApiSchema({ name: 'ReportPosts' })
export class ReportPostsDto {
  @ApiProperty({ description: "Visible posts (replies included) written in the agenda's debates during the session" })
  total: number;
  @ApiProperty({ type: StanceCountsDto, description: 'Of those, the top-level ones by stance' })
  byStance: StanceCountsDto;
}

@ApiSchema({ name: 'ReportPoll' })
export class ReportPollDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: POLL_KINDS }) kind: PollKind;
  @ApiProperty({ enum: POLL_STATES }) state: PollState;
  @ApiProperty() question: string;
  @ApiProperty({ type: [String] }) options: string[];
  @ApiProperty({ type: [Number] }) counts: number[];
  @ApiProperty({ description: 'People who voted' }) total: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) pairedPollId: string | null;
}

@ApiSchema({ name: 'OpinionShift' })
export class ReportShiftDto {
  @ApiProperty({ format: 'uuid' }) prePollId: string;
  @ApiProperty({ format: 'uuid' }) postPollId: string;
  @ApiProperty() question: string;
  @ApiProperty({ type: [String] }) options: string[];
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'integer' } },
    description: 'matrix[i][j]: people who answered option i before and option j after (only those who answered both)',
  })
  matrix: number[][];
  @ApiProperty({ description: 'People who answered both polls' }) paired: number;
  @ApiProperty({ description: 'Of those, how many answered differently after' }) changed: number;
  @ApiProperty({ type: [Number], description: 'net[j]: votes for option j after minus before' }) net: number[];
  @ApiProperty({ description: 'People who answered only the poll before' }) onlyBefore: number;
  @ApiProperty({ description: 'People who answered only the poll after' }) onlyAfter: number;
}

@ApiSchema({ name: 'ReportQuestion' })
export class ReportQuestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() body: string;
  @ApiProperty() author: string;
  @ApiProperty() upvotes: number;
  @ApiProperty({ enum: QUESTION_STATES }) state: QuestionState;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

@ApiSchema({ name: 'SessionReport' })
export class ReportDto {
  @ApiProperty({ type: SessionDto }) session: SessionDto;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ description: 'Distinct people who joined, voted, asked, up-voted a question or posted' })
  participants: number;
  @ApiProperty({ type: ReportPostsDto }) posts: ReportPostsDto;
  @ApiProperty({ type: [ReportPollDto] }) polls: ReportPollDto[];
  @ApiProperty({ type: [ReportShiftDto], description: 'One per post poll paired with a pre poll' })
  shifts: ReportShiftDto[];
  @ApiProperty({ type: [ReportQuestionDto], description: 'Most up-voted first, hidden ones included' })
  questions: ReportQuestionDto[];
  @ApiProperty({ type: [PostResponseDto], description: 'The highest-scored posts written during the session' })
  topPosts: PostResponseDto[];
}
