import { randomUUID } from 'node:crypto';
import type { LoggerService, LogLevel } from '@nestjs/common';
import pino, { Level, Logger } from 'pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pinoHttp from 'pino-http';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;

/**
 * One pino logger for Nest's own messages and one line per HTTP request (pino-http, at `info`). Tokens travel in the
 * redacted headers and never reach the log. Every answer carries `X-Request-Id`, taken from a well-formed incoming
 * one or made here. Below `info` no request line would be written, so none is prepared: pino-http's per-request
 * work is a measurable part of a small request.
 */
export function createLogging(level: string): { logger: LoggerService; requests: Middleware } {
  const logger = pino({
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
  });
  const requests: Middleware = logger.isLevelEnabled('info')
    ? pinoHttp({ logger, genReqId: requestId, autoLogging: { ignore: (req) => req.url === '/api/health' } })
    : (req, res, next) => {
        requestId(req, res);
        next();
      };
  return { logger: new NestPinoLogger(logger), requests };
}

function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

const LEVELS: Record<LogLevel, Level> = {
  log: 'info',
  error: 'error',
  warn: 'warn',
  debug: 'debug',
  verbose: 'trace',
  fatal: 'fatal',
};

/** Nest's LoggerService on pino: `(message, ...params, context)`, and for errors `(message, stack, context)`. */
class NestPinoLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: LogLevel, message: unknown, params: unknown[]): void {
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? params.pop() : undefined;
    const stack = level === 'error' && typeof params[0] === 'string' ? params.shift() : undefined;
    const fields = { context, ...(stack ? { stack } : {}), ...(params.length > 0 ? { params } : {}) };
    if (message instanceof Error) this.pino[LEVELS[level]]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.pino[LEVELS[level]]({ ...fields, ...message });
    else this.pino[LEVELS[level]](fields, String(message));
  }
}
