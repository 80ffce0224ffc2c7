// Writes client/src/lib/api/socket-schema.d.ts: the TypeScript types of the socket API's schemas (event envelopes,
// payloads, acks), generated from docs/asyncapi.json by openapi-typescript, so the client's stream handlers get the
// server's ForumEvents map without a hand-written copy. `npm run api:types` runs it; CI checks the result is current.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const root = join(import.meta.dirname, '..');
const asyncApi = JSON.parse(readFileSync(join(root, 'docs/asyncapi.json'), 'utf8'));
// AsyncAPI 3's schemas are JSON Schema, as OpenAPI 3.1's are: wrapped in an OpenAPI document, the generator reads them.
const document = {
  openapi: '3.1.0',
  info: { title: asyncApi.info.title, version: asyncApi.info.version },
  paths: {},
  components: { schemas: asyncApi.components.schemas },
};
const header = `/**
 * The socket API's schemas, generated from docs/asyncapi.json by scripts/socket-types.mjs (npm run api:types).
 * Never edit by hand.
 */

`;
writeFileSync(join(root, 'client/src/lib/api/socket-schema.d.ts'), header + astToString(await openapiTS(document)));
