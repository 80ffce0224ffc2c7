import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { ListQueryDto } from '../../common/pagination/list-query.dto';

export const POST_SORTS = ['top', 'new', 'old', 'common-ground'] as const;
export type PostSort = (typeof POST_SORTS)[number];

/** `?parentId=` as a form or a link template sends it: an empty value means the parameter is absent. */
function EmptyIsAbsent(): PropertyDecorator {
  // Runs after @Type, which has already made '' into 0: judge by the raw value.
  return Transform(({ value, obj, key }) => ((obj as Record<string, unknown>)[key] === '' ? undefined : value));
}

export class ListPostsQuery extends ListQueryDto {
  @ApiPropertyOptional({ enum: POST_SORTS, default: 'top' })
  @IsOptional()
  @IsIn(POST_SORTS, { message: `sort must be one of ${POST_SORTS.join(', ')}` })
  sort: PostSort = 'top';

  @ApiPropertyOptional({ format: 'uuid', description: 'List the replies of this post; absent for top-level posts.' })
  @IsOptional()
  @EmptyIsAbsent()
  @IsUUID('all', { message: 'parentId must be a UUID' })
  parentId?: string;
}

export class TreeQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The subtree of this post; absent for the whole debate.' })
  @IsOptional()
  @EmptyIsAbsent()
  @IsUUID('all', { message: 'rootId must be a UUID' })
  rootId?: string;

  /** Levels below the root (or below the top-level posts) to include. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @EmptyIsAbsent()
  @IsInt({ message: 'maxDepth must be a whole number' })
  @Min(0, { message: 'maxDepth must be 0 or more' })
  @Max(1000)
  maxDepth?: number;
}
