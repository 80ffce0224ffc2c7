import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { Express } from 'express';
import { createAsyncApiDocument } from './asyncapi-document';
import { API_PREFIX, createOpenApiDocument } from './openapi-document';

/** The REST contract at `/api/docs` (JSON at `/api/docs-json`) and the socket contract at `/api/asyncapi.json`. */
export function serveApiDocs(app: NestExpressApplication): void {
  // Built at the first request too: scanning every route's decorators is a noticeable part of the start.
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
  // Built at the first request: features register their streams and commands while the app starts.
  let asyncApi: object | undefined;
  (app.getHttpAdapter().getInstance() as Express).get(`/${API_PREFIX}/asyncapi.json`, (_request, response) => {
    response.json((asyncApi ??= createAsyncApiDocument(app)));
  });
}
