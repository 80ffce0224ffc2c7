import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Actor } from '../common/auth/actor';
import { DebatesService } from '../debates/debates.service';
import { DEBATE_EVENTS } from '../debates/debate.events';
import { SocketContract, StreamKind } from '../events/socket-contract';
import { AnyStoredEvent, debateStream, StreamName } from '../events/stored-event';
import { CreatePostMessage, JoinDebateMessage, LeaveDebateMessage, PostCreatedAck } from './dto/debate-messages';
import { POST_EVENTS } from './post.events';
import { PostReader } from './post-reader.service';
import { PostWriter } from './post-writer.service';

/**
 * A debate's stream, `debate:<id>`: its posts and its own changes, live. Anyone may follow it, guests included;
 * a resume shows posts as they are now. Also registers `post:create`, the socket's way to post.
 */
@Injectable()
export class DebateStream implements StreamKind<JoinDebateMessage, LeaveDebateMessage>, OnModuleInit {
  readonly name = 'debate';
  readonly joinMessage = JoinDebateMessage;
  readonly leaveMessage = LeaveDebateMessage;
  readonly presence = true;
  readonly events = { ...DEBATE_EVENTS, ...POST_EVENTS };

  constructor(
    private readonly contract: SocketContract,
    private readonly debates: DebatesService,
    private readonly reader: PostReader,
    private readonly writer: PostWriter,
  ) {}

  onModuleInit(): void {
    this.contract.addStream(this);
    this.contract.addCommand({
      name: 'post:create',
      message: CreatePostMessage,
      ack: PostCreatedAck,
      access: {},
      handle: async ({ debateId, ...body }: CreatePostMessage, author: Actor) => ({
        post: (await this.writer.create(author, debateId, body)).post,
      }),
    });
  }

  async open({ debateId }: JoinDebateMessage): Promise<{ stream: StreamName }> {
    await this.debates.requireExists(debateId);
    return { stream: debateStream(debateId) };
  }

  streamOf({ debateId }: LeaveDebateMessage): StreamName {
    return debateStream(debateId);
  }

  replay(events: AnyStoredEvent[], reader: Actor | null): Promise<AnyStoredEvent[]> {
    return this.reader.replayable(events, reader);
  }
}
