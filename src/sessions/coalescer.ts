import { Logger } from '@nestjs/common';

/**
 * Runs `flush(key)` at most once per `intervalMs` per key, a window after the first touch: under load a burst of
 * touches becomes one flush. The timer is cleared when it fires, before the flush runs, so a touch during a flush
 * schedules the next one and the last touch is always followed by a flush that sees it.
 */
export class Coalescer {
  private readonly logger = new Logger(Coalescer.name);
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly flush: (key: string) => Promise<void>,
  ) {}

  touch(key: string): void {
    if (this.pending.has(key)) return;
    const timer = setTimeout(() => {
      this.pending.delete(key);
      this.flush(key).catch((error: Error) => this.logger.error(`Flush of ${key} failed: ${error.message}`));
    }, this.intervalMs);
    timer.unref();
    this.pending.set(key, timer);
  }

  stop(): void {
    this.pending.forEach((timer) => clearTimeout(timer));
    this.pending.clear();
  }
}
