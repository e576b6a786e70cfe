import type { TestProject } from 'vitest/node';
import { preparePgliteTemplate, preparePostgresTemplate } from './databases.js';

// Global setup runs in the main process, where a project's `env` is not applied: read it from the project.
export default async function setup(project: TestProject): Promise<void> {
  if (project.config.env.TEST_DB_MODE === 'postgres') await preparePostgresTemplate();
  else await preparePgliteTemplate();
}
