import { applyDecorators, HttpCode, Type } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { Participant } from '../common/auth/access';
import { ApiErrors, ErrorStatus } from '../common/errors/api-errors.decorator';
import { ApiIdParam, ApiSignedIn } from '../common/openapi/api-auth.decorator';

interface OrganiserCommandDoc {
  summary: string;
  response: Type;
  /** When it answers 409. */
  conflict: string;
  /** For a command with a body (which may also answer 413 and 415): what its 400 means. */
  body?: string;
}

/**
 * A command of a session's organiser (or an admin) on the session or one of its polls: any participant may send it,
 * the service answers 403 to everyone else, and 200 with what changed. What every such route documents, once.
 */
export function OrganiserCommand(target: 'session' | 'poll', doc: OrganiserCommandDoc): MethodDecorator {
  const withBody: ErrorStatus[] = doc.body ? [413, 415] : [];
  return applyDecorators(
    HttpCode(200),
    Participant(),
    ApiSignedIn(),
    ApiOperation({ summary: doc.summary }),
    ApiOkResponse({ type: doc.response }),
    ApiErrors(
      doc.body ? [400, doc.body] : 400,
      401,
      [403, 'Only its organiser or an admin.'],
      404,
      [409, doc.conflict],
      ...withBody,
      429,
    ),
    ApiIdParam(target),
  );
}
