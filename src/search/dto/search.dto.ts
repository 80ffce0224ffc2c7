import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';
import { PageOf } from '../../common/pagination/page.dto';
import { DebateResponseDto } from '../../debates/dto/debate-response.dto';
import { STANCES, Stance } from '../../debates/stance';
import { PostResponseDto } from '../../posts/dto/post-response.dto';

export const MAX_QUERY = 200;

export class SearchQuery extends ListQueryDto {
  /** Words as people type them: `"exact phrase"`, `-without`, `or` work as in web search engines. */
  @ApiProperty({
    minLength: 1,
    maxLength: MAX_QUERY,
    description: 'Words to find, in German or English; "quotes" for a phrase, -word to exclude, or between words',
    example: 'Wahlen manipuliert',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'q must be text' })
  @Length(1, MAX_QUERY, { message: `q must be 1-${MAX_QUERY} characters` })
  q: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only posts of this debate' })
  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsUUID('all', { message: 'debateId must be a UUID' })
  debateId?: string;

  @ApiPropertyOptional({ enum: STANCES, description: 'Only top-level posts that took this stance' })
  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : value))
  @IsIn(STANCES, { message: 'stance must be pro, contra or neutral' })
  stance?: Stance;
}

@ApiSchema({ name: 'SearchHit' })
export class SearchHitDto {
  @ApiProperty({ type: PostResponseDto }) post: PostResponseDto;
  @ApiProperty({ description: 'HTML: the text around the matches, escaped, each match in <mark>' }) snippet: string;
}

@ApiSchema({ name: 'DebateHit' })
export class DebateHitDto {
  @ApiProperty({ type: DebateResponseDto }) debate: DebateResponseDto;
  @ApiProperty({ description: 'HTML: the question, escaped, each match in <mark>' }) snippet: string;
}

@ApiSchema({ name: 'SearchResults', description: 'Matching posts, best first, and on the first page the debates.' })
export class SearchResultsDto extends PageOf(SearchHitDto) {
  @ApiProperty({
    enum: ['rank', 'new'],
    description: 'How the posts are ordered: by relevance, or (a word in over 1,000 posts) newest first',
  })
  order: 'rank' | 'new';

  @ApiProperty({
    type: [DebateHitDto],
    description: 'Debates whose question matches (at most 10); only on the first page, and not with a stance filter',
  })
  debates: DebateHitDto[];
}
