/** The payloads of the API contract (shared/API.md), as the client reads them. */

export type Role = 'participant' | 'moderator' | 'organiser' | 'admin';
export type Stance = 'pro' | 'contra' | 'neutral';
export type PostStatus = 'visible' | 'pending' | 'hidden' | 'deleted';
export type PostSort = 'top' | 'new' | 'old' | 'common-ground';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  suspendedUntil: string | null;
  createdAt: string;
}

export interface LocalizedText {
  de: string;
  en: string;
}

export interface Section {
  id: string;
  position: number;
  summary: LocalizedText;
}

export interface Debate {
  id: string;
  articleId: string;
  question: string;
  description: string;
  i18n: Record<string, { question: string; description: string }> | null;
  sectionIds: string[];
  status: 'open' | 'locked';
  slowModeSeconds: number;
  premoderated: boolean;
  postCount: number;
  stanceCounts: Record<Stance, number>;
  lastActivityAt: string;
}

export interface ArticleSummary {
  id: string;
  slug: string;
  title: string;
  source: string;
  publishedAt: string;
}

export interface Article extends ArticleSummary {
  sections: Section[];
  debates: Debate[];
}

export interface Author {
  id: string;
  username: string;
  displayName: string;
}

export interface Post {
  id: string;
  debateId: string;
  parentId: string | null;
  author: Author | null;
  body: string;
  stance: Stance | null;
  sectionId: string | null;
  quote: string | null;
  status: PostStatus;
  score: number;
  replyCount: number;
  depth: number;
  createdAt: string;
  editedAt: string | null;
  seq: number | null;
  myVote?: 1 | -1 | 0;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface NewPost {
  body: string;
  parentId?: string;
  stance?: Stance;
  sectionId?: string;
  quote?: string;
  clientId: string;
}

/** A server event: `{type, stream, seq, data}` under the event name `type`. */
export interface StreamEvent<T = unknown> {
  type: string;
  stream: string;
  seq: number;
  data: T;
}
