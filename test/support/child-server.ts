import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

export interface ChildServer {
  child: ChildProcess;
  url: string;
}

/** Starts `server-process.ts` with this environment; rejects with its stderr if it exits before it listens. */
export function startChildServer(env: Record<string, string>): Promise<ChildServer> {
  const child = fork(join(__dirname, 'server-process.ts'), [], {
    execArgv: ['-r', '@swc-node/register'],
    env: { PATH: process.env.PATH, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(stderr.trim() || `the server exited with ${code}`)));
    child.once('message', (message: { url: string }) => resolve({ child, url: message.url }));
  });
}

/** SIGKILL: no shutdown hook runs, as when the power goes. */
export function killHard(server: ChildServer): Promise<void> {
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}
