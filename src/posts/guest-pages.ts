import { Injectable } from '@nestjs/common';
import { DebatesService } from '../debates/debates.service';
import { ListPostsQuery } from './dto/list-posts.query';
import { PostReader } from './post-reader.service';

/** How many pages are kept; the oldest goes first. A page of 50 posts is some tens of kilobytes. */
const MAX_PAGES = 500;

/**
 * The pages of posts as guests see them, shared by every guest and by concurrent requests, kept as the JSON sent.
 * Guests are most readers of a live debate, and they all see the same thing. A page is kept with the seq of the
 * debate's stream it was read at; any event of the debate (a post, an edit, a vote, a hide) moves that seq, and the
 * next request reads the page afresh. The seq is read first, so a page never shows less than the events up to it:
 * a reader who was told of an event asks with the seq past it and gets a page that includes it, whichever node.
 */
@Injectable()
export class GuestPages {
  private readonly pages = new Map<string, { seq: number; json: Promise<string> }>();

  constructor(
    private readonly debates: DebatesService,
    private readonly reader: PostReader,
  ) {}

  async page(debateId: string, query: ListPostsQuery): Promise<string> {
    const seq = await this.debates.streamSeq(debateId);
    const key = [debateId, query.sort, query.parentId ?? '', query.cursor ?? '', query.limit].join(' ');
    const kept = this.pages.get(key);
    if (kept?.seq === seq) return kept.json;
    const json = this.reader.list(debateId, query, null).then((page) => JSON.stringify(page));
    this.keep(key, { seq, json });
    // A failed read is not kept: the next request tries again.
    json.catch(() => this.pages.get(key)?.json === json && this.pages.delete(key));
    return json;
  }

  private keep(key: string, page: { seq: number; json: Promise<string> }): void {
    this.pages.delete(key);
    this.pages.set(key, page);
    if (this.pages.size > MAX_PAGES) this.pages.delete(this.pages.keys().next().value!);
  }
}
