// The shape of a code-table document: `code-tables/default.json` and every site extension share it.
// Every section is optional so that an extension states only what it adds; objects are strict so a
// misspelt key ("cods") is an error naming the field instead of a table that silently maps nothing.
// Conventions (kinds, roles, unit families) are documented in default.json itself and SOURCES.md.
import { z } from 'zod';
import { glucocorticoids } from '../domain/scores/prednisone-equivalent.ts';
import { Dimension } from '../domain/units/index.ts';

export const CodeKind = { quantity: 'quantity', titer: 'titer', ordinal: 'ordinal', coded: 'coded' } as const;
export type CodeKind = (typeof CodeKind)[keyof typeof CodeKind];

export const CodeRole = { primary: 'primary', alternate: 'alternate', lowPreference: 'lowPreference', deprecated: 'deprecated' } as const;
export type CodeRole = (typeof CodeRole)[keyof typeof CodeRole];

/**
 * Unit families: FirstDose's unit dimensions, plus families the unit table does not know yet. A value
 * in such a family is kept only in a unit the table lists for its code (no conversion is possible).
 */
export const arbitraryUnitFamilies = ['arbitrary-concentration'] as const;
const unitFamilies: [string, ...string[]] = [...arbitraryUnitFamilies, ...Object.values(Dimension)];

const text = z.string().min(1);
const system = z.string().min(1);
const code = z.string().min(1);

/** A coding that identifies something (a result, an answer, an excluded code). */
const Coding = z.strictObject({ system, code, display: text.optional(), note: text.optional(), reason: text.optional(), kind: text.optional() });

const ObservationCode = z
  .strictObject({
    system,
    code,
    display: text.optional(),
    kind: z.enum(['quantity', 'titer', 'ordinal', 'coded']),
    unitFamily: z.enum(unitFamilies).optional(),
    units: z.array(text).optional(),
    role: z.enum(['primary', 'alternate', 'lowPreference', 'deprecated']).default('alternate'),
    specimen: text.optional(),
    note: text.optional(),
  })
  .refine((c) => (c.kind !== 'quantity' && c.kind !== 'titer') || c.unitFamily !== undefined, {
    params: { code: 'required' },
    path: ['unitFamily'],
  });
export type ObservationCodeEntry = z.infer<typeof ObservationCode>;

const ReviewCode = Coding.extend({ unitFamily: text.optional(), units: z.array(text).optional() });

const ObservationTable = z.strictObject({
  label: text.optional(),
  codes: z.array(ObservationCode).optional(),
  /** Look-alike codes that measure something else; a site may list a default code here to stop mapping it. */
  doNotMap: z.array(Coding).optional(),
  reviewCodes: z.array(ReviewCode).optional(),
  components: z.record(z.string(), text).optional(),
  roomAirAnswers: z.array(Coding).optional(),
});

const observationKeys = [
  'anc', 'alc', 'hemoglobin', 'inr', 'aptt', 'lvef', 'spo2', 'alt', 'ast', 'bilirubin',
  'creatinine', 'weight', 'c3', 'c4', 'antiDsDna', 'anaTiter', 'urineHcg', 'inspiredOxygen',
] as const;
const Observations = z.strictObject(Object.fromEntries(observationKeys.map((k) => [k, ObservationTable.optional()])) as Record<
  (typeof observationKeys)[number],
  z.ZodOptional<typeof ObservationTable>
>);

const ConditionTable = z.strictObject({
  label: text.optional(),
  matchDescendants: text.optional(),
  codes: z.array(Coding.extend({ role: z.enum(['primary', 'alternate']).optional() })).optional(),
  legacyCodes: z.array(Coding).optional(),
  reviewCodes: z.array(Coding).optional(),
  excludeCodes: z.array(Coding).optional(),
  /** Pregnancy status sent as an Observation (LOINC 82810-3) rather than a Condition. */
  observation: z
    .strictObject({
      note: text.optional(),
      codes: z.array(Coding).optional(),
      pregnantValues: z.array(Coding).optional(),
      notPregnantValues: z.array(Coding).optional(),
    })
    .optional(),
});

/** A full 7-character ATC code (A10BA02) or, for prefixes, any of its upper levels (A, A10, A10B, A10BA). */
const AtcCode = z.string().regex(/^[A-Z]\d{2}[A-Z]{2}\d{2}$/, 'ATC code');
const AtcPrefix = z.string().regex(/^[A-Z](\d{2}([A-Z]([A-Z](\d{2})?)?)?)?$/, 'ATC prefix');
const agentName = z.string().regex(/^\S(.*\S)?$/, 'agent name');

const NameMatch = z.strictObject({
  names: z.array(text).optional(),
  /** Local, RxNorm or NMPA codes for a drug without an ATC code. */
  codes: z.array(Coding).optional(),
  note: text.optional(),
});

const Medications = z.strictObject({
  system: system.optional(),
  matching: text.optional(),
  corticosteroid: z
    .strictObject({
      label: text.optional(),
      atcPrefixes: z.array(AtcPrefix).optional(),
      /** Only drugs the prednisone-equivalent table converts; the others go below. */
      drugs: z.record(AtcCode, z.enum(glucocorticoids as [string, ...string[]])).optional(),
      inPrefixWithoutConversion: z.record(AtcCode, agentName).optional(),
      note: text.optional(),
    })
    .optional(),
  hydroxychloroquine: z.strictObject({ label: text.optional(), atc: z.array(AtcCode).optional() }).optional(),
  immunosuppressant: z
    .strictObject({
      label: text.optional(),
      atc: z.record(AtcCode, agentName).optional(),
      withoutAtc: z.record(agentName, NameMatch).optional(),
      formerCodes: z
        .array(z.strictObject({ former: AtcCode, current: AtcCode, drug: agentName, validFrom: text.optional(), note: text.optional() }))
        .optional(),
      reviewCodes: z.record(AtcCode, text).optional(),
      note: text.optional(),
    })
    .optional(),
  growthFactor: z
    .strictObject({
      label: text.optional(),
      atcPrefixes: z.array(AtcPrefix).optional(),
      atc: z.record(AtcCode, agentName).optional(),
      examples: z.record(AtcCode, agentName).optional(),
      reviewCodes: z.record(AtcCode, text).optional(),
      doNotUsePrefix: z.record(AtcPrefix, text).optional(),
    })
    .optional(),
});

const Procedures = z.strictObject({
  transfusion: z.strictObject({ label: text.optional(), matchDescendants: text.optional(), codes: z.array(Coding.extend({ role: z.enum(['primary', 'alternate']).optional() })).optional() }).optional(),
});

export const CodeTableDocument = z.strictObject({
  version: text.optional(),
  description: text.optional(),
  /** Free text describing the conventions; not read by the code. */
  conventions: z.record(z.string(), z.unknown()).optional(),
  observations: Observations.optional(),
  results: z.strictObject({ positive: z.array(Coding).optional(), negative: z.array(Coding).optional(), indeterminate: z.array(Coding).optional() }).optional(),
  conditions: z.strictObject({ sle: ConditionTable.optional(), gilbert: ConditionTable.optional(), pregnancy: ConditionTable.optional() }).optional(),
  medications: Medications.optional(),
  procedures: Procedures.optional(),
});
export type CodeTableDocument = z.infer<typeof CodeTableDocument>;
