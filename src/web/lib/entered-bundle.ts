// "Enter data" on the screening screen: what the coordinator types becomes FHIR resources in the
// shape of the mapping contract (README "What the bundle must carry"), added to the uploaded
// bundle if there is one. The server screens the result exactly as it screens an export, so the
// checklist for typed data and for a hospital file is one and the same evaluation.
import { type Resource, ResourceFactory } from '../../synth/fhir.ts';

/** Laboratory features a coordinator can type, with their LOINC code and accepted units. */
export const labFeatures = {
  anc: { loinc: '751-8', display: 'Neutrophils [#/volume] in Blood', units: ['10*9/L', '10*3/uL'] },
  alc: { loinc: '731-0', display: 'Lymphocytes [#/volume] in Blood', units: ['10*9/L', '10*3/uL'] },
  hemoglobin: { loinc: '718-7', display: 'Hemoglobin [Mass/volume] in Blood', units: ['g/L', 'g/dL'] },
  inr: { loinc: '6301-6', display: 'INR', units: ['{INR}'] },
  aptt: { loinc: '14979-9', display: 'aPTT', units: ['s'] },
  lvef: { loinc: '10230-1', display: 'Left ventricular Ejection fraction', units: ['%'] },
  spo2: { loinc: '59408-5', display: 'Oxygen saturation by Pulse oximetry', units: ['%'] },
  alt: { loinc: '1742-6', display: 'Alanine aminotransferase', units: ['U/L'] },
  ast: { loinc: '1920-8', display: 'Aspartate aminotransferase', units: ['U/L'] },
  bilirubin: { loinc: '1975-2', display: 'Bilirubin.total', units: ['umol/L', 'mg/dL'] },
  creatinine: { loinc: '2160-0', display: 'Creatinine', units: ['umol/L', 'mg/dL'] },
  weight: { loinc: '29463-7', display: 'Body weight', units: ['kg'] },
  c3: { loinc: '4485-9', display: 'Complement C3', units: ['g/L', 'mg/dL'] },
  c4: { loinc: '4498-2', display: 'Complement C4', units: ['g/L', 'mg/dL'] },
  antiDsDna: { loinc: '5130-0', display: 'DNA double strand Ab', units: ['[IU]/mL'] },
} as const;
export type LabFeature = keyof typeof labFeatures;

/** Drugs of the HN2301 criteria by ATC code (src/fhir/code-tables/default.json). */
export const drugs = {
  H02AB07: 'prednisone',
  H02AB06: 'prednisolone',
  H02AB04: 'methylprednisolone',
  P01BA02: 'hydroxychloroquine',
  L04AA06: 'mycophenolate',
  L04AX01: 'azathioprine',
  L04AX03: 'methotrexate',
  L01AA01: 'cyclophosphamide',
  L04AD02: 'tacrolimus',
  L04AD01: 'ciclosporin',
  L04AK01: 'leflunomide',
  L04AG04: 'belimumab',
  L01FA01: 'rituximab',
} as const;
export type DrugCode = keyof typeof drugs;

export interface LabEntry {
  readonly feature: LabFeature;
  readonly value: string;
  readonly unit: string;
  readonly date: string;
  readonly low: string;
  readonly high: string;
}

export interface MedicationEntry {
  readonly drug: DrugCode;
  readonly doseMg: string;
  readonly timesPerDay: string;
  readonly start: string;
  readonly end: string;
}

export type YesNo = '' | 'yes' | 'no';

export interface EnteredData {
  readonly birthDate: string;
  readonly sex: '' | 'female' | 'male';
  readonly sleOnset: string;
  readonly gilbert: boolean;
  readonly anaDilution: string;
  readonly anaDate: string;
  readonly hcg: '' | 'positive' | 'negative';
  readonly labs: readonly LabEntry[];
  readonly medications: readonly MedicationEntry[];
  readonly sledai: readonly string[];
  readonly eular: readonly string[];
  readonly dyspneaGrade: string;
  readonly lactating: YesNo;
  readonly contraception: YesNo;
}

export const emptyData: EnteredData = {
  birthDate: '',
  sex: '',
  sleOnset: '',
  gilbert: false,
  anaDilution: '',
  anaDate: '',
  hcg: '',
  labs: [],
  medications: [],
  sledai: [],
  eular: [],
  dyspneaGrade: '',
  lactating: '',
  contraception: '',
};

