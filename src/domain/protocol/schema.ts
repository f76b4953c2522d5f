// A study protocol as data (protocols/*.yaml|json): identity, dose levels and the escalation
// design, DLT window and sentinel dosing, the visit schedule, site reference ranges, the criteria
// in the rule language, and every ambiguity of the source text as a named switch with its default.
// Protocol files are versioned: an amendment is a new file version, and every result records the
// version it used.
import { z } from 'zod';
import { Rule } from '../eligibility/rules.ts';
import { observationFeatures } from '../eligibility/patient-record.ts';
import { QuantitySchema } from '../units/index.ts';
import { customIssue } from '../validation.ts';
import { ruleIssues } from './check-rules.ts';

/** Text in both languages FirstDose speaks. */
export const Localised = z.strictObject({ en: z.string().min(1), 'zh-CN': z.string().min(1) });
export type Localised = z.infer<typeof Localised>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const Site = z.strictObject({
  id: z.string().min(1),
  name: Localised,
  city: z.string(),
  country: z.string(),
  status: z.enum(['recruiting', 'not-yet-recruiting', 'closed']).default('recruiting'),
});

export const DoseLevel = z.strictObject({
  level: z.int().min(1),
  label: z.string().min(1),
  /** Null while the amount is not public or not yet fixed. */
  amount: QuantitySchema.nullable().default(null),
  description: Localised.optional(),
});

export const EscalationDesignSpec = z.strictObject({
  design: z.enum(['3+3', 'boin', 'crm']),
  cohortSize: z.int().min(1),
  maxCohorts: z.int().min(1).optional(),
  target: z.number().gt(0).lt(1).optional(),
  variant: z.enum(['a', 'b', 'c']).optional(),
  skeleton: z.array(z.number().gt(0).lt(1)).optional(),
  /** Trials may enrol beyond the planned N when a design rule calls for it (3+3 expansion). */
  allowBeyondPlannedN: z.boolean().default(true),
});

export const Sentinel = z.strictObject({
  /** Patients dosed first in each new cohort and observed before the rest. */
  count: z.int().min(0),
  waitDays: z.int().min(0),
});

export const Visit = z.strictObject({
  id: z.string().min(1),
  name: Localised,
  /** Day relative to the first dose (day 0). */
  day: z.int(),
  windowBefore: z.int().min(0).default(0),
  windowAfter: z.int().min(0).default(0),
  assessments: z.array(z.string()).default([]),
});

export const ReferenceRange = z.strictObject({ unit: z.string(), lln: z.number().optional(), uln: z.number().optional() });

export const Criterion = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** For an exclusion, the rule describes the excluding condition; `met` is reported when it does not hold. */
  kind: z.enum(['inclusion', 'exclusion']),
  text: Localised,
  rule: Rule,
});
export type Criterion = z.infer<typeof Criterion>;

export const Switch = z.strictObject({
  description: Localised,
  options: z.array(z.string().min(1)).min(2),
  default: z.string().min(1),
  /** The value in force when the protocol owner has decided; else the default applies. */
  value: z.string().optional(),
});

export const Protocol = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    version: z.string().min(1),
    effectiveDate: IsoDate,
    supersedes: z.string().optional(),
    identity: z.strictObject({
      registryId: z.string().min(1),
      title: Localised,
      shortTitle: z.string().optional(),
      sponsor: z.string().min(1),
      collaborators: z.array(z.string()).default([]),
      phase: z.string(),
      indication: Localised,
      plannedParticipants: z.int().min(1),
      sites: z.array(Site).min(1),
    }),
    doseLevels: z.array(DoseLevel).min(1),
    escalation: EscalationDesignSpec,
    dlt: z.strictObject({ windowDays: z.int().min(1).default(28), anchor: z.enum(['first-dose', 'each-dose']).default('first-dose') }),
    sentinel: Sentinel,
    cohortCompleteBeforeEscalation: z.boolean().default(true),
    srcApprovalRequired: z.boolean().default(true),
    screening: z.strictObject({
      /** Labs older than this many days before the screening date are stale. */
      windowDays: z.int().min(1).default(28),
    }),
    visits: z.array(Visit).default([]),
    referenceRanges: z.partialRecord(z.enum(observationFeatures), ReferenceRange).default({}),
    switches: z.record(z.string(), Switch).default({}),
    criteria: z.array(Criterion).min(1),
  })
  .superRefine((p, ctx) => {
    p.doseLevels.forEach((d, i) => {
      if (d.level !== i + 1) ctx.addIssue({ ...customIssue('invalid_value', { value: d.level }), path: ['doseLevels', i, 'level'] });
    });
    const ids = new Set<string>();
    p.criteria.forEach((c, i) => {
      if (ids.has(c.id)) ctx.addIssue({ ...customIssue('duplicate_id', { id: c.id }), path: ['criteria', i, 'id'] });
      ids.add(c.id);
    });
    for (const [name, s] of Object.entries(p.switches)) {
      if (!s.options.includes(s.default)) ctx.addIssue({ ...customIssue('invalid_choice', { value: s.default, allowed: s.options }), path: ['switches', name, 'default'] });
      if (s.value !== undefined && !s.options.includes(s.value))
        ctx.addIssue({ ...customIssue('invalid_choice', { value: s.value, allowed: s.options }), path: ['switches', name, 'value'] });
    }
    for (const i of ruleIssues(p)) ctx.addIssue({ ...customIssue(i.code, i.params), path: [...i.path] });
  });
export type Protocol = z.infer<typeof Protocol>;
export type ProtocolInput = z.input<typeof Protocol>;

/** The value a switch has in this protocol version: the decided value, else the default. */
export function switchValue(protocol: Protocol, name: string): string | undefined {
  const s = protocol.switches[name];
  return s ? (s.value ?? s.default) : undefined;
}
