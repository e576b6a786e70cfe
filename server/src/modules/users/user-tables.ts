import { LANGUAGES } from '@examtech/core';
import { sql } from 'drizzle-orm';
import { boolean, index, pgEnum, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from '../../platform/db/columns.js';
import { institutes } from '../institutes/institute-tables.js';

export const userRole = pgEnum('user_role', [
  'platform_operator',
  'institute_admin',
  'teacher',
  'proctor',
  'student',
]);

/** The interface languages a user can pick (the same codes as the core's question languages). */
export const uiLanguage = pgEnum('ui_language', LANGUAGES);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Null only for platform operators, who stand outside every institute.
    instituteId: uuid('institute_id').references(() => institutes.id, { onDelete: 'restrict' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: userRole('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    phone: text('phone'),
    rollNumber: text('roll_number'),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    // The language the web app's chrome is shown in for this user (remembered across devices).
    uiLanguage: uiLanguage('ui_language').notNull().default('en'),
    ...timestamps,
  },
  (t) => [
    // Emails are stored lower-cased; login is by email across the platform.
    uniqueIndex('users_email_key').on(t.email),
    index('users_institute_role_idx').on(t.instituteId, t.role),
    uniqueIndex('users_institute_roll_key')
      .on(t.instituteId, t.rollNumber)
      .where(sql`${t.rollNumber} is not null`),
  ],
);
