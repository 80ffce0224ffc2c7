import { useEffect, useState } from 'react';

/**
 * How far the server's clock is ahead of this device's, from the last session answer (its `serverTime`): timers
 * are absolute end times on the server's clock, so a phone whose clock is off still shows everyone's countdown.
 */
let serverAheadMs = 0;

export function learnServerTime(serverTime: string, receivedAt = Date.now()): void {
  const server = Date.parse(serverTime);
  if (!Number.isNaN(server)) serverAheadMs = server - receivedAt;
}

export function serverNow(): number {
  return Date.now() + serverAheadMs;
}

/** Whole seconds left of a countdown (rounded up, never below 0): running to `endsAt`, or frozen at `frozenMs`. */
export function secondsLeft(endsAt: string | null, frozenMs: number | null, now = serverNow()): number | null {
  if (frozenMs !== null) return Math.ceil(frozenMs / 1000);
  if (endsAt === null) return null;
  return Math.max(0, Math.ceil((Date.parse(endsAt) - now) / 1000));
}

/** The countdown, re-rendered every second while it runs. */
export function useSecondsLeft(endsAt: string | null, frozenMs: number | null): number | null {
  const [, tick] = useState(0);
  const left = secondsLeft(endsAt, frozenMs);
  const running = endsAt !== null && frozenMs === null && left !== 0;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return left;
}

export function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return `${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
