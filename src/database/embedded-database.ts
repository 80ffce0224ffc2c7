import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DataDirLock, lockDataDir } from './data-dir-lock';

/**
 * PGlite's settings. Its default shared_buffers is PostgreSQL's 128 MB, which PGlite's WebAssembly memory holds
 * resident from the start: most of an idle embedded server's RSS. 16 MB (2,048 pages) holds the hot part of a forum
 * this size, and the operating system's page cache keeps the rest of the data files at hand (`npm run bench --
 * startup`). The WebAssembly memory cannot start below the 128 MB PGlite's build declares (`initialMemory`), but
 * only the pages PostgreSQL touches count.
 */
export function pgliteOptions(): PGliteOptions {
  return { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'] };
}

/**
 * PostgreSQL in-process (PGlite), served on a unix socket so TypeORM's ordinary `pg` driver talks to it.
 * PGlite is a single session: the pool that connects here must hold exactly one connection.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly socketPath: string,
    private readonly lock: DataDirLock,
    readonly url: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedDatabase> {
    // First, before anything touches the folder: a second server on it refuses here, naming the first.
    const lock = lockDataDir(dataDir);
    try {
      const socketDir = dataDir;
      // pg looks for `<dir>/.s.PGSQL.<port>`; a crash can leave the file behind and block the bind. Only the lock's
      // owner gets here, so the file removed is never a running server's.
      const socketPath = join(socketDir, '.s.PGSQL.5432');
      rmSync(socketPath, { force: true });
      const pgliteDir = join(dataDir, 'pglite');
      await initialise(pgliteDir);
      const db = await PGlite.create(pgliteDir, pgliteOptions());
      const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
      await server.start();
      const url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`;
      return new EmbeddedDatabase(db, server, socketPath, lock, url);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  async stop(): Promise<void> {
    try {
      await this.server.stop();
      await this.db.close();
      rmSync(this.socketPath, { force: true });
    } finally {
      this.lock.release();
    }
  }
}

/**
 * A new data folder is made in a child process: from the empty-database archive the install prepared
 * (scripts/pglite-template.mjs) in about a second, else by PGlite's initdb, which takes several. PGlite runs either
 * in more WebAssembly instances, whose memory this process would keep long after (about 500 MB of RSS, given back
 * only at a full GC, which an idle server never has); a child's goes back to the system when it exits.
 */
async function initialise(pgliteDir: string): Promise<void> {
  if (existsSync(join(pgliteDir, 'PG_VERSION'))) return;
  const template = templatePath();
  const script = `const { PGlite } = require(${JSON.stringify(require.resolve('@electric-sql/pglite'))});
    const [dir, options, template] = process.argv.slice(1);
    const from = template ? { loadDataDir: new Blob([require('node:fs').readFileSync(template)]) } : {};
    PGlite.create(dir, { ...JSON.parse(options), ...from }).then((db) => db.close())`;
  await promisify(execFile)(process.execPath, [
    '-e',
    script,
    pgliteDir,
    JSON.stringify(pgliteOptions()),
    existsSync(template) ? template : '',
  ]);
}

/** Where the install put the empty-database archive: beside PGlite, named by its version (see the script). */
function templatePath(): string {
  const packageDir = dirname(dirname(require.resolve('@electric-sql/pglite')));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  return join(packageDir, '..', '..', '.cache', 'sora-debate-forum', `pglite-${version}.tgz`);
}
