/**
 * The real server in a child process, configured by its environment like `npm start`, so a test can kill it
 * with SIGKILL. Reports `{ready: true, url}` to the parent over IPC once it listens.
 */
import 'reflect-metadata';
import { loadConfig } from '../../src/config/app-config';
import { startServer } from '../../src/server';

startServer(loadConfig(process.env), { port: 0 }).then(
  (server) => process.send!({ ready: true, url: server.url }),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
