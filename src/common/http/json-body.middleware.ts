import { isUtf8 } from 'node:buffer';
import express, { NextFunction, Request, Response } from 'express';
import { ErrorBody, toErrorBody } from '../errors/domain-error';

const LIMIT = '1mb';
const NOT_UTF8 = 'encoding.not.utf8';

const parseJson = express.json({
  limit: LIMIT,
  strict: false,
  type: () => true,
  // The parser would decode broken bytes as U+FFFD and store text nobody sent; refuse them instead.
  verify: (_req, _res, buffer) => {
    if (!isUtf8(buffer)) throw Object.assign(new Error('The body is not valid UTF-8.'), { type: NOT_UTF8 });
  },
});

/**
 * JSON bodies only: 415 for another content type or a charset other than UTF-8, 413 past 1 MB, 400 for bytes that
 * are not UTF-8, malformed JSON or a body that is not an object. Requests without a body pass through untouched.
 * What the object holds (text, nesting, keys) is checked by the validation pipe, for sockets too.
 */
export function jsonBody(req: Request, res: Response, next: NextFunction): void {
  if (!hasBody(req)) return next();
  if (!req.is(['application/json', '+json'])) {
    return send(res, toErrorBody(415, 'Send the body as JSON with Content-Type: application/json.'));
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1].toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return send(res, toErrorBody(415, `Send JSON as UTF-8 (got charset=${charset}).`));
  }
  parseJson(req, res, (error?: { type?: string; status?: number; message?: string }) => {
    if (error) return send(res, parseErrorBody(error));
    const body: unknown = req.body;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return send(res, toErrorBody(400, 'The body must be a JSON object.'));
    }
    next();
  });
}

function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) > 0);
}

function parseErrorBody(error: { type?: string; status?: number; message?: string }): ErrorBody {
  if (error.type === 'entity.too.large') return toErrorBody(413, `The body is larger than ${LIMIT.toUpperCase()}.`);
  if (error.type === NOT_UTF8) return toErrorBody(400, error.message!);
  if (error.type === 'entity.parse.failed') return toErrorBody(400, `Malformed JSON: ${error.message}`);
  if (error.type === 'encoding.unsupported' || error.type === 'charset.unsupported') {
    return toErrorBody(415, error.message ?? 'Unsupported body encoding.');
  }
  return toErrorBody(error.status && error.status < 500 ? error.status : 400, error.message ?? 'Unreadable body.');
}

function send(res: Response, body: ErrorBody): void {
  res.status(body.statusCode).json(body);
}
