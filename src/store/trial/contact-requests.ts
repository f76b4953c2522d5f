// Contact requests from the public study page (migration 0004): written by no account (the
// audit trail names `system:public`), read by the site staff who call the patients back. The
// drizzle definition lives here rather than in schema-conduct.ts because nothing else uses it.
import { and, eq, inArray, isNull, or, sql as raw } from 'drizzle-orm';
import { boolean, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { issue } from '../../domain/result.ts';
import { audited } from '../audit.ts';
import type { Db, Sql } from '../db.ts';
import { orm } from '../orm.ts';
import { site, study } from '../schema.ts';
import { InvalidInput } from './refusal.ts';
import { siteByCode, studyByCode } from './study.ts';

export const contactRequest = pgTable('contact_request', {
  id: uuid('id').primaryKey().default(raw`gen_random_uuid()`),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  studyId: uuid('study_id')
    .notNull()
    .references(() => study.id),
  siteId: uuid('site_id').references(() => site.id),
  name: text('name').notNull(),
  phone: text('phone').notNull(),
  language: text('language').notNull(),
  answers: jsonb('answers'),
  consent: boolean('consent').notNull(),
  status: text('status').$type<'new' | 'contacted' | 'closed'>().notNull().default('new'),
});
export type ContactRequestRow = typeof contactRequest.$inferSelect;

/** Who writes a contact request: the public, not an account (a colon cannot occur in a username). */
export const publicActor = 'system:public';

export interface NewContactRequest {
  readonly study: string;
  readonly site?: string | undefined;
  readonly name: string;
  readonly phone: string;
  readonly language: string;
  readonly answers?: unknown;
  readonly consent: boolean;
}

/** Stores the request; refused (nothing stored) without the patient's consent. */
export async function addContactRequest(db: Db, input: NewContactRequest): Promise<ContactRequestRow> {
  if (input.consent !== true) throw new InvalidInput(issue(['consent'], 'consent_required'));
  return audited(db, { user: publicActor }, async (tx) => {
    const s = await studyByCode(tx.sql, input.study);
    const st = input.site ? await knownSite(tx.sql, s.id, input.site) : null;
    return tx.insert(contactRequest, {
      studyId: s.id,
      siteId: st?.id ?? null,
      name: input.name.trim(),
      phone: input.phone.trim(),
      language: input.language,
      answers: input.answers ?? null,
      consent: true,
    });
  });
}

/** The site the patient named; a code the study does not have is bad input, not a missing record. */
async function knownSite(sql: Sql, studyId: string, code: string) {
  try {
    return await siteByCode(sql, studyId, code);
  } catch {
    const sites = await orm(sql).select({ code: site.code }).from(site).where(eq(site.studyId, studyId));
    throw new InvalidInput(issue(['site'], 'invalid_choice', { value: code, allowed: sites.map((x) => x.code).sort() }));
  }
}

/** The requests of a study for the given sites, plus those that named no site. */
export async function contactRequestsOf(sql: Sql, studyId: string, siteIds: readonly string[] | 'all'): Promise<ContactRequestRow[]> {
  const bySite = siteIds === 'all' ? undefined : siteIds.length ? or(isNull(contactRequest.siteId), inArray(contactRequest.siteId, [...siteIds])) : isNull(contactRequest.siteId);
  const rows = await orm(sql)
    .select()
    .from(contactRequest)
    .where(bySite ? and(eq(contactRequest.studyId, studyId), bySite) : eq(contactRequest.studyId, studyId));
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
