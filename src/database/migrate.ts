import { DataSource } from 'typeorm';

// Any constant works; it only has to be the same for every node that migrates this database.
const MIGRATION_LOCK = 7_262_024;

/**
 * Runs pending migrations. On a shared PostgreSQL several nodes may start at once, so they queue on an
 * advisory lock; the embedded database has one connection and one process, so it needs none.
 */
export async function migrate(dataSource: DataSource, { embedded }: { embedded: boolean }): Promise<string[]> {
  if (embedded) return names(await dataSource.runMigrations({ transaction: 'all' }));
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return names(await dataSource.runMigrations({ transaction: 'all' }));
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.release();
  }
}

function names(migrations: { name: string }[]): string[] {
  return migrations.map((migration) => migration.name);
}
