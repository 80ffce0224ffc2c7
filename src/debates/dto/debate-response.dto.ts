import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEBATE_STATUSES, Debate, DebateStatus, DebateTranslations } from '../debate.entity';

export class StanceCountsDto {
  @ApiProperty() pro: number;
  @ApiProperty() contra: number;
  @ApiProperty() neutral: number;
}

export class DebateResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) articleId: string;
  @ApiProperty() question: string;
  @ApiProperty() description: string;
  @ApiPropertyOptional({
    description: 'Question and description per language code, where the debate was written in several.',
    example: { de: { question: '…', description: '…' }, en: { question: '…', description: '…' } },
  })
  i18n: DebateTranslations | null;
  @ApiProperty({ type: [String], format: 'uuid' }) sectionIds: string[];
  @ApiProperty({ enum: DEBATE_STATUSES }) status: DebateStatus;
  @ApiProperty() slowModeSeconds: number;
  @ApiProperty() premoderated: boolean;
  @ApiProperty({ description: 'Visible posts, replies included.' }) postCount: number;
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
