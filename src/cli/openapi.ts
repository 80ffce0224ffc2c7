import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { API_PREFIX, createOpenApiDocument } from '../api-docs/openapi-document';
import { loadConfig } from '../config/app-config';

/**
 * Writes the OpenAPI document to a file, or with `--check` fails when the file differs from it. Needs no database:
 * Nest's preview mode builds the module graph without creating providers, and the document comes from decorators.
 *
 *   node -r @swc-node/register src/cli/openapi.ts docs/openapi.json
 *   node dist/src/cli/openapi.js --check docs/openapi.json
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const file = args.find((arg) => arg !== '--check');
  if (!file) throw new Error('usage: openapi [--check] <file.json>');
  // Only the module graph is built: nothing here is connected to or written.
  const config = loadConfig({ JWT_SECRET: 'unused-by-a-preview-of-the-module-graph', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(AppModule.forRoot(config, { url: '', embedded: false }, null), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  const document = createOpenApiDocument(app);
  await app.close();
  if (!check) {
    writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
    return;
  }
  if (!isDeepStrictEqual(JSON.parse(readFileSync(file, 'utf8')), JSON.parse(JSON.stringify(document)))) {
    throw new Error(`${file} does not describe this build's API: run npm run api:types and commit the result`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
