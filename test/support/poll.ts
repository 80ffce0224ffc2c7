import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Asks `probe` until `done` holds of its answer or `withinMs` have passed, `everyMs` apart, and returns the last
 * answer: for a change no event announces (a database back, a change notice arrived). The caller asserts on what it
 * gets, so running out of time fails on the value that was still wrong.
 */
export async function pollUntil<T>(
  probe: () => T | Promise<T>,
  done: (answer: T) => boolean,
  { withinMs, everyMs }: { withinMs: number; everyMs: number },
): Promise<T> {
  const deadline = Date.now() + withinMs;
  let answer = await probe();
  while (!done(answer) && Date.now() < deadline) {
    await sleep(everyMs);
    answer = await probe();
  }
  return answer;
}
