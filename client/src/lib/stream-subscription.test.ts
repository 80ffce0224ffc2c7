import { describe, expect, it, vi } from 'vitest';
import type { StreamEvent } from './api/types';
import { streams, StreamSubscription } from './stream-subscription';
import { FakeSocket } from '../test/fake-socket';

const DEBATE = '8a3c1f1e-0000-4000-8000-000000000001';
// The subscription only reads stream and seq: a payload with just an id stands for any.
const event = (seq: number, type: StreamEvent['type'] = 'post.created'): StreamEvent =>
  ({ type, stream: `debate:${DEBATE}`, seq, data: { id: `post-${seq}` } }) as StreamEvent;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function subscribe() {
  const socket = new FakeSocket();
  const onEvent = vi.fn();
  const handlers = { onEvent, onReload: vi.fn(() => Promise.resolve()), onPresence: vi.fn(), onTyping: vi.fn() };
  const subscription = new StreamSubscription(socket as never, streams.debate(DEBATE), handlers);
  const seqs = () => onEvent.mock.calls.map(([e]) => (e as StreamEvent).seq);
  return { socket, handlers, subscription, seqs };
}

describe('StreamSubscription', () => {
  it('joins on creation without since, then applies live events once each', async () => {
    const { socket, seqs, handlers } = subscribe();
    expect(socket.lastRequest('debate:join')?.payload).toEqual({ debateId: DEBATE });
    socket.lastRequest('debate:join')!.resolve({ ok: true, seq: 4, presence: { count: 3 }, missed: [] });
    await flush();
    expect(handlers.onPresence).toHaveBeenCalledWith(3);
    socket.deliver('post.created', event(5));
    socket.deliver('post.created', event(5));
    socket.deliver('post.voted', event(6, 'post.voted'));
    expect(seqs()).toEqual([5, 6]);
  });

  it('ignores events of other streams', async () => {
    const { socket, seqs } = subscribe();
    socket.lastRequest('debate:join')!.resolve({ ok: true, seq: 0, missed: [] });
    await flush();
    socket.deliver('post.created', { ...event(1), stream: 'debate:another' });
    expect(seqs()).toEqual([]);
  });

  it('follows a stream of any kind, with events of any type, leaving it with the same params', async () => {
    const socket = new FakeSocket();
    const onEvent = vi.fn();
    const session = { kind: 'session', name: 'session:s1', params: { sessionId: 's1' } };
    const subscription = new StreamSubscription(socket as never, session, {
      onEvent,
      onReload: () => Promise.resolve(),
    });
    expect(socket.lastRequest('session:join')?.payload).toEqual({ sessionId: 's1' });
    socket.lastRequest('session:join')!.resolve({ ok: true, seq: 1, missed: [] });
    await flush();
    socket.deliver('poll.opened', { type: 'poll.opened', stream: 'session:s1', seq: 2, data: { id: 'p' } });
    socket.deliver('presence', { stream: 'session:s1', count: 3 }); // ephemeral: not an event of the log
    expect(onEvent.mock.calls.map(([e]) => (e as StreamEvent).type)).toEqual(['poll.opened']);
    subscription.close();
    expect(socket.lastRequest('session:leave')?.payload).toEqual({ sessionId: 's1' });
  });

  it('after a reconnect, rejoins with since = the last applied seq and applies what was missed, in order', async () => {
    const { socket, seqs } = subscribe();
    socket.lastRequest('debate:join')!.resolve({ ok: true, seq: 0, missed: [] });
    await flush();
    socket.deliver('post.created', event(1));
    socket.deliver('post.created', event(2));
    socket.drop();
    socket.reconnect();
    expect(socket.lastRequest('debate:join')?.payload).toEqual({ debateId: DEBATE, since: 2 });
    socket.lastRequest('debate:join')!.resolve({ ok: true, seq: 5, missed: [event(3), event(4), event(5)] });
    await flush();
    expect(seqs()).toEqual([1, 2, 3, 4, 5]);
  });

  it('holds broadcasts that overtake the join ack and drops the copies', async () => {
    const { socket, seqs } = subscribe();
    socket.lastRequest('debate:join')!.resolve({ ok: true, seq: 2, missed: [] });
    await flush();
    socket.drop();
    socket.reconnect();
    // seq 4 is broadcast before the ack that brings 3 and 4 as missed.
    socket.deliver('post.created', event(4));
    socket.deliver('post.created', event(5));
    socket.lastRequest('debate:join')!.resolve({ ok: true, seq: 4, missed: [event(3), event(4)] });
    await flush();
    expect(seqs()).toEqual([3, 4, 5]);
    socket.deliver('post.created', event(5));
    expect(seqs()).toEqual([3, 4, 5]);
  });

  it('reloads once after the first join, holding live events until the fresh data is in', async () => {
    const { socket, handlers, seqs } = subscribe();
    let reloaded!: () => void;
    handlers.onReload.mockImplementationOnce(() => new Promise<void>((resolve) => (reloaded = resolve)));
    socket.lastRequest('debate:join')!.resolve({ ok: true, seq: 7, missed: [] });
    await flush();
    expect(handlers.onReload).toHaveBeenCalledTimes(1);
    socket.deliver('post.created', event(8));
    expect(seqs()).toEqual([]); // not onto the data the reload is about to replace
    reloaded();
    await flush();
    expect(seqs()).toEqual([8]);
    socket.drop();
    socket.reconnect();
    socket.lastRequest('debate:join')!.resolve({ ok: true, seq: 9, missed: [event(9)] });
    await flush();
    expect(handlers.onReload).toHaveBeenCalledTimes(1); // a resume needs no reload
    expect(seqs()).toEqual([8, 9]);
  });

  it('lets a reconnect during the first reload take over without doubling anything', async () => {
    const { socket, handlers, seqs } = subscribe();
    let reloaded!: () => void;
    handlers.onReload.mockImplementationOnce(() => new Promise<void>((resolve) => (reloaded = resolve)));
    socket.lastRequest('debate:join')!.resolve({ ok: true, seq: 3, missed: [] });
    await flush();
    socket.drop();
    socket.reconnect();
    expect(socket.lastRequest('debate:join')?.payload).toEqual({ debateId: DEBATE, since: 3 });
    socket.lastRequest('debate:join')!.resolve({ ok: true, seq: 4, missed: [event(4)] });
    await flush();
    reloaded();
    await flush();
    expect(seqs()).toEqual([4]);
  });

  it('asks for a reload when the server says too much was missed', async () => {
    const { socket, handlers, seqs } = subscribe();
    socket.lastRequest('debate:join')!.resolve({ ok: true, seq: 0, missed: [] });
    await flush();
    socket.drop();
    socket.reconnect();
    socket.lastRequest('debate:join')!.resolve({ ok: true, seq: 5000, missed: [event(1)], reload: true });
    await flush();
    expect(handlers.onReload).toHaveBeenCalledTimes(2);
    expect(seqs()).toEqual([]);
    socket.deliver('post.created', event(5001));
    expect(seqs()).toEqual([5001]);
  });

  it('leaves and stops listening when closed', async () => {
    const { socket, subscription, seqs } = subscribe();
    socket.lastRequest('debate:join')!.resolve({ ok: true, seq: 0, missed: [] });
    await flush();
    subscription.close();
    expect(socket.lastRequest('debate:leave')?.payload).toEqual({ debateId: DEBATE });
    socket.deliver('post.created', event(1));
    expect(seqs()).toEqual([]);
  });
});
