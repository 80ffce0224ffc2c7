import { Global, Injectable, Module } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError, domainErrorBody } from '../errors/domain-error';

/** Seconds a client is told to wait while the server restarts. */
const RESTART_RETRY_AFTER = 5;

/**
 * Drain, then close. Once closing, new requests and new writes (REST or socket) are refused with 503, and the server
 * waits for the work in hand, so every write it acknowledged was also broadcast before the sockets close.
 */
@Injectable()
export class ShutdownGate {
  private closing = false;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  /** Runs a write unless the server is closing (503); closing waits for it. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.closing) throw refusal();
    this.inFlight += 1;
    try {
      return await work();
    } finally {
      this.done();
    }
  }

  /** Express middleware: the same for every HTTP request, so a closing server takes none. */
  readonly middleware = (_req: Request, res: Response, next: NextFunction): void => {
    if (this.closing) {
      const body = domainErrorBody(refusal());
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', String(RESTART_RETRY_AFTER));
      res.status(body.statusCode).json(body);
      return;
    }
    this.inFlight += 1;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      this.done();
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };

  /** Refuses from now on, and resolves once the requests and writes already taken are finished. */
  close(): Promise<void> {
    this.closing = true;
    return this.inFlight === 0 ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  }

  private done(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) this.waiting.splice(0).forEach((resolve) => resolve());
  }
}

function refusal(): DomainError {
  return new DomainError('unavailable', 'The server is restarting: try again in a few seconds.', {
    retryAfter: RESTART_RETRY_AFTER,
  });
}

@Global()
@Module({ providers: [ShutdownGate], exports: [ShutdownGate] })
export class ShutdownGateModule {}
