import express, { NextFunction, Request, Response } from 'express';
import { ErrorBody, toErrorBody } from '../errors/domain-error';

const LIMIT = '1mb';
// Keys that would reach Object.prototype if the body were ever merged into another object.
const FORBIDDEN_KEYS = ['__proto__', 'constructor', 'prototype'];

const parseJson = express.json({ limit: LIMIT, strict: false, type: () => true });

/**
 * JSON bodies only: 415 for another content type, 413 past 1 MB, 400 for malformed JSON, a body that is not an
 * object, or a prototype-polluting key. Requests without a body pass through untouched.
 */
export function jsonBody(req: Request, res: Response, next: NextFunction): void {
  if (!hasBody(req)) return next();
  if (!req.is(['application/json', '+json'])) {
    return send(res, toErrorBody(415, 'Send the body as JSON with Content-Type: application/json.'));
  }
  parseJson(req, res, (error?: { type?: string; status?: number; message?: string }) => {
    if (error) return send(res, parseErrorBody(error));
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return send(res, toErrorBody(400, 'The body must be a JSON object.'));
    }
    const bad = findForbiddenKey(body);
    if (bad) return send(res, toErrorBody(400, `The key "${bad}" is not allowed in a body.`));
    next();
  });
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) > 0);
}

function parseErrorBody(error: { type?: string; status?: number; message?: string }): ErrorBody {
  if (error.type === 'entity.too.large') return toErrorBody(413, `The body is larger than ${LIMIT.toUpperCase()}.`);
  if (error.type === 'entity.parse.failed') return toErrorBody(400, `Malformed JSON: ${error.message}`);
  if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
    return toErrorBody(415, error.message ?? 'Unsupported body encoding.');
  }
  return toErrorBody(error.status && error.status < 500 ? error.status : 400, error.message ?? 'Unreadable body.');
}

function findForbiddenKey(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.includes(key)) return key;
    const nested = findForbiddenKey((value as Record<string, unknown>)[key]);
    if (nested) return nested;
  }
  return null;
}

function send(res: Response, body: ErrorBody): void {
  res.status(body.statusCode).json(body);
}
