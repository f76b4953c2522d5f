// Builds the lookup indexes from a validated, merged code-table document.
import type { ConditionKind, MedicationClass, ObservationFeature } from '../domain/eligibility/patient-record.ts';
import { fail, type Issue, issue, ok, type Result } from '../domain/result.ts';
import { Analyte, Dimension } from '../domain/units/index.ts';
import type { CodeTableDocument } from './code-tables-schema.ts';
import type {
  CodeTables,
  CodedResult,
  ConditionMapping,
  FeatureUnits,
  InspiredOxygenKind,
  MedicationMapping,
  ObservationMapping,
} from './code-tables-types.ts';

type MutableIndex<T> = Map<string, Map<string, T>>;
interface Coding {
  readonly system: string;
  readonly code: string;
}

function put<T>(index: MutableIndex<T>, coding: Coding, value: T): void {
  let codes = index.get(coding.system);
  if (!codes) {
    codes = new Map();
    index.set(coding.system, codes);
  }
  codes.set(coding.code, value);
}

const has = (index: MutableIndex<unknown>, c: Coding) => index.get(c.system)?.has(c.code) === true;

/** Spelling-insensitive unit key for units FirstDose cannot convert: "[IU]/mL", "IU/ml" → "iu/ml". */
export const unitSpellingKey = (unit: string) => unit.replace(/[\s[\]]/g, '').toLowerCase();

