import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/**
 * PostgreSQL in-process (PGlite), served on a unix socket so TypeORM's ordinary `pg` driver talks to it.
 * PGlite is a single session: the pool that connects here must hold exactly one connection.
 */
export class EmbeddedDatabase {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly socketPath: string,
    readonly url: string,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedDatabase> {
    mkdirSync(dataDir, { recursive: true });
    const socketDir = dataDir;
    // pg looks for `<dir>/.s.PGSQL.<port>`; a crash can leave the file behind and block the bind.
    const socketPath = join(socketDir, '.s.PGSQL.5432');
    rmSync(socketPath, { force: true });
    const db = await PGlite.create(join(dataDir, 'pglite'));
    const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
    await server.start();
    const url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`;
    return new EmbeddedDatabase(db, server, socketPath, url);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    rmSync(this.socketPath, { force: true });
  }
}
