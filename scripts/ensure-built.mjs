// Builds the server and the client when their output is missing or older than their sources,
// so `npm start` on a fresh clone (or after a pull) just works. Plain Node: it runs before anything is built.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), 0);
}

function stale(output, sources) {
  const built = existsSync(output) ? statSync(output).mtimeMs : 0;
  return built === 0 || sources.some((source) => newest(join(root, source)) > built);
}

function run(what, command) {
  console.log(`Building the ${what}…`);
  execSync(command, { cwd: root, stdio: 'inherit' });
}

if (stale(join(root, 'dist/src/main.js'), ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json'])) {
  run('server', 'npm run build:server');
}
if (stale(join(root, 'client/dist/index.html'), ['client/src', 'client/index.html', 'client/vite.config.ts'])) {
  run('client', 'npm run build:client');
}
