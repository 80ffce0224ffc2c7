import type { Event } from 'socket.io';
import { errorBodyOf } from '../common/errors/error-body';
import { DomainError } from '../common/errors/domain-error';
import { payloadProblem } from '../common/validation/payload-rules';
import { ForumSocket } from './forum-socket';

export const MAX_MESSAGE_BYTES = 64 * 1024;
const WINDOW_MS = 10_000;
/** More than this in a window: refused with 429. */
export const FLOOD_LIMIT = 100;
/** A socket that keeps on past this is disconnected. */
const DISCONNECT_LIMIT = 2 * FLOOD_LIMIT;

/**
 * Per-socket middleware in front of every handler: unknown events, oversized payloads and floods are answered
 * in the ack (404, 413, 429) and never reach a handler; a socket that keeps flooding is disconnected.
 */
export function messageGuard(socket: ForumSocket, known: { has(event: string): boolean }) {
  let windowStart = Date.now();
  let count = 0;
  return ([event, ...args]: Event, next: (error?: Error) => void): void => {
    // The packet goes on to the handler unchanged, so the ack is read, not taken out.
    const last: unknown = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (response: unknown) => void) : null;
    const payload = ack ? args.slice(0, -1) : args;
    const refuse = (error: DomainError) => ack?.({ ok: false, error: errorBodyOf(error) });

    const now = Date.now();
    if (now - windowStart > WINDOW_MS) {
      windowStart = now;
      count = 0;
    }
    count += 1;
    if (count > DISCONNECT_LIMIT) {
      socket.disconnect(true);
      return;
    }
    if (count > FLOOD_LIMIT) {
      const retryAfter = Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));
      return refuse(new DomainError('rate_limited', `Too many messages: wait ${retryAfter} s.`, { retryAfter }));
    }
    if (!known.has(event)) return refuse(new DomainError('not_found', `Unknown event "${event}".`));
    // Before anything walks the payload recursively (the size check below does): bounded nesting, clean text.
    const problem = payloadProblem(payload, '');
    if (problem) return refuse(new DomainError('invalid_input', problem));
    if (Buffer.byteLength(JSON.stringify(payload) ?? '') > MAX_MESSAGE_BYTES) {
      return refuse(new DomainError('payload_too_large', `A message may be at most ${MAX_MESSAGE_BYTES / 1024} KB.`));
    }
    next();
  };
}
