import { Injectable } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import { DebatesService } from '../debates/debates.service';
import { DebateResponseDto } from '../debates/dto/debate-response.dto';
import { PostReader } from '../posts/post-reader.service';
import { SearchQuery, SearchResultsDto } from './dto/search.dto';

const DEBATE_HITS = 10;

/** One search box over posts and debate questions; each module reads its own rows, with its own rules. */
@Injectable()
export class SearchService {
  constructor(
    private readonly posts: PostReader,
    private readonly debates: DebatesService,
  ) {}

  async search(query: SearchQuery, reader: Actor | null): Promise<SearchResultsDto> {
    if (query.debateId) await this.debates.requireExists(query.debateId);
    const filters = { debateId: query.debateId ?? null, stance: query.stance ?? null };
    // Posts and debate questions are searched at once: neither waits for the other.
    const [page, debateHits] = await Promise.all([
      this.posts.search(query.q, filters, query, reader),
      !query.cursor && !query.stance ? this.debates.search(query.q, DEBATE_HITS) : [],
    ]);
    const debates = debateHits
      .filter(({ debate }) => !query.debateId || debate.id === query.debateId)
      .map(({ debate, snippet }) => ({ debate: DebateResponseDto.from(debate), snippet }));
    return { ...page, debates };
  }
}
