/* global process, console */
// The reference for the embedded start: PGlite alone in a Node process, with the forum's settings (read from its
// build) and nothing else of ours, created in DATA_DIR in-process, then idle. Answers GET / with 200 once ready, so
// it is timed like the forum. Plain JavaScript, so that no compiler is loaded into what it weighs.
import { createRequire } from 'node:module';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

const { pgliteOptions } = createRequire(import.meta.url)('../../dist/src/database/embedded-database.js');
const db = await PGlite.create(join(process.env.DATA_DIR, 'pglite'), pgliteOptions());
await db.query('SELECT 1');
const server = createServer((req, res) => res.end('ok'));
server.listen(Number(process.env.PORT), '127.0.0.1');
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.once(signal, () => {
    server.close();
    db.close().finally(() => process.exit(0));
  });
}
console.log('PGlite ready');
