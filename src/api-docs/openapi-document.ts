import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AUTH_COOKIE } from '../auth/auth-token';
import { BEARER_AUTH, COOKIE_AUTH } from '../common/openapi/api-auth.decorator';

/** Every REST route lives under `/api`. */
export const API_PREFIX = 'api';

/**
 * The OpenAPI document of the app's routes, as served at `/api/docs-json` and committed as `docs/openapi.json`
 * (`npm run api:openapi`). Built from the decorators alone, so it needs no database and comes out the same from
 * `nest build` and from swc (tests).
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Sora debate forum')
    .setDescription(
      'Threaded, real-time debates on "Sora: Vom Text zum Film". JSON everywhere; every error is ' +
        '`{statusCode, error, message}`. Lists take `limit` and `cursor` and answer `{items, nextCursor}`. ' +
        'Live updates come over socket.io at `/socket.io`.',
    )
    .setVersion('1')
    .setLicense('MIT', 'https://opensource.org/license/mit')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', description: 'The accessToken from register or login' }, BEARER_AUTH)
    .addCookieAuth(AUTH_COOKIE, { type: 'apiKey', description: 'The httpOnly cookie login sets' }, COOKIE_AUTH)
    .addTag('auth', 'Accounts and sessions')
    .addTag('users', 'Roles')
    .addTag('articles', 'The article and its sections')
    .addTag('debates', 'Debates anchored to sections')
    .addTag('posts', 'Threaded posts, revisions and votes')
    .addTag('health', 'Liveness with the database')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  closeRequestBodies(document);
  documentUnavailable(document);
  return document;
}

/**
 * Any operation can meet a database that is away or a server that is restarting (drain, then close): a 503 with the
 * seconds to wait. Added here once rather than on every route; health documents its own 503.
 */
function documentUnavailable(document: OpenAPIObject): void {
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem) as { responses?: Record<string, unknown> }[]) {
      if (!operation.responses || operation.responses['503']) continue;
      operation.responses['503'] = {
        description: 'The database is not answering, or the server is restarting: wait retryAfter seconds.',
        headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', minimum: 1 } } },
        content: { 'application/json': { schema: { $ref: '#/components/schemas/RateLimitedError' } } },
      };
    }
  }
}

/** Bodies refuse fields they do not declare (VALIDATION_OPTIONS.forbidNonWhitelisted): their schemas say so. */
function closeRequestBodies(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem) as { requestBody?: { content?: Record<string, unknown> } }[]) {
      const schema = operation.requestBody?.content?.['application/json'] as { schema?: { $ref?: string } } | undefined;
      const name = schema?.schema?.$ref?.split('/').pop();
      if (name && schemas[name]) Object.assign(schemas[name], { additionalProperties: false });
    }
  }
}
