import type { INestApplication, Type } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, SwaggerModule } from '@nestjs/swagger';
import { AUTH_COOKIE } from '../auth/auth-token';
import type { AccessRule } from '../common/auth/access';
import { ErrorResponseDto, RateLimitedErrorDto } from '../common/errors/error-response.dto';
import { EventsModule } from '../events/events.module';
import { SocketCommand, SocketContract, StreamKind } from '../events/socket-contract';
import { TypingMessage } from '../realtime/dto/typing.message';

type Schema = Record<string, unknown>;
type Ref = { $ref: string };

const SOCKET = '#/channels/socket';
const SIGNED_IN = [{ $ref: '#/components/securitySchemes/token' }, { $ref: '#/components/securitySchemes/cookie' }];

/**
 * The AsyncAPI 3 document of the socket API, served at `/api/asyncapi.json`. Built from what the features registered
 * in the SocketContract (each stream kind's join and leave messages and its events' payload classes, the ForumEvents
 * map; each command's message and ack classes) and the realtime module's own `typing`, `presence` and `typing`
 * events, with the payload schemas generated from the same decorated classes as the OpenAPI document.
 */
export function createAsyncApiDocument(app: INestApplication): Schema {
  const contract = app.get(SocketContract);
  const kinds = contract.streamKinds();
  const commands = contract.socketCommands();
  const inbound = [
    ...kinds.flatMap((kind) => [kind.joinMessage, kind.leaveMessage]),
    ...commands.map((c) => c.message),
  ];
  const outbound = [
    ...kinds.flatMap((kind) => [...Object.values(kind.events), ...(kind.joinAck ? [kind.joinAck] : [])]),
    ...commands.map((command) => command.ack),
  ];
  const schemas = schemasOf(app, [...inbound, TypingMessage, ...outbound, ErrorResponseDto, RateLimitedErrorDto]);
  // Messages refuse fields they do not declare, as REST bodies do.
  for (const type of [...inbound, TypingMessage]) Object.assign(schemas[nameOf(type)], { additionalProperties: false });

  const document = new AsyncApi(schemas);
  for (const kind of kinds) document.addStreamKind(kind);
  for (const command of commands) document.addCommand(command);
  const debates = contract.streamKind('debate');
  if (debates) document.addTyping(debates);
  return document.toJSON();
}

class AsyncApi {
  private readonly channels: Record<string, Schema> = {
    socket: {
      address: '/',
      title: 'The socket.io connection',
      description: 'Everything a client sends, and the acks it gets back, on the default namespace.',
      messages: {},
    },
  };
  private readonly operations: Record<string, Schema> = {};
  private readonly messages: Record<string, Schema> = {};

  constructor(private readonly schemas: Record<string, Schema>) {
    schemas.AckError = {
      type: 'object',
      description: 'A refused message: the error the REST call would have answered.',
      required: ['ok', 'error'],
      properties: {
        ok: { const: false },
        error: { anyOf: [{ $ref: getSchemaPath(ErrorResponseDto) }, { $ref: getSchemaPath(RateLimitedErrorDto) }] },
      },
    };
  }

  addStreamKind(kind: StreamKind): void {
    const channel = this.channel(kind);
    const events = Object.entries(kind.events).map(([type, payload]) => this.addEvent(kind, channel, type, payload));
    if (kind.presence) {
      this.addEphemeral(kind, channel, 'presence', 'How many follow the stream: distinct people plus guest sockets', {
        count: { type: 'integer', minimum: 0 },
      });
    }
    const joinAck: Schema = {
      type: 'object',
      required: ['ok', 'seq', 'missed', ...(kind.presence ? ['presence'] : [])],
      properties: {
        ok: { const: true },
        seq: { type: 'integer', minimum: 0, description: "The stream's last seq when joined" },
        ...(kind.presence ? { presence: object({ count: { type: 'integer', minimum: 0 } }) } : {}),
        missed: {
          type: 'array',
          description: 'Events after `since`, as the reader may see them now; [] without since',
          items: { oneOf: events },
        },
        reload: { const: true, description: 'More were missed than a join returns: load the stream afresh' },
      },
    };
    if (kind.joinAck) {
      const fields = this.schemas[nameOf(kind.joinAck)] as { required?: string[]; properties: Schema };
      (joinAck.required as string[]).push(...(fields.required ?? []));
      Object.assign(joinAck.properties as Schema, fields.properties);
      delete this.schemas[nameOf(kind.joinAck)];
    }
    this.addRequest(
      `${kind.name}:join`,
      `Follow a ${kind.name} stream, resuming after since`,
      kind.joinMessage,
      joinAck,
    );
    this.addRequest(`${kind.name}:leave`, `Stop following a ${kind.name} stream`, kind.leaveMessage, okAck());
  }

