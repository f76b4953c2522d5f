// Drizzle definitions of the tables the migrations create, for typed rows ($inferSelect) and
// typed queries (orm.ts). The SQL files are the source of the schema; schema.test.ts checks that
// these definitions name the same columns as the database.
import { sql } from 'drizzle-orm';
import { SubjectStatus } from '../domain/conduct/lifecycle.ts';
import { bigint, customType, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** The columns every audited table has: id, version (optimistic locking), created_at (server time). */
const audited = {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
};

export const study = pgTable('study', {
  ...audited,
  code: text('code').notNull().unique(),
  title: text('title').notNull(),
});

export const site = pgTable('site', {
  ...audited,
  studyId: uuid('study_id')
    .notNull()
    .references(() => study.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
});

// The lifecycle is the domain's (src/domain/conduct/lifecycle.ts), which also checks its transitions.
export { SubjectStatus };

export const subject = pgTable('subject', {
  ...audited,
  studyId: uuid('study_id')
    .notNull()
    .references(() => study.id),
  siteId: uuid('site_id').notNull(),
  screeningNumber: text('screening_number').notNull(),
  status: text('status').$type<SubjectStatus>().notNull().default('screening'),
  doseLevel: integer('dose_level'),
  cohort: integer('cohort'),
  enrolledOn: date('enrolled_on'),
});

export const auditLog = pgTable('audit_log', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  operation: text('operation').$type<'INSERT' | 'UPDATE' | 'DELETE'>().notNull(),
  field: text('field'),
  oldValue: jsonb('old_value'),
  newValue: jsonb('new_value'),
  userId: text('user_id').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  reason: text('reason'),
  prevHash: bytea('prev_hash').notNull(),
  hash: bytea('hash').notNull(),
});

export type Study = typeof study.$inferSelect;
export type Site = typeof site.$inferSelect;
export type Subject = typeof subject.$inferSelect;
export type AuditRecord = typeof auditLog.$inferSelect;
