import { createDatabase } from './test-database';

/** One fresh database per run, migrated once; test files share it and keep apart by making their own data. */
export default async function globalSetup(): Promise<void> {
  const name = `forum_test_${Date.now()}_${process.pid}`;
  process.env.TEST_DATABASE_NAME = name;
  process.env.TEST_DATABASE_URL = await createDatabase(name);
}