  addCommand(command: SocketCommand): void {
    const fields = this.schemas[nameOf(command.ack)] as { required?: string[]; properties: Schema };
    const ack = { ...okAck(), required: ['ok', ...(fields.required ?? [])] };
    Object.assign(ack.properties, fields.properties);
    delete this.schemas[nameOf(command.ack)];
    this.addRequest(command.name, `${command.name} (${describeAccess(command.access)})`, command.message, ack, true);
  }

  /** `typing` goes to a debate the socket joined; the others in it get a `typing` event, at most every 2 s. */
  addTyping(debates: StreamKind): void {
    this.addRequest('typing', 'Tell the debate that one is writing (signed in)', TypingMessage, okAck(), true);
    this.addEphemeral(debates, this.channel(debates), 'typing', 'Someone is writing in the debate', {
      user: object({
        id: { type: 'string', format: 'uuid' },
        username: { type: 'string' },
        displayName: { type: 'string' },
      }),
    });
  }

  toJSON(): Schema {
    return {
      asyncapi: '3.0.0',
      info: {
        title: 'Sora debate forum: live',
        version: '1',
        description:
          "socket.io at `/socket.io` on the REST API's host. The handshake identifies the user (`auth: {token}` or the " +
          'cookie); without one the socket is a read-only guest. Every message takes an ack, `{ok: true, ...}` or ' +
          '`{ok: false, error}`; unknown events (404), payloads over 64 KB (413) and floods (429) are refused in it. ' +
          'Server events arrive as `{type, stream, seq, data}` under the event name `type`.',
      },
      defaultContentType: 'application/json',
      channels: this.channels,
      operations: this.operations,
      components: {
        schemas: this.schemas,
        messages: this.messages,
        securitySchemes: {
          token: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT',
            description: 'The accessToken, sent in the handshake as `auth: {token}`',
          },
          cookie: {
            type: 'httpApiKey',
            name: AUTH_COOKIE,
            in: 'cookie',
            description: 'The httpOnly cookie login sets',
          },
        },
      },
    };
  }

  /** One channel per stream kind: the events its streams carry. */
  private channel(kind: StreamKind): string {
    this.channels[kind.name] ??= {
      address: `${kind.name}:{id}`,
      title: `A ${kind.name} stream`,
      description: `What followers of a ${kind.name} receive after \`${kind.name}:join\`.`,
      parameters: { id: { description: `The ${kind.name}'s id` } },
      messages: {},
    };
    return kind.name;
  }

  /** A logged event: `{type, stream, seq, data}`; returns the reference to its envelope schema. */
  private addEvent(kind: StreamKind, channel: string, type: string, payload: Type<object>): Ref {
    const envelope = `${pascal(type)}Event`;
    this.schemas[envelope] = object({
      type: { const: type },
      stream: streamPattern(kind),
      seq: { type: 'integer', minimum: 1, description: 'Its place in the stream; a client drops seqs it has' },
      data: { $ref: getSchemaPath(payload) },
    });
    const ref = { $ref: `#/components/schemas/${envelope}` };
    this.send(channel, type, `\`${type}\``, ref);
    return ref;
  }

  /**
   * An ephemeral event (not logged, no seq): `{stream, ...fields}`. Several kinds send one of the same name
   * (`presence`), each with its own stream pattern, so its key names the kind too.
   */
  private addEphemeral(kind: StreamKind, channel: string, name: string, summary: string, fields: Schema): void {
    const payload = object({ stream: streamPattern(kind), ...fields });
    this.send(channel, name, summary, payload, `${camel(kind.name)}${pascal(name)}Event`);
  }

  private send(channel: string, name: string, summary: string, payload: Schema, key = `${camel(name)}Event`): void {
    this.messages[key] = { name, title: name, summary, payload };
    (this.channels[channel].messages as Schema)[key] = { $ref: `#/components/messages/${key}` };
    this.operations[`${channel}.${key}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channel}` },
      summary,
      messages: [{ $ref: `#/channels/${channel}/messages/${key}` }],
    };
  }

  /** A client → server message with its ack, `{ok: true, ...}` or the error. */
  private addRequest(name: string, summary: string, message: Type<object>, ack: Schema, signedIn = false): void {
    const key = camel(name);
    this.messages[key] = { name, title: name, summary, payload: { $ref: getSchemaPath(message) } };
    this.messages[`${key}Ack`] = {
      name: `${name} ack`,
      title: `${name} ack`,
      payload: { oneOf: [ack, { $ref: '#/components/schemas/AckError' }] },
    };
    const messages = this.channels.socket.messages as Schema;
    messages[key] = { $ref: `#/components/messages/${key}` };
    messages[`${key}Ack`] = { $ref: `#/components/messages/${key}Ack` };
    this.operations[key] = {
      action: 'receive',
      channel: { $ref: SOCKET },
      summary,
      ...(signedIn ? { security: SIGNED_IN } : {}),
      messages: [{ $ref: `${SOCKET}/messages/${key}` }],
      reply: { channel: { $ref: SOCKET }, messages: [{ $ref: `${SOCKET}/messages/${key}Ack` }] },
    };
  }
}

