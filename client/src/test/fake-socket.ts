import { vi } from 'vitest';

type Listener = (...args: unknown[]) => void;

/** Enough of a socket.io client for components and the stream logic: the test plays the server. */
export class FakeSocket {
  connected = true;
  private listeners = new Map<string, Set<Listener>>();
  private anyListeners = new Set<Listener>();
  /** Every emitWithAck call; the test answers through `answer`. */
  readonly requests: { event: string; payload: unknown; resolve: (ack: unknown) => void }[] = [];
  readonly emitted: { event: string; payload: unknown }[] = [];

  on(event: string, listener: Listener) {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
    return this;
  }

  off(event: string, listener: Listener) {
    this.listeners.get(event)?.delete(listener);
    return this;
  }

  onAny(listener: Listener) {
    this.anyListeners.add(listener);
    return this;
  }

  offAny(listener: Listener) {
    this.anyListeners.delete(listener);
    return this;
  }

  emit(event: string, payload: unknown) {
    this.emitted.push({ event, payload });
    return this;
  }

  emitWithAck = vi.fn(
    (event: string, payload: unknown) => new Promise((resolve) => this.requests.push({ event, payload, resolve })),
  );

  connect = vi.fn(() => this);
  disconnect = vi.fn(() => this);

  /** A server → client event; socket.io calls catch-all listeners only for the server's own events. */
  deliver(event: string, data: unknown) {
    if (!['connect', 'disconnect', 'connect_error'].includes(event))
      this.anyListeners.forEach((listener) => listener(event, data));
    this.listeners.get(event)?.forEach((listener) => listener(data));
  }

  drop() {
    this.connected = false;
    this.deliver('disconnect', 'transport close');
  }

  reconnect() {
    this.connected = true;
    this.deliver('connect', undefined);
  }

  lastRequest(event: string) {
    return [...this.requests].reverse().find((request) => request.event === event);
  }
}
