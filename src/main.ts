import 'reflect-metadata';
import { AppConfig, loadConfig } from './config/app-config';
import { ConfigError } from './config/environment';
import { EmbeddedDatabase } from './database/embedded-database';
import type * as Server from './server';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // One line naming the variable; a stack trace would only hide it.
    process.stderr.write(`Configuration error: ${error.message}\n`);
    process.exit(1);
  }
  // The embedded database starts in its own thread first, while this one loads the server's modules (about a
  // second and a half of NestJS, TypeORM and the rest): a restart waits for the longer of the two, not both.
  const embedded = config.databaseUrl ? undefined : EmbeddedDatabase.start(config.dataDir);
  embedded?.catch(() => undefined); // awaited by startServer, which reports a failure; not unhandled meanwhile
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the database started, see above
  const { startServer } = require('./server') as typeof Server;
  const server = await startServer(config, { embedded });
  // Starting leaves some 30 MB of garbage (compiled modules, migrations). Where gc() is exposed (`npm start` and the
  // image pass --expose-gc), one full collection a second after listening gives it back at once. They also pass
  // --no-memory-reducer: V8's memory reducer waits for a quiet moment to compact the heap, and its collections (pauses
  // of 25-35 ms on this heap, measured with --trace-gc) ran on into the next burst of posts: the worst runs of the
  // fan-out bench. What it would give back later, the young generation grown at start (up to 32 MB, empty), stays.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) setTimeout(gc, 1000).unref();
  // Closes Nest (sockets, HTTP, the database pool) and then the embedded database, on SIGTERM or Ctrl-C.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((error: unknown) => {
  // A ConfigError (say REDIS_URL unreachable) already names the variable; either way one line, no stack trace.
  const prefix = error instanceof ConfigError ? 'Configuration error' : 'Failed to start';
  process.stderr.write(`${prefix}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
