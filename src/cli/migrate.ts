import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { ConfigError } from '../config/environment';
import { dataSourceOptions } from '../database/data-source-options';
import { EmbeddedDatabase } from '../database/embedded-database';
import { migrate } from '../database/migrate';

/** `npm run migration:run`: the same migrations the server runs at start, on PostgreSQL or the embedded database. */
async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : await EmbeddedDatabase.start(config.dataDir);
  const connection = { url: config.databaseUrl ?? embedded!.url, embedded: embedded !== null };
  const dataSource = new DataSource(dataSourceOptions(connection));
  try {
    await dataSource.initialize();
    const applied = await migrate(dataSource, connection);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  const prefix = error instanceof ConfigError ? 'Configuration error' : 'Migration failed';
  process.stderr.write(`${prefix}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