/** Drug names compare in lower case with single spaces and one kind of apostrophe. */
export const drugNameKey = (name: string) => name.normalize('NFKC').replace(/[\u2018\u2019`´]/g, "'").toLowerCase().replace(/\s+/g, ' ').trim();

/** Matches `name` not inside a longer word: "telitacicept 80 mg" but not "pretelitacicept". */
const wholeWord = (name: string) => new RegExp(`(?:^|[^\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\p{L}\\p{N}])`, 'u');

const dimensions = new Set<string>(Object.values(Dimension));

function compileObservations(doc: CodeTableDocument, issues: Issue[]) {
  const observations: MutableIndex<ObservationMapping> = new Map();
  const featureUnits = new Map<ObservationFeature, FeatureUnits>();
  const doNotMap: MutableIndex<true> = new Map();
  for (const table of Object.values(doc.observations ?? {})) for (const c of table?.doNotMap ?? []) put(doNotMap, c, true);
  for (const [key, table] of Object.entries(doc.observations ?? {})) {
    if (key === 'inspiredOxygen' || !table) continue;
    const feature = key as ObservationFeature;
    const dims = new Set<string>();
    const arbitrary = new Map<string, string>();
    (table.codes ?? []).forEach((c, i) => {
      if (has(doNotMap, c)) return;
      const other = observations.get(c.system)?.get(c.code);
      if (other && other.feature !== feature)
        issues.push(issue(['observations', feature, 'codes', i], 'duplicate_code', { system: c.system, code: c.code, features: [other.feature, feature] }));
      put(observations, c, { feature, system: c.system, code: c.code, kind: c.kind, role: c.role });
      if (c.unitFamily === undefined) return;
      if (dimensions.has(c.unitFamily)) dims.add(c.unitFamily);
      else for (const unit of c.units ?? []) if (!arbitrary.has(unitSpellingKey(unit))) arbitrary.set(unitSpellingKey(unit), unit);
    });
    const analyte = Object.hasOwn(Analyte, feature) ? Analyte[feature as Analyte] : undefined;
    featureUnits.set(feature, analyte ? { dimensions: dims, arbitrary, analyte } : { dimensions: dims, arbitrary });
  }
  const inspiredOxygen: MutableIndex<InspiredOxygenKind> = new Map();
  for (const c of doc.observations?.inspiredOxygen?.codes ?? [])
    put(inspiredOxygen, c, c.unitFamily === Dimension.fraction ? 'concentration' : 'flow');
  const roomAirAnswers: MutableIndex<true> = new Map();
  for (const c of doc.observations?.inspiredOxygen?.roomAirAnswers ?? []) put(roomAirAnswers, c, true);
  return { observations, featureUnits, inspiredOxygen, roomAirAnswers };
}

function compileConditions(doc: CodeTableDocument) {
  const conditions: MutableIndex<ConditionMapping> = new Map();
  const pregnancyObservations: MutableIndex<true> = new Map();
  const pregnancyValues: MutableIndex<boolean> = new Map();
  const kinds = ['sle', 'gilbert', 'pregnancy'] as const satisfies readonly ConditionKind[];
  for (const kind of kinds) {
    const table = doc.conditions?.[kind];
    for (const c of [...(table?.codes ?? []), ...(table?.legacyCodes ?? [])]) put(conditions, c, { kind, excluded: false });
  }
  // Exclusions last, so that they win over any list that also names the code.
  for (const kind of kinds) for (const c of doc.conditions?.[kind]?.excludeCodes ?? []) put(conditions, c, { kind, excluded: true });
  const pregnancy = doc.conditions?.pregnancy?.observation;
  for (const c of pregnancy?.codes ?? []) put(pregnancyObservations, c, true);
  for (const c of pregnancy?.pregnantValues ?? []) put(pregnancyValues, c, true);
  for (const c of pregnancy?.notPregnantValues ?? []) put(pregnancyValues, c, false);
  return { conditions, pregnancyObservations, pregnancyValues };
}

function compileMedications(doc: CodeTableDocument) {
  const m = doc.medications ?? {};
  const atc = new Map<string, MedicationMapping>();
  const add = (codes: Readonly<Record<string, string>> | undefined, cls: MedicationClass, noConversion = false) => {
    for (const [code, agent] of Object.entries(codes ?? {}))
      atc.set(code, noConversion ? { class: cls, agent: drugNameKey(agent), noConversion } : { class: cls, agent: drugNameKey(agent) });
  };
  add(m.corticosteroid?.drugs, 'corticosteroid');
  add(m.corticosteroid?.inPrefixWithoutConversion, 'corticosteroid', true);
  for (const code of m.hydroxychloroquine?.atc ?? []) atc.set(code, { class: 'hydroxychloroquine', agent: 'hydroxychloroquine' });
  add(m.immunosuppressant?.atc, 'immunosuppressant');
  add(m.growthFactor?.examples, 'growth-factor');
  add(m.growthFactor?.atc, 'growth-factor');
  const prefixes = [
    ...(m.corticosteroid?.atcPrefixes ?? []).map((prefix) => ({ prefix, class: 'corticosteroid' as const })),
    ...(m.growthFactor?.atcPrefixes ?? []).map((prefix) => ({ prefix, class: 'growth-factor' as const })),
  ].sort((a, b) => b.prefix.length - a.prefix.length);
  const review = new Set([...Object.keys(m.immunosuppressant?.reviewCodes ?? {}), ...Object.keys(m.growthFactor?.reviewCodes ?? {})]);
  const names: { name: string; pattern: RegExp; mapping: MedicationMapping }[] = [];
  const localCodes: MutableIndex<MedicationMapping> = new Map();
  for (const [agent, match] of Object.entries(m.immunosuppressant?.withoutAtc ?? {})) {
    const mapping: MedicationMapping = { class: 'immunosuppressant', agent: drugNameKey(agent) };
    for (const raw of new Set([agent, ...(match.names ?? [])].map(drugNameKey))) names.push({ name: raw, pattern: wholeWord(raw), mapping });
    for (const c of match.codes ?? []) put(localCodes, c, mapping);
  }
  return { atcSystem: m.system ?? 'http://www.whocc.no/atc', atc, prefixes, review, names, localCodes };
}

export function compileTables(doc: CodeTableDocument): Result<CodeTables> {
  const issues: Issue[] = [];
  const observations = compileObservations(doc, issues);
  const results: MutableIndex<CodedResult> = new Map();
  for (const result of ['positive', 'negative', 'indeterminate'] as const) for (const c of doc.results?.[result] ?? []) put(results, c, result);
  const procedures: MutableIndex<'transfusion'> = new Map();
  for (const c of doc.procedures?.transfusion?.codes ?? []) put(procedures, c, 'transfusion');
  if (issues.length > 0) return fail(...issues);
  return ok({ document: doc, ...observations, results, ...compileConditions(doc), procedures, medications: compileMedications(doc) });
}
