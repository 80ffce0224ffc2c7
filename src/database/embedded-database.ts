import { execFile } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { once } from 'node:events';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
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
 * What runs in the database's thread: PGlite, served on the unix socket. Plain JavaScript as a string, so the same
 * code runs from the build and from the TypeScript sources under test. It answers `ready` (or throws, which ends the
 * thread with that error), then stops on the first message and ends.
 */
const DATABASE_THREAD = `
  const { parentPort, workerData } = require('node:worker_threads');
  const { PGlite } = require(workerData.pglite);
  const { PGLiteSocketServer } = require(workerData.pgliteSocket);
  (async () => {
    const db = await PGlite.create(workerData.dir, workerData.options);
    // The app's pool holds one connection; the second place lets its replacement in while this side of the old one
    // is still closing (with one place, the new one was reset: a failed request).
    const server = new PGLiteSocketServer({ db, path: workerData.socketPath, maxConnections: 2 });
    await server.start();
    parentPort.once('message', async () => {
      await server.stop();
      await db.close();
      parentPort.close();
    });
    parentPort.postMessage('ready');
  })().catch((error) => setImmediate(() => { throw error; }));
`;

/**
 * PostgreSQL in-process (PGlite), served on a unix socket so TypeORM's ordinary `pg` driver talks to it.
 * PGlite is a single session: the pool that connects here must hold exactly one connection.
 *
 * PGlite runs in a thread of its own. It starts there while the main thread loads the server's modules (`main.ts`
 * starts it first): a restart takes the longer of the two rather than both. And its queries, which run synchronously
 * in WebAssembly, no longer hold up the main thread's HTTP and sockets.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly thread: Worker,
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
      // A folder that exists starts its thread before this function first awaits: main.ts goes straight on to load
      // the server's modules, and anything after an await would wait for all of them.
      if (!existsSync(join(pgliteDir, 'PG_VERSION'))) await initialise(pgliteDir);
      // PGlite's WebAssembly is compiled by Liftoff, V8's baseline compiler, only: the optimising compiler's output
      // and the memory it compiled in stayed resident, 50-75 MB of an idle server (docs/SCALING.md, "Idle memory").
      // Its queries run slower (a page query about 1.5x), which the embedded bench's throughput does not show. Set
      // before the thread compiles; the flag is the process's, and no other WebAssembly here is hot.
      setFlagsFromString('--liftoff-only');
      const thread = new Worker(DATABASE_THREAD, {
        eval: true,
        workerData: {
          pglite: require.resolve('@electric-sql/pglite'),
          pgliteSocket: require.resolve('@electric-sql/pglite-socket'),
          dir: pgliteDir,
          options: pgliteOptions(),
          socketPath,
        },
      });
      await started(thread);
      // The database gone from under a running server is the end of it, as when it ran in this thread.
      thread.on('error', (error) => {
        process.stderr.write(`The embedded database stopped: ${error.message}\n`);
        process.exit(1);
      });
      const url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`;
      return new EmbeddedDatabase(thread, socketPath, lock, url);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  async stop(): Promise<void> {
    try {
      const ended = once(this.thread, 'exit');
      this.thread.postMessage('stop');
      await ended;
      rmSync(this.socketPath, { force: true });
    } finally {
      this.lock.release();
    }
  }
}

/** Resolves once the thread serves, or rejects with what ended it. */
function started(thread: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => {
      thread.off('message', ready);
      thread.off('exit', exited);
      reject(error);
    };
    const exited = (code: number) => failed(new Error(`the embedded database ended (exit code ${code})`));
    const ready = () => {
      thread.off('error', failed);
      thread.off('exit', exited);
      resolve();
    };
    thread.once('message', ready);
    thread.once('error', failed);
    thread.once('exit', exited);
  });
}

/**
 * A new data folder is made in a child process: from the empty-database archive the install prepared
 * (scripts/pglite-template.mjs) in about a second, else by PGlite's initdb, which takes several. PGlite runs either
 * in more WebAssembly instances, whose memory this process would keep long after (about 500 MB of RSS, given back
 * only at a full GC, which an idle server never has); a child's goes back to the system when it exits.
 */
async function initialise(pgliteDir: string): Promise<void> {
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
