/**
 * The API's payloads by name. They come from `schema.d.ts`, which `npm run api:types` generates from the server's
 * OpenAPI document (docs/openapi.json), so the client reads what the server really sends. Never edit by hand.
 */
import type { components, operations } from './schema';
import type { components as socketComponents } from './socket-schema';

type Schemas = components['schemas'];

export type User = Schemas['User'];
export type Role = User['role'];
export type Author = Schemas['Author'];
export type SignedIn = Schemas['SignedIn'];
export type Credentials = Schemas['RegisterRequest'];

export type Article = Schemas['Article'];
export type ArticleDetail = Schemas['ArticleDetail'];
export type Section = Schemas['Section'];

export type Debate = Schemas['Debate'];

export type Post = Schemas['Post'];
export type PostTreeNode = Schemas['PostTreeNode'];
export type Stance = NonNullable<Post['stance']>;
export type PostStatus = Post['status'];
export type PostSort = NonNullable<NonNullable<operations['PostsController_list']['parameters']['query']>['sort']>;
export type NewPost = Schemas['CreatePostRequest'];
export type Vote = Schemas['VoteRequest']['value'];
export type Relation = NonNullable<Post['relation']>;
export type Revision = Schemas['Revision'];
export type PostContext = Schemas['PostContext'];
export type AuthoredPost = Schemas['AuthoredPost'];

export type Notification = Schemas['Notification'];
export type NotificationKind = Notification['kind'];
export type NotificationPage = Schemas['NotificationPage'];
export type NotificationSettings = Schemas['NotificationSettings'];

export type Profile = Schemas['Profile'];
export type SearchResults = Schemas['SearchResults'];
export type SearchHit = Schemas['SearchHit'];
export type VoteResult = Schemas['VoteResult'];

export type ErrorBody = Schemas['Error'];

export type LiveSession = Schemas['Session'];
/** A session as REST answers and join acks give it: with the server's clock, for the countdown. */
export type LiveSessionView = Schemas['SessionView'];
export type SessionStatus = LiveSession['status'];
export type Poll = Schemas['Poll'];
export type PollKind = Poll['kind'];
export type Question = Schemas['Question'];
export type QuestionState = Question['state'];
export type QuestionOrder = NonNullable<
  NonNullable<operations['QuestionsController_list']['parameters']['query']>['order']
>;
export type SessionReport = Schemas['SessionReport'];

export type PostLabel = Schemas['PostLabel'];
export type LabelKind = PostLabel['kind'];
export type FlagReason = Schemas['CreateFlagRequest']['reason'];
export type QueueAction = Schemas['ModerationActionRequest']['action'];
export type QueueItem = Schemas['QueueItem'];
export type QueuePage = Schemas['QueuePage'];
export type WatchedWord = Schemas['WatchedWord'];
export type WatchedAction = WatchedWord['action'];
export type PublicLogEntry = Schemas['PublicLogEntry'];
export type LogEntry = Schemas['LogEntry'];
export type TransparencySummary = Schemas['TransparencySummary'];
export type Appeal = Schemas['Appeal'];
export type AppealDetail = Schemas['AppealDetail'];
export type OpinionShift = Schemas['OpinionShift'];

/** A page of any list: `{items, nextCursor}`, as every `…Page` schema is. */
export type Page<T> = Omit<Schemas['PostPage'], 'items'> & { items: T[] };

type SocketSchemas = socketComponents['schemas'];

/**
 * A logged server event, `{type, stream, seq, data}`, sent under the event name `type`: the union of the envelopes
 * that docs/asyncapi.json declares (the server's ForumEvents map), so a switch on `type` narrows `data`.
 */
export type StreamEvent = Extract<SocketSchemas[keyof SocketSchemas], { type: string; seq: number; data: unknown }>;

/** Event type → payload, as the server's ForumEvents map has it. */
export type ForumEvents = { [Event in StreamEvent as Event['type']]: Event['data'] };
