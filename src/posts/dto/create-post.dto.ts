import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsPostBody } from './post-body.validator';
import { STANCES, Stance } from '../../debates/stance';

export class CreatePostDto {
  /** Markdown; 1-10,000 characters once trimmed, stored exactly as sent. */
  @ApiProperty({ minLength: 1, maxLength: 10_000, example: 'Labels only help if platforms **keep** them.' })
  @IsPostBody()
  body: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The post this replies to; absent for a top-level post.' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;

  /** Only top-level posts take a side; replies argue with the post they answer. */
  @ApiPropertyOptional({ enum: STANCES })
  @IsOptional()
  @IsIn(STANCES, { message: 'stance must be pro, contra or neutral' })
  stance?: Stance;

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
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId?: string;
}
