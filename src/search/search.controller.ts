import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/auth/actor';
import { CurrentUser } from '../common/auth/current-user.decorator';
import { ApiErrors } from '../common/errors/api-errors.decorator';
import { ApiOptionalSignIn } from '../common/openapi/api-auth.decorator';
import { SearchQuery, SearchResultsDto } from './dto/search.dto';
import { SearchService } from './search.service';

@ApiTags('search')
@Controller('search')
export class SearchController {
  constructor(private readonly search: SearchService) {}

  @Get()
  @ApiOperation({
    summary: 'Search posts and debate questions',
    description:
      'Full-text search in German and English (inflected forms match), best first, with highlighted snippets. Only ' +
      'posts the caller may see; a query of only punctuation or stop words finds nothing.',
  })
  @ApiOptionalSignIn()
  @ApiOkResponse({ type: SearchResultsDto, description: 'A page of matching posts, and matching debates' })
  @ApiErrors([400, 'q missing or over 200 characters, a bad filter, limit or cursor.'], [404, 'No such debate.'], 429)
  find(@Query() query: SearchQuery, @CurrentUser() reader: Actor | null): Promise<SearchResultsDto> {
    return this.search.search(query, reader);
  }
}
