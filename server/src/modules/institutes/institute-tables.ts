import { LEADERBOARD_NAME_MODES } from '@examtech/core';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/columns.js';
import { DEFAULT_TIME_ZONE } from './institute-time-zone.js';

// One schema for PGlite and PostgreSQL 15: keep to features both have.

export const institutes = pgTable('institutes', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  /** What students see of other students' names on leaderboards (staff always see names). */
  leaderboardNames: text('leaderboard_names', { enum: LEADERBOARD_NAME_MODES }).notNull().default('full'),
  /** The IANA zone staff type and read exam times in (checked by isTimeZoneName before it is stored). */
  timeZone: text('time_zone').notNull().default(DEFAULT_TIME_ZONE),
  ...timestamps,
});