/** The classes' schemas as the OpenAPI document has them, in JSON Schema (AsyncAPI's default schema format). */
function schemasOf(app: INestApplication, classes: Type<object>[]): Record<string, Schema> {
  const config = new DocumentBuilder().build();
  // EventsModule has no controllers: the document holds only these classes and what they reference.
  const { components } = SwaggerModule.createDocument(app, config, { include: [EventsModule], extraModels: classes });
  return Object.fromEntries(
    Object.entries(components?.schemas ?? {}).map(([name, schema]) => [name, toJsonSchema(schema) as Schema]),
  );
}

/** OpenAPI 3.0's `nullable` and `example` in JSON Schema terms; everything else is the same. */
function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { nullable, example, ...rest } = schema as Schema;
  const result: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    result[key] = key === 'properties' ? mapValues(value as Schema, toJsonSchema) : toJsonSchema(value);
  }
  if (example !== undefined) result.examples = [example];
  if (nullable !== true) return result;
  const composed = ['$ref', 'allOf', 'anyOf', 'oneOf'].some((key) => key in result);
  if (!composed && typeof result.type === 'string') {
    // An enum lists every allowed value, so a nullable one must list null too.
    const listed = Array.isArray(result.enum) ? (result.enum as unknown[]) : undefined;
    const values = listed && !listed.includes(null) ? { enum: [...listed, null] } : {};
    return { ...result, type: [result.type, 'null'], ...values };
  }
  // `{nullable, allOf: [{$ref}]}` means "that, or null": the null must not have to match the reference.
  const { description, ...nonNull } = result;
  return { ...(description ? { description } : {}), anyOf: [nonNull, { type: 'null' }] };
}

function object(properties: Schema): Schema {
  return { type: 'object', required: Object.keys(properties), properties };
}

function okAck(): { type: 'object'; required: string[]; properties: Schema } {
  return { type: 'object', required: ['ok'], properties: { ok: { const: true } } };
}

function nameOf(type: Type<object>): string {
  return getSchemaPath(type).split('/').pop()!;
}

function describeAccess(rule: AccessRule): string {
  if (rule.roles) return `roles ${rule.roles.join(', ')}`;
  return rule.allowSuspended ? 'signed in' : 'signed in, not suspended';
}

function mapValues(record: Schema, change: (value: unknown) => unknown): Schema {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, change(value)]));
}

/** `post.created` → `postCreated`, `debate:join` → `debateJoin`. */
function camel(name: string): string {
  return name.replace(/[:.-](\w)/g, (_, letter: string) => letter.toUpperCase());
}

function pascal(name: string): string {
  const camelCase = camel(name);
  return camelCase[0].toUpperCase() + camelCase.slice(1);
}

/** A kind's stream names: `<kind>:<id>`, or just `<kind>` for a kind with one stream (`moderation`). */
function streamPattern(kind: StreamKind): Schema {
  return { type: 'string', pattern: `^${kind.name}(:|$)` };
}
