import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_RULE, AccessRule, assertAccess } from '../common/auth/access';
import { AuthenticatedRequest } from '../common/auth/current-user.decorator';
import { AuthService } from './auth.service';
import { tokenFromHeaders } from './auth-token';

/** Global: identifies the caller on every HTTP request, then applies the route's access rule if it has one. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly auth: AuthService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const identity = await this.auth.authenticate(tokenFromHeaders(request.headers));
    request.user = identity?.user ?? null;
    request.authSessionId = identity?.sessionId ?? null;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (rule) assertAccess(request.user, rule);
    return true;
  }
}
