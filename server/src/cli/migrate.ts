// `npm run migrate`: applies migrations to the configured database (embedded or DATABASE_URL) and exits.
import { loadConfig } from '../platform/config.js';
import { openDatabase } from '../platform/db/database.js';
import { runMigrations } from '../platform/db/migrate.js';

const config = loadConfig();
const database = await openDatabase(config.database);
try {
  await runMigrations(database);
  console.log(`migrations applied (${config.database.kind})`);
} finally {
  await database.close();
}
