import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppConfig, loadConfig } from './config/app-config';
import { ConfigError } from './config/environment';
import { startServer } from './server';

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
  const server = await startServer(config);
  new Logger('Server').log(`Listening on http://localhost:${server.port}`);
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
