import 'reflect-metadata';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { createAsyncApiDocument } from '../api-docs/asyncapi-document';
import { loadConfig } from '../config/app-config';
import { startServer } from '../server';

/**
 * Writes the AsyncAPI document of the socket API to a file, or with `--check` fails when the file differs. The
 * document comes from what the features register in the SocketContract as they start, so this starts the app, on a
 * throwaway embedded database (or DATABASE_URL when set), and stops it again.
 *
 *   node -r @swc-node/register src/cli/asyncapi.ts docs/asyncapi.json
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const file = args.find((arg) => arg !== '--check');
  if (!file) throw new Error('usage: asyncapi [--check] <file.json>');
  const dataDir = mkdtempSync(join(tmpdir(), 'forum-asyncapi-'));
  const config = loadConfig({
    DATABASE_URL: process.env.DATABASE_URL,
    DATA_DIR: dataDir,
    JWT_SECRET: 'unused-by-a-server-that-only-describes-itself',
    LOG_LEVEL: 'silent',
    RATE_LIMITS: 'off',
  });
  const server = await startServer(config, { port: 0 });
  try {
    const document = JSON.parse(JSON.stringify(createAsyncApiDocument(server.app)));
    if (!check) writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);
    else if (!isDeepStrictEqual(JSON.parse(readFileSync(file, 'utf8')), document)) {
      throw new Error(`${file} does not describe this build's socket API: run npm run api:types and commit the result`);
    }
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
