/**
 * Compile-time checks of the ForumEvents map, run by `npm run typecheck` (tsc over test/): each @ts-expect-error
 * line must fail to compile, or the typecheck fails. Never executed.
 */
import type { EventLog } from '../../src/events/unit-of-work';
import type { AnyStoredEvent } from '../../src/events/stored-event';

export async function appendChecks(events: EventLog): Promise<void> {
  await events.append('debate:1', 'post.voted', { id: 'p', score: 1 });
  // @ts-expect-error an event type that no feature declared
  await events.append('debate:1', 'post.exploded', { id: 'p' });
  // @ts-expect-error a payload of the wrong shape
  await events.append('debate:1', 'post.voted', { id: 'p' });
  // @ts-expect-error a payload field of the wrong type
  await events.append('debate:1', 'post.deleted', { id: 42 });
}

export function narrowingChecks(event: AnyStoredEvent): number | null {
  // A switch on the type narrows the payload without a cast.
  switch (event.type) {
    case 'post.voted':
      return event.data.score;
    case 'post.created':
      // @ts-expect-error a post has no such field
      return event.data.nonexistent;
    default:
      return null;
  }
}
