import { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Page } from './list-query.dto';

/**
 * The schema of a page of `item`: `{items, nextCursor}`. Extend it once per item type and name the schema with
 * `@ApiSchema`, so the document has one `XPage` per list and generated clients get a named type for it.
 */
export function PageOf<T>(item: Type<T>): Type<Page<T>> {
  abstract class PageDto implements Page<T> {
    @ApiProperty({ type: [item] })
    items: T[];

    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` for the next page; null exactly when nothing remains.',
    })
    nextCursor: string | null;
  }
  return PageDto as Type<Page<T>>;
}
