import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from './actor';

export interface AuthenticatedRequest extends Request {
  user: Actor | null;
  authSessionId: string | null;
}

/** The caller, or null for a guest. Routes guarded by an access rule always get a user. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
