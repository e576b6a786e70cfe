import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // Each module defines its own tables (`<m>-tables.ts`); the platform's barrel re-exports them all
  // and adds its own. One migrations folder for the whole schema.
  schema: ['./src/platform/db/schema.ts', './src/modules/*/*-tables.ts'],
  out: './drizzle',
});
