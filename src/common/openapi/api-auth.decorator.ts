import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiParam, ApiSecurity } from '@nestjs/swagger';

export const BEARER_AUTH = 'bearer';
export const COOKIE_AUTH = 'cookie';

/** The operation needs a signed-in caller: the bearer token, or the browser's httpOnly cookie. */
export const ApiSignedIn = (): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiBearerAuth(BEARER_AUTH), ApiCookieAuth(COOKIE_AUTH));

/** Anyone may call it; a signed-in caller sees more (their own pending posts, their votes). */
export const ApiOptionalSignIn = (): MethodDecorator & ClassDecorator =>
  applyDecorators(ApiSecurity({}), ApiSignedIn());

/** Anyone may call it, and who calls makes no difference. */
export const ApiPublic = (): MethodDecorator & ClassDecorator => ApiSecurity({});

/** A path parameter `:id` that must be a UUID (anything else is a 400). */
export const ApiIdParam = (of: string): MethodDecorator =>
  ApiParam({ name: 'id', type: String, format: 'uuid', description: `The ${of}'s id` });
