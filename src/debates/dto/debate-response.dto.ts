import { ApiExtraModels, ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination/page.dto';
import { DEBATE_STATUSES, Debate, DebateStatus, DebateTranslations } from '../debate.entity';

@ApiSchema({ name: 'StanceCounts' })
export class StanceCountsDto {
  @ApiProperty({ type: 'integer' }) pro: number;
  @ApiProperty({ type: 'integer' }) contra: number;
  @ApiProperty({ type: 'integer' }) neutral: number;
}

@ApiSchema({ name: 'DebateTranslation' })
export class DebateTranslationDto {
  @ApiProperty() question: string;
  @ApiProperty() description: string;
}

@ApiSchema({ name: 'Debate' })
@ApiExtraModels(DebateTranslationDto)
export class DebateResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) articleId: string;
  @ApiProperty() question: string;
  @ApiProperty() description: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(DebateTranslationDto) },
    nullable: true,
    description: 'Question and description per language code, where the debate was written in several; else null.',
    example: { de: { question: '…', description: '…' }, en: { question: '…', description: '…' } },
  })
  i18n: DebateTranslations | null;
  @ApiProperty({ type: [String], format: 'uuid' }) sectionIds: string[];
  @ApiProperty({ enum: DEBATE_STATUSES }) status: DebateStatus;
  @ApiProperty({ type: 'integer', description: 'Minimum seconds between two posts of one person; 0 is off.' })
  slowModeSeconds: number;
  @ApiProperty({ description: 'Every new post waits for a moderator.' }) premoderated: boolean;
  @ApiProperty({ type: 'integer', description: 'Visible posts, replies included.' }) postCount: number;
  @ApiProperty({ type: StanceCountsDto, description: 'Visible top-level posts by stance.' })
  stanceCounts: StanceCountsDto;
  @ApiProperty({ format: 'date-time' }) lastActivityAt: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(debate: Debate): DebateResponseDto {
    return {
      id: debate.id,
      articleId: debate.articleId,
      question: debate.question,
      description: debate.description,
      i18n: debate.i18n,
      sectionIds: debate.sectionIds ?? [],
      status: debate.status,
      slowModeSeconds: debate.slowModeSeconds,
      premoderated: debate.premoderated,
      postCount: debate.postCount,
      stanceCounts: { pro: debate.proCount, contra: debate.contraCount, neutral: debate.neutralCount },
      lastActivityAt: debate.lastActivityAt.toISOString(),
      createdAt: debate.createdAt.toISOString(),
    };
  }
}

@ApiSchema({ name: 'DebatePage' })
export class DebatePageDto extends PageOf(DebateResponseDto) {}
