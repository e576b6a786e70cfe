import { timestamp } from 'drizzle-orm/pg-core';

/** The created/updated pair most tables carry; spread into a table definition. */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
