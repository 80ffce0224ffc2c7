import { Injectable, Logger } from '@nestjs/common';
import { AnyStoredEvent } from './stored-event';

type Listener = (events: AnyStoredEvent[]) => void;

/**
 * In-process fan-out of events that have been committed. Services never see sockets: the realtime module
 * subscribes here. A listener that throws is logged; the others still run.
 */
@Injectable()
export class CommittedEvents {
  private readonly logger = new Logger(CommittedEvents.name);
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(events: AnyStoredEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (error) {
        this.logger.error(`A listener failed on ${events[0].type}: ${(error as Error).message}`);
      }
    }
  }
}