export const isEmpty = (d: EnteredData) => JSON.stringify(d) === JSON.stringify(emptyData);

type Json = Record<string, unknown>;
export interface Bundle {
  readonly resourceType: 'Bundle';
  readonly type: string;
  readonly entry: ReadonlyArray<{ readonly fullUrl?: string; readonly resource: Json }>;
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));
const valid = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n);

/** The uploaded bundle's patient id, so typed resources are about the same patient. */
function patientIdOf(bundle: Bundle | null): string {
  const p = bundle?.entry.find((e) => e.resource['resourceType'] === 'Patient')?.resource;
  return typeof p?.['id'] === 'string' && p['id'] !== '' ? p['id'] : 'entered';
}

/**
 * The uploaded bundle (or an empty one) with the typed data: birth date and sex replace the
 * Patient's; everything else is added, dated as typed (labs) or on the screening date (answers),
 * so a typed value is the most recent one in the window and the criterion reads it.
 */
export function withEnteredData(uploaded: Bundle | null, data: EnteredData, asOf: string): Bundle {
  const patientId = patientIdOf(uploaded);
  const f = new ResourceFactory(patientId, 900_000);
  const added: Resource[] = [];
  let entries = [...(uploaded?.entry ?? [])];
  const demographics: Json = {};
  if (data.birthDate) demographics['birthDate'] = data.birthDate;
  if (data.sex) demographics['gender'] = data.sex;
  const at = entries.findIndex((e) => e.resource['resourceType'] === 'Patient');
  if (at >= 0) entries = entries.map((e, i) => (i === at ? { ...e, resource: { ...e.resource, ...demographics } } : e));
  else entries.unshift({ resource: { resourceType: 'Patient', id: patientId, ...demographics } });
  if (data.sleOnset) added.push(f.condition('55464009', 'Systemic lupus erythematosus', data.sleOnset));
  if (data.gilbert) added.push(f.condition('27503000', 'Gilbert syndrome', data.sleOnset || asOf));
  for (const lab of data.labs) {
    const value = num(lab.value);
    if (!valid(value)) continue;
    const def = labFeatures[lab.feature];
    const low = num(lab.low);
    const high = num(lab.high);
    const range = valid(low) || valid(high) ? { ...(valid(low) ? { low } : {}), ...(valid(high) ? { high } : {}) } : undefined;
    added.push(f.observation(def.loinc, def.display, lab.date || asOf, { quantity: value, unit: lab.unit || def.units[0] }, range));
  }
  const ana = num(data.anaDilution);
  if (valid(ana) && ana > 0) added.push(f.observation('5048-4', 'Nuclear Ab [Titer] in Serum', data.anaDate || asOf, { string: `1:${ana}` }));
  if (data.hcg) added.push(f.observation('2106-3', 'Choriogonadotropin [Presence] in Urine', asOf, { coded: data.hcg }));
  for (const m of data.medications) {
    const dose = num(m.doseMg);
    if (!valid(dose) || !m.start) continue;
    const times = num(m.timesPerDay);
    added.push(f.medication(m.drug, drugs[m.drug], { value: dose, unit: 'mg' }, { frequency: valid(times) && times > 0 ? times : 1, period: 1, periodUnit: 'd' }, m.start, m.end || undefined));
  }
  if (data.sledai.length > 0) added.push(f.questionnaireResponse('sledai-2k', asOf, data.sledai.map((c) => [c, true] as const)));
  if (data.eular.length > 0) added.push(f.questionnaireResponse('eular-acr-2019', asOf, data.eular.map((c) => [c, true] as const)));
  const attest: Array<readonly [string, boolean | number]> = [];
  const grade = num(data.dyspneaGrade);
  if (valid(grade)) attest.push(['dyspnea-grade', grade]);
  if (data.lactating) attest.push(['lactating', data.lactating === 'yes']);
  if (data.contraception) attest.push(['contraception-agreed', data.contraception === 'yes']);
  if (attest.length > 0) added.push(f.questionnaireResponse('screening-attestations', asOf, attest));
  return { resourceType: 'Bundle', type: uploaded?.type ?? 'collection', entry: [...entries, ...added.map((resource) => ({ resource }))] };
}

