import { ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination/page.dto';
import { DebateTranslationDto } from '../../debates/dto/debate-response.dto';
import type { DebateTranslations } from '../../debates/debate.entity';
import { STANCES, Stance } from '../../debates/stance';
import { PostResponseDto, PostTreeNodeDto } from './post-response.dto';

@ApiSchema({ name: 'PostContext', description: 'A post with the chain of posts above it and every reply below it.' })
export class PostContextDto {
  @ApiProperty({ type: [PostResponseDto], description: 'From its top-level post down to its parent' })
  ancestors: PostResponseDto[];
  @ApiProperty({ type: PostTreeNodeDto, description: 'The post with its replies, however deep' })
  post: PostTreeNodeDto;
}

@ApiSchema({ name: 'DebateRef', description: 'Enough of a debate to name it in a list across debates.' })
export class DebateRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() question: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(DebateTranslationDto) },
    nullable: true,
    description: 'The question per language, where the debate was written in several; else null.',
  })
  i18n: DebateTranslations | null;
}

@ApiSchema({ name: 'AuthoredPost', description: 'A post in a list across debates: with its debate.' })
export class AuthoredPostDto extends PostResponseDto {
  @ApiProperty({ type: DebateRefDto }) debate: DebateRefDto;
}

@ApiSchema({ name: 'AuthoredPostPage' })
export class AuthoredPostPageDto extends PageOf(AuthoredPostDto) {}

@ApiSchema({ name: 'StanceTaken', description: "A person's stance in a debate: that of their latest top-level post." })
export class StanceTakenDto {
  @ApiProperty({ type: DebateRefDto }) debate: DebateRefDto;
  @ApiProperty({ enum: STANCES }) stance: Stance;
}
