// Shapes shared by the routes' zod schemas: the request checks and the OpenAPI document come from
// these. Answers are JSON: instants as ISO 8601 strings (see json.ts), dates as YYYY-MM-DD.
import { z } from 'zod';
import { IsoDate as DomainIsoDate, isIsoDate, isIsoInstant } from '../domain/conduct/index.ts';
import { customIssue } from '../domain/validation.ts';
import { Problem } from './problem.ts';

export const IsoDate = DomainIsoDate.meta({ format: 'date', description: "a calendar date, YYYY-MM-DD (the site's calendar)" });

/** A date-time with its zone; `2026-03-02T09:30:00+08:00`. */
export const Instant = z
  .string()
  .superRefine((value, ctx) => {
    if (!isIsoInstant(value)) ctx.addIssue({ ...customIssue('invalid_instant', { value }) });
  })
  .meta({ format: 'date-time', description: 'an instant, ISO 8601 with its zone' });

/** A date (taken as noon at the site) or an instant. */
export const DateOrInstant = z
  .string()
  .superRefine((value, ctx) => {
    if (!isIsoDate(value) && !isIsoInstant(value)) ctx.addIssue({ ...customIssue('invalid_instant', { value }) });
  })
  .meta({ description: 'YYYY-MM-DD (noon at the site) or an ISO 8601 instant with its zone' });

/** Text that must say something: blank is `required`, like an absent field. */
export const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .superRefine((value, ctx) => {
      if (value === '') ctx.addIssue({ ...customIssue('required') });
    });

export const Uuid = z.uuid();
export const StudyCode = Text(64);
export const OutInstant = z.string().describe('ISO 8601 instant (UTC)');

export const AsOfQuery = z.object({ asOf: IsoDate.optional().describe('the date to look from; default today at the site') });
export const StudyParams = z.object({ study: StudyCode });
export const IdParams = z.object({ id: z.string() });
export const Password = z.string().min(1).max(1024);

export const Localised = z.object({ en: z.string(), 'zh-CN': z.string() });

/** The error answers every route may give, besides its success. */
export function answers<T extends Record<number, z.ZodType>>(success: T) {
  return { ...success, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem, 423: Problem, 500: Problem };
}

export const Subject = z
  .object({
    id: Uuid,
    study: z.string(),
    site: z.string(),
    screeningNumber: z.string().describe('the site\'s screening number; for a sponsor viewer a stable pseudonym'),
    pseudonymised: z.boolean(),
    status: z.string(),
    doseLevel: z.int().nullable(),
    cohort: z.int().nullable(),
    enrolledOn: IsoDate.nullable(),
    version: z.int(),
  })
  .meta({ id: 'Subject' });

export const Signature = z
  .object({
    id: Uuid,
    tableName: z.string(),
    rowId: z.string(),
    fullName: z.string(),
    role: z.string(),
    meaning: z.string(),
    contentHash: z.string(),
    createdAt: OutInstant,
    status: z.enum(['valid', 'broken']).optional(),
  })
  .meta({ id: 'Signature' });

export const Observation = z
  .object({
    id: Uuid,
    subjectId: Uuid,
    visitId: Uuid.nullable(),
    kind: z.string(),
    code: z.string(),
    valueNum: z.number().nullable(),
    valueText: z.string().nullable(),
    valueJson: z.unknown(),
    unit: z.string().nullable(),
    refLow: z.number().nullable(),
    refHigh: z.number().nullable(),
    observedAt: OutInstant,
    status: z.string(),
    source: z.string(),
    importId: Uuid.nullable(),
    importRow: z.int().nullable(),
    version: z.int(),
    createdAt: OutInstant,
  })
  .meta({ id: 'Observation' });

export const Visit = z
  .object({
    id: Uuid,
    subjectId: Uuid,
    visitCode: z.string(),
    studyDay: z.int(),
    plannedDate: IsoDate,
    windowStart: IsoDate,
    windowEnd: IsoDate,
    actualDate: IsoDate.nullable(),
    status: z.string(),
    state: z.string().optional().describe('upcoming, due, overdue, done, done-out-of-window, missed, cancelled'),
    sourceRef: z.string().nullable(),
    version: z.int(),
  })
  .meta({ id: 'Visit' });

export const Dose = z
  .object({
    id: Uuid,
    subjectId: Uuid,
    doseLevel: z.int(),
    amount: z.number().nullable(),
    unit: z.string().nullable(),
    startedAt: OutInstant,
    endedAt: OutInstant.nullable(),
    status: z.string(),
    version: z.int(),
  })
  .meta({ id: 'Dose' });

export const AdverseEvent = z
  .object({
    id: Uuid,
    subjectId: Uuid,
    term: z.string(),
    grading: z.string(),
    onsetDate: IsoDate,
    resolvedDate: IsoDate.nullable(),
    gradeAuto: z.int().nullable(),
    grade: z.int(),
    gradeOverrideReason: z.string().nullable(),
    gradingBasis: z.unknown(),
    serious: z.boolean(),
    relatedness: z.string(),
    action: z.string().nullable(),
    outcome: z.string().nullable(),
    dltSuggested: z.boolean().nullable(),
    dltRule: z.string().nullable(),
    dlt: z.enum(['yes', 'no']).nullable(),
    status: z.string(),
    version: z.int(),
    createdAt: OutInstant,
  })
  .meta({ id: 'AdverseEvent' });

export const DataQuery = z
  .object({
    id: Uuid,
    studyId: Uuid,
    subjectId: Uuid.nullable(),
    subject: z.string().nullable().optional().describe('the subject\'s screening number'),
    tableName: z.string(),
    rowId: z.string(),
    field: z.string().nullable(),
    text: z.string(),
    status: z.enum(['open', 'answered', 'closed']),
    answer: z.string().nullable(),
    raisedBy: z.string(),
    automatic: z.boolean(),
    version: z.int(),
    createdAt: OutInstant,
  })
  .meta({ id: 'DataQuery' });

export const Decision = z
  .object({
    id: Uuid,
    studyId: Uuid,
    cohort: z.int(),
    level: z.int(),
    asOf: IsoDate,
    nextLevel: z.int().nullable(),
    overrideReason: z.string().nullable(),
    recommendation: z.unknown(),
    input: z.unknown(),
    version: z.int(),
    createdAt: OutInstant,
  })
  .meta({ id: 'Decision' });
