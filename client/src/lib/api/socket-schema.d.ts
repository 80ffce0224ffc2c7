/**
 * The socket API's schemas, generated from docs/asyncapi.json by scripts/socket-types.mjs (npm run api:types).
 * Never edit by hand.
 */

export type paths = Record<string, never>;
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    JoinDebateMessage: {
      /** @description The last seq seen; later events come as missed */
      since?: number;
      /** Format: uuid */
      debateId: string;
    };
    LeaveDebateMessage: {
      /** Format: uuid */
      debateId: string;
    };
    JoinUserMessage: {
      /** @description The last seq seen; later events come as missed */
      since?: number;
      /**
       * Format: uuid
       * @description One's own id; absent means one's own stream
       */
      userId?: string;
    };
    LeaveUserMessage: {
      /**
       * Format: uuid
       * @description One's own id
       */
      userId: string;
    };
    JoinSessionMessage: {
      /** @description The last seq seen; later events come as missed */
      since?: number;
      /**
       * Format: uuid
       * @description The session; or send code instead
       */
      sessionId?: string;
      /**
       * @description The join code, in any case; or send sessionId instead
       * @example K7Q2MZ
       */
      code?: string;
    };
    LeaveSessionMessage: {
      /** Format: uuid */
      sessionId: string;
    };
    JoinModerationMessage: {
      /** @description The last seq seen; later events come as missed */
      since?: number;
    };
    LeaveModerationMessage: Record<string, never>;
    CreatePostMessage: {
      /**
       * @description Markdown; 1-10,000 characters not counting surrounding whitespace.
       * @example Labels only help if platforms **keep** them.
       */
      body: string;
      /**
       * Format: uuid
       * @description The post this replies to; absent for a top-level post.
       */
      parentId?: string;
      /**
       * @description Top-level posts only (400 on a reply).
       * @enum {string}
       */
      stance?: 'pro' | 'contra' | 'neutral';
      /**
       * @description Replies only (400 on a top-level post).
       * @enum {string}
       */
      relation?: 'supports' | 'challenges';
      /**
       * Format: uuid
       * @description A section of the debate's article this argues about.
       */
      sectionId?: string;
      /** @description A short quote from the article, usually from sectionId. */
      quote?: string;
      /**
       * Format: uuid
       * @description Made by the client per draft: a retry with it answers 200 with the first post.
       */
      clientId?: string;
      /** Format: uuid */
      debateId: string;
    };
    TypingMessage: {
      /**
       * Format: uuid
       * @description A debate the socket has joined
       */
      debateId: string;
      /**
       * Format: uuid
       * @description The post being replied to
       */
      parentId?: string;
    };
    DebateTranslation: {
      question: string;
      description: string;
    };
    StanceCounts: {
      pro: number;
      contra: number;
      neutral: number;
    };
    Debate: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      articleId: string;
      question: string;
      description: string;
      /**
       * @description Question and description per language code, where the debate was written in several; else null.
       * @example {
       *       "de": {
       *         "question": "…",
       *         "description": "…"
       *       },
       *       "en": {
       *         "question": "…",
       *         "description": "…"
       *       }
       *     }
       */
      i18n: {
        [key: string]: components['schemas']['DebateTranslation'];
      } | null;
      sectionIds: string[];
      /** @enum {string} */
      status: 'open' | 'locked';
      /** @description Minimum seconds between two posts of one person; 0 is off. */
      slowModeSeconds: number;
      /** @description Every new post waits for a moderator. */
      premoderated: boolean;
      /** @description Visible posts, replies included. */
      postCount: number;
      /** @description Visible top-level posts by stance. */
      stanceCounts: components['schemas']['StanceCounts'];
      /** Format: date-time */
      lastActivityAt: string;
      /** Format: date-time */
      createdAt: string;
    };
    Author: {
      /** Format: uuid */
      id: string;
      username: string;
      displayName: string;
    };
    PostLabel: {
      /** @enum {string} */
      kind: 'manipulated_media' | 'missing_context' | 'satire';
      /** @description A short explanation */
      note: string;
      /** @description Where the evidence is */
      sourceUrl: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    PostStatusReason: {
      /** @description `premoderated`, `new_account`, `watched_word`, `flags` (hidden pending review after enough flags), `moderator` */
      cause: string;
      /** @description The moderator's reason, or the watched word */
      note: string | null;
    };
    Post: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      debateId: string;
      /** Format: uuid */
      parentId: string | null;
      /** @description null on a tombstone */
      author: components['schemas']['Author'] | null;
      /** @description Markdown exactly as written; empty on a tombstone */
      body: string;
      /**
       * @description The side a top-level post takes; null without one, always on replies
       * @enum {string|null}
       */
      stance: 'pro' | 'contra' | 'neutral' | null;
      /**
       * @description What a reply says of its parent; null when it does not say, always on top-level posts
       * @enum {string|null}
       */
      relation: 'supports' | 'challenges' | null;
      /** @description Usernames the body mentions (`@name`) that are accounts; other @words are plain text */
      mentions: string[];
      /** Format: uuid */
      sectionId: string | null;
      quote: string | null;
      /** @enum {string} */
      status: 'visible' | 'pending' | 'hidden' | 'deleted';
      score: number;
      /** @description Direct replies in place in the thread */
      replyCount: number;
      /** @description Visible direct replies that support it */
      supportCount: number;
      /** @description Visible direct replies that challenge it */
      challengeCount: number;
      /** @description 0 for a top-level post */
      depth: number;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      editedAt: string | null;
      /** @description seq of its post.created event */
      seq: number | null;
      /** @description A moderator's public mark, shown to everyone */
      label: components['schemas']['PostLabel'] | null;
      /** @description Set on pending and hidden posts, and for its author on a post a moderator deleted */
      statusReason: components['schemas']['PostStatusReason'] | null;
      /**
       * @description The reader's vote (0: none); absent for guests
       * @enum {integer}
       */
      myVote?: 1 | -1 | 0;
      /** @description Whether the reader wrote it; absent for guests. On a tombstone the only sign of its author, to that author alone */
      mine?: boolean;
    };
    PostRef: {
      /** Format: uuid */
      id: string;
    };
    PostScore: {
      /** Format: uuid */
      id: string;
      score: number;
    };
    Notification: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      kind: 'reply' | 'mention' | 'moderation';
      /**
       * Format: uuid
       * @description The reply, the post that mentions, or the post acted on
       */
      postId: string;
      /** Format: uuid */
      debateId: string;
      /** @description Who replied or mentioned; null for moderation */
      actor: components['schemas']['Author'] | null;
      /** @description moderation: what was done (`hidden`, `restored`, `approved`, `deleted`, `labelled`, …); else null */
      outcome: string | null;
      /** @description The post's first words; null once it is deleted */
      excerpt: string | null;
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: date-time
       * @description null while unread
       */
      readAt: string | null;
    };
    Session: {
      /** Format: uuid */
      id: string;
      /** @description 6 characters of ABCDEFGHJKLMNPQRSTUVWXYZ23456789; case-insensitive on lookup */
      code: string;
      title: string;
      /** @enum {string} */
      status: 'scheduled' | 'live' | 'paused' | 'ended';
      /** Format: uuid */
      organiserId: string;
      /** @description The agenda, in order */
      debateIds: string[];
      /** Format: uuid */
      currentDebateId: string | null;
      /**
       * Format: date-time
       * @description When the running countdown reaches zero (server clock); null when no timer runs
       */
      timerEndsAt: string | null;
      /** @description While the session is paused: what remains of its timer, in ms (it runs on at resume) */
      timerRemainingMs: number | null;
      /** Format: uuid */
      spotlightPostId: string | null;
      /** Format: date-time */
      startsAt: string | null;
      /** Format: date-time */
      startedAt: string | null;
      /** Format: date-time */
      endedAt: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    SpotlightChange: {
      /** Format: uuid */
      postId: string | null;
      /** @description The post as guests see it; null when cleared */
      post: components['schemas']['Post'] | null;
    };
    Poll: {
      /** Format: uuid */
      id: string;
      /** @description Votes per option, in the order of options */
      counts: number[];
      /** @description People who voted */
      total: number;
      /** Format: uuid */
      sessionId: string;
      question: string;
      options: string[];
      /** @enum {string} */
      kind: 'pre' | 'post' | 'quick';
      /** Format: uuid */
      pairedPollId: string | null;
      /** @enum {string} */
      state: 'draft' | 'open' | 'closed';
      /** @description The caller's option index, null when they have not voted; absent in events and for guests */
      myVote?: number | null;
      /** Format: date-time */
      openedAt: string | null;
      /** Format: date-time */
      closedAt: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    PollResults: {
      /** Format: uuid */
      id: string;
      /** @description Votes per option, in the order of options */
      counts: number[];
      /** @description People who voted */
      total: number;
    };
    QuestionAuthor: {
      /** Format: uuid */
      id: string;
      displayName: string;
    };
    Question: {
      /** Format: uuid */
      id: string;
      upvotes: number;
      /** Format: uuid */
      sessionId: string;
      /** @description Exactly as asked; empty when hidden from the reader */
      body: string;
      /** @description null when hidden from the reader */
      author: components['schemas']['QuestionAuthor'] | null;
      /** @description Whether the caller up-voted it; absent in events and for guests */
      myUpvote?: boolean;
      /** @enum {string} */
      state: 'open' | 'answered' | 'hidden';
      /** Format: date-time */
      createdAt: string;
    };
    QuestionUpvotes: {
      /** Format: uuid */
      id: string;
      upvotes: number;
    };
    SessionView: {
      /** Format: uuid */
      id: string;
      /** @description 6 characters of ABCDEFGHJKLMNPQRSTUVWXYZ23456789; case-insensitive on lookup */
      code: string;
      title: string;
      /** @enum {string} */
      status: 'scheduled' | 'live' | 'paused' | 'ended';
      /** Format: uuid */
      organiserId: string;
      /** @description The agenda, in order */
      debateIds: string[];
      /** Format: uuid */
      currentDebateId: string | null;
      /**
       * Format: date-time
       * @description When the running countdown reaches zero (server clock); null when no timer runs
       */
      timerEndsAt: string | null;
      /** @description While the session is paused: what remains of its timer, in ms (it runs on at resume) */
      timerRemainingMs: number | null;
      /** Format: uuid */
      spotlightPostId: string | null;
      /** Format: date-time */
      startsAt: string | null;
      /** Format: date-time */
      startedAt: string | null;
      /** Format: date-time */
      endedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /**
       * Format: date-time
       * @description The server's time when it answered
       */
      serverTime: string;
    };
    FlagCreated: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      reason:
        | 'spam'
        | 'harassment'
        | 'hate'
        | 'misinformation'
        | 'sexual'
        | 'violence'
        | 'synthetic_media'
        | 'off_topic'
        | 'other';
      note: string | null;
      /** Format: date-time */
      createdAt: string;
      user: components['schemas']['Author'];
      /** Format: uuid */
      postId: string;
      /** Format: uuid */
      itemId: string;
    };
    QueueDebate: {
      /** Format: uuid */
      id: string;
      question: string;
    };
    QueueParent: {
      /** Format: uuid */
      id: string;
      author: components['schemas']['Author'] | null;
      /** @description Its first 300 characters */
      excerpt: string;
    };
    QueueFlag: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      reason:
        | 'spam'
        | 'harassment'
        | 'hate'
        | 'misinformation'
        | 'sexual'
        | 'violence'
        | 'synthetic_media'
        | 'off_topic'
        | 'other';
      note: string | null;
      /** Format: date-time */
      createdAt: string;
      user: components['schemas']['Author'];
    };
    QueueCause: {
      /** @description `flags`, `watched_word`, `premoderated`, `new_account` */
      kind: string;
      /** @description The watched word that matched */
      pattern?: string;
      /**
       * @description What the watched word does
       * @enum {string}
       */
      action?: 'review' | 'flag';
    };
    QueueAuthor: {
      /** Format: uuid */
      id: string;
      username: string;
      displayName: string;
      /** @enum {string} */
      role: 'participant' | 'moderator' | 'organiser' | 'admin';
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      suspendedUntil: string | null;
      /** @description Posts of theirs hidden before (by moderators or by flags) */
      hides: number;
      deletions: number;
      labels: number;
      suspensions: number;
    };
    QueueItem: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      state: 'open' | 'resolved';
      /** @description As moderators see it, whatever its status */
      post: components['schemas']['Post'];
      debate: components['schemas']['QueueDebate'];
      parent: components['schemas']['QueueParent'] | null;
      /** @description Oldest first */
      flags: components['schemas']['QueueFlag'][];
      causes: components['schemas']['QueueCause'][];
      author: components['schemas']['QueueAuthor'] | null;
      /** Format: date-time */
      openedAt: string;
      /** Format: date-time */
      resolvedAt: string | null;
      /** @enum {string|null} */
      resolution: 'approve' | 'hide' | 'restore' | 'delete' | 'dismiss' | 'label' | null;
      resolutionReason: string | null;
      resolvedBy: components['schemas']['Author'] | null;
    };
    QueueUpdate: {
      /** Format: uuid */
      itemId: string;
      /** Format: uuid */
      postId: string;
      /** @enum {string} */
      state: 'open' | 'resolved';
      /** @description The item as it is now, while open */
      item: components['schemas']['QueueItem'] | null;
      openCount: number;
    };
    LogEntry: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      action:
        | 'approve'
        | 'hide'
        | 'restore'
        | 'delete'
        | 'dismiss'
        | 'label'
        | 'unlabel'
        | 'suspend'
        | 'unsuspend'
        | 'hold'
        | 'flag'
        | 'add_watched_word'
        | 'remove_watched_word'
        | 'uphold_appeal'
        | 'reverse_appeal'
        | 'edit'
        | 'lock_debate'
        | 'unlock_debate'
        | 'set_slow_mode'
        | 'set_premoderation';
      /** @enum {string} */
      targetType: 'post' | 'user' | 'debate' | 'watched_word';
      /** Format: uuid */
      targetId: string;
      reason: string;
      /** @enum {string|null} */
      category:
        | 'spam'
        | 'harassment'
        | 'hate'
        | 'misinformation'
        | 'sexual'
        | 'violence'
        | 'synthetic_media'
        | 'off_topic'
        | 'other'
        | 'watched_word'
        | null;
      /** @description Done by the forum itself (flag threshold, watched words), not by a person */
      automatic: boolean;
      /** Format: date-time */
      createdAt: string;
      /** @description null for automatic actions */
      actor: components['schemas']['Author'] | null;
    };
    AppealEvent: {
      /** Format: uuid */
      id: string;
      /** @enum {string} */
      targetType: 'post' | 'suspension';
      /** Format: uuid */
      targetId: string;
      message: string;
      /** @enum {string} */
      state: 'open' | 'upheld' | 'reversed';
      decisionReason: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      decidedAt: string | null;
      /** @description The action appealed: hide, hold, delete, label or suspend */
      appealedAction: string;
    };
    /** @description Every error: `{statusCode, error, message}`, plus fields that help to act on it. */
    Error: {
      /** @example 400 */
      statusCode: number;
      /**
       * @description The HTTP reason phrase
       * @example Bad Request
       */
      error: string;
      /** @description What went wrong, for a person; one entry per refused field when the input did not validate. */
      message: string | string[];
      /**
       * @description The refusal, for programs; absent on input validation.
       * @enum {string}
       */
      code?:
        | 'invalid_input'
        | 'invalid_cursor'
        | 'unauthenticated'
        | 'invalid_credentials'
        | 'forbidden'
        | 'suspended'
        | 'not_found'
        | 'username_taken'
        | 'duplicate'
        | 'conflict'
        | 'invalid_transition'
        | 'session_ended'
        | 'poll_not_open'
        | 'payload_too_large'
        | 'debate_locked'
        | 'watched_word'
        | 'rate_limited'
        | 'slow_mode'
        | 'unavailable'
        | 'own_post'
        | 'already_flagged'
        | 'not_flaggable'
        | 'flag_limit'
        | 'already_resolved'
        | 'duplicate_pattern'
        | 'protected_user'
        | 'not_appealable'
        | 'already_appealed'
        | 'own_decision'
        | 'post_deleted'
        | 'not_labelled'
        | 'not_suspended'
        | 'invalid_until'
        | 'invalid_pattern';
      /** @description A refused post: what was sent, so nothing typed is lost. */
      draft?: {
        [key: string]: unknown;
      };
      /**
       * Format: date-time
       * @description A suspended account (403): when the suspension ends.
       */
      suspendedUntil?: string;
      /** @description A suspended account (403): why. */
      reason?: string | null;
    };
    /** @description A 429 or 503: the error shape with the seconds to wait. */
    RateLimitedError: {
      /** @example 400 */
      statusCode: number;
      /**
       * @description The HTTP reason phrase
       * @example Bad Request
       */
      error: string;
      /** @description What went wrong, for a person; one entry per refused field when the input did not validate. */
      message: string | string[];
      /**
       * @description The refusal, for programs; absent on input validation.
       * @enum {string}
       */
      code?:
        | 'invalid_input'
        | 'invalid_cursor'
        | 'unauthenticated'
        | 'invalid_credentials'
        | 'forbidden'
        | 'suspended'
        | 'not_found'
        | 'username_taken'
        | 'duplicate'
        | 'conflict'
        | 'invalid_transition'
        | 'session_ended'
        | 'poll_not_open'
        | 'payload_too_large'
        | 'debate_locked'
        | 'watched_word'
        | 'rate_limited'
        | 'slow_mode'
        | 'unavailable'
        | 'own_post'
        | 'already_flagged'
        | 'not_flaggable'
        | 'flag_limit'
        | 'already_resolved'
        | 'duplicate_pattern'
        | 'protected_user'
        | 'not_appealable'
        | 'already_appealed'
        | 'own_decision'
        | 'post_deleted'
        | 'not_labelled'
        | 'not_suspended'
        | 'invalid_until'
        | 'invalid_pattern';
      /** @description A refused post: what was sent, so nothing typed is lost. */
      draft?: {
        [key: string]: unknown;
      };
      /**
       * Format: date-time
       * @description A suspended account (403): when the suspension ends.
       */
      suspendedUntil?: string;
      /** @description A suspended account (403): why. */
      reason?: string | null;
      /** @description Seconds to wait; the same as the Retry-After header. */
      retryAfter: number;
    };
    /** @description A refused message: the error the REST call would have answered. */
    AckError: {
      /** @constant */
      ok: false;
      error: components['schemas']['Error'] | components['schemas']['RateLimitedError'];
    };
    DebateUpdatedEvent: {
      /** @constant */
      type: 'debate.updated';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['Debate'];
    };
    PostCreatedEvent: {
      /** @constant */
      type: 'post.created';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['Post'];
    };
    PostUpdatedEvent: {
      /** @constant */
      type: 'post.updated';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['Post'];
    };
    PostRestoredEvent: {
      /** @constant */
      type: 'post.restored';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['Post'];
    };
    PostDeletedEvent: {
      /** @constant */
      type: 'post.deleted';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['PostRef'];
    };
    PostHiddenEvent: {
      /** @constant */
      type: 'post.hidden';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['PostRef'];
    };
    PostLabelledEvent: {
      /** @constant */
      type: 'post.labelled';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['Post'];
    };
    PostVotedEvent: {
      /** @constant */
      type: 'post.voted';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['PostScore'];
    };
    NotificationCreatedEvent: {
      /** @constant */
      type: 'notification.created';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['Notification'];
    };
    SessionUpdatedEvent: {
      /** @constant */
      type: 'session.updated';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['Session'];
    };
    SpotlightChangedEvent: {
      /** @constant */
      type: 'spotlight.changed';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['SpotlightChange'];
    };
    PollOpenedEvent: {
      /** @constant */
      type: 'poll.opened';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['Poll'];
    };
    PollResultsEvent: {
      /** @constant */
      type: 'poll.results';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['PollResults'];
    };
    PollClosedEvent: {
      /** @constant */
      type: 'poll.closed';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['Poll'];
    };
    QuestionCreatedEvent: {
      /** @constant */
      type: 'question.created';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['Question'];
    };
    QuestionUpdatedEvent: {
      /** @constant */
      type: 'question.updated';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['Question'];
    };
    QuestionUpvotedEvent: {
      /** @constant */
      type: 'question.upvoted';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['QuestionUpvotes'];
    };
    FlagCreatedEvent: {
      /** @constant */
      type: 'flag.created';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['FlagCreated'];
    };
    QueueUpdatedEvent: {
      /** @constant */
      type: 'queue.updated';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['QueueUpdate'];
    };
    LogAppendedEvent: {
      /** @constant */
      type: 'log.appended';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['LogEntry'];
    };
    AppealCreatedEvent: {
      /** @constant */
      type: 'appeal.created';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['AppealEvent'];
    };
    AppealDecidedEvent: {
      /** @constant */
      type: 'appeal.decided';
      stream: string;
      /** @description Its place in the stream; a client drops seqs it has */
      seq: number;
      data: components['schemas']['AppealEvent'];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
