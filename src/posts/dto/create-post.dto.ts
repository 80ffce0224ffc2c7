import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsPostBody } from './post-body.validator';
import { STANCES, Stance } from '../../debates/stance';
import { RELATIONS, Relation } from '../post.entity';

@ApiSchema({ name: 'CreatePostRequest' })
export class CreatePostDto {
  /** Markdown; 1-10,000 characters once trimmed, stored exactly as sent. */
  @ApiProperty({
    minLength: 1,
    maxLength: 10_000,
    pattern: '\\S',
    description: 'Markdown; 1-10,000 characters not counting surrounding whitespace.',
    example: 'Labels only help if platforms **keep** them.',
  })
  @IsPostBody()
  body: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The post this replies to; absent for a top-level post.' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;

  /** Only top-level posts take a side; replies argue with the post they answer. */
  @ApiPropertyOptional({ enum: STANCES, description: 'Top-level posts only (400 on a reply).' })
  @IsOptional()
  @IsIn(STANCES, { message: 'stance must be pro, contra or neutral' })
  stance?: Stance;

  /** What a reply says of its parent; top-level posts take a stance instead. */
  @ApiPropertyOptional({ enum: RELATIONS, description: 'Replies only (400 on a top-level post).' })
  @IsOptional()
  @IsIn(RELATIONS, { message: 'relation must be supports or challenges' })
  relation?: Relation;

  @ApiPropertyOptional({ format: 'uuid', description: "A section of the debate's article this argues about." })
  @IsOptional()
  @IsUUID('all', { message: 'sectionId must be a UUID' })
  sectionId?: string;

  @ApiPropertyOptional({ maxLength: 300, description: 'A short quote from the article, usually from sectionId.' })
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'quote must be at most 300 characters' })
  quote?: string;

  /** Made by the client per draft: a retry with the same clientId returns the first post instead of a copy. */
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Made by the client per draft: a retry with it answers 200 with the first post.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;
}
