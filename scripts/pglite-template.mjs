// Prepares, once per install, an empty PGlite data folder as an archive (npm's postinstall): a new embedded database
// then starts from it in about a second instead of running initdb, which takes several (src/database/embedded-database.ts
// reads it from the same place). Never fails the install: without the archive the server runs initdb as before.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** `<node_modules>/.cache/sora-debate-forum/pglite-<version>.tgz`, beside the PGlite it was made with. */
export function templatePath() {
  const entry = require.resolve('@electric-sql/pglite');
  const packageDir = dirname(dirname(entry));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  return join(packageDir, '..', '..', '.cache', 'sora-debate-forum', `pglite-${version}.tgz`);
}

async function main() {
  const target = templatePath();
  if (existsSync(target)) return;
  const { PGlite } = require('@electric-sql/pglite');
  const scratch = mkdtempSync(join(tmpdir(), 'pglite-template-'));
  try {
    const db = await PGlite.create(join(scratch, 'data'));
    const archive = Buffer.from(await (await db.dumpDataDir('gzip')).arrayBuffer());
    await db.close();
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(`${target}.partial`, archive);
    renameSync(`${target}.partial`, target);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.log(`(No empty-database template prepared: ${error.message}. New embedded databases run initdb instead.)`);
});
