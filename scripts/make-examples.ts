// Writes examples/: the three published Questionnaires and three example bundles of one patient
// each, screened against HN2301 as of 2026-01-15: eligible, not eligible, undetermined.
// Run: node --import tsx scripts/make-examples.ts  (src/cli/commands/screen.test.ts checks them.)
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { questionnaireResource } from '../src/fhir/index.ts';

const out = fileURLToPath(new URL('../examples/', import.meta.url));
const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const ATC = 'http://www.whocc.no/atc';
const UCUM = 'http://unitsofmeasure.org';
const Q = 'https://firstdose.dev/fhir/Questionnaire/';
const subject = { reference: 'Patient/p1' };

type Resource = Record<string, unknown>;
let counter = 0;
const id = (prefix: string) => `${prefix}-${++counter}`;

function lab(code: string, display: string, value: number, unit: string, date: string, range?: { low?: number; high?: number }): Resource {
  const q = (v: number) => ({ value: v, unit, system: UCUM, code: unit });
  return {
    resourceType: 'Observation',
    id: id('obs'),
    status: 'final',
    code: { coding: [{ system: LOINC, code, display }] },
    subject,
    effectiveDateTime: date,
    valueQuantity: q(value),
    ...(range && { referenceRange: [{ ...(range.low !== undefined && { low: q(range.low) }), ...(range.high !== undefined && { high: q(range.high) }) }] }),
  };
}

function medication(atc: string, display: string, dose: number, perDay: number, start: string, end?: string): Resource {
  return {
    resourceType: 'MedicationStatement',
    id: id('med'),
    status: end ? 'completed' : 'active',
    medicationCodeableConcept: { coding: [{ system: ATC, code: atc, display }] },
    subject,
    effectivePeriod: { start, ...(end && { end }) },
    dosage: [{ timing: { repeat: { frequency: perDay, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: dose, unit: 'mg', system: UCUM, code: 'mg' } }] }],
  };
}

function answers(questionnaire: string, date: string, items: Record<string, boolean | number>): Resource {
  return {
    resourceType: 'QuestionnaireResponse',
    id: id('qr'),
    questionnaire: `${Q}${questionnaire}`,
    status: 'completed',
    subject,
    authored: date,
    item: Object.entries(items).map(([linkId, v]) => ({ linkId, answer: [typeof v === 'boolean' ? { valueBoolean: v } : { valueInteger: v }] })),
  };
}

interface Variant {
  ancValue?: number;
  prednisoneMg?: number;
  withCoagulation?: boolean;
  creatinineDate?: string;
}

/** A 37-year-old woman with active SLE on prednisone, hydroxychloroquine and mycophenolate. */
function patientBundle(v: Variant = {}): Resource {
  counter = 0;
  const labDay = '2026-01-08';
  const resources: Resource[] = [
    { resourceType: 'Patient', id: 'p1', gender: 'female', birthDate: '1988-05-20' },
    { resourceType: 'Condition', id: 'sle', clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] }, code: { coding: [{ system: SNOMED, code: '55464009', display: 'Systemic lupus erythematosus' }] }, subject, onsetDateTime: '2019-03-01' },
    lab('751-8', 'Neutrophils [#/volume] in Blood by Automated count', v.ancValue ?? 3.2, '10*9/L', labDay, { low: 2, high: 7 }),
    lab('731-0', 'Lymphocytes [#/volume] in Blood by Automated count', 1.1, '10*9/L', labDay, { low: 1.1, high: 3.2 }),
    lab('718-7', 'Hemoglobin [Mass/volume] in Blood', 11.2, 'g/dL', labDay, { low: 11.5, high: 15 }),
    ...(v.withCoagulation === false
      ? []
      : [
          lab('6301-6', 'INR in Platelet poor plasma by Coagulation assay', 1.0, '{INR}', labDay, { low: 0.8, high: 1.2 }),
          lab('14979-9', 'aPTT in Platelet poor plasma by Coagulation assay', 32, 's', labDay, { low: 25, high: 37 }),
        ]),
    lab('10230-1', 'Left ventricular Ejection fraction', 62, '%', '2026-01-06'),
    lab('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry', 98, '%', '2026-01-12'),
    lab('1742-6', 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma', 28, 'U/L', labDay, { high: 40 }),
    lab('1920-8', 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma', 25, 'U/L', labDay, { high: 35 }),
    lab('1975-2', 'Bilirubin.total [Mass/volume] in Serum or Plasma', 12, 'umol/L', labDay, { high: 21 }),
    lab('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', 68, 'umol/L', v.creatinineDate ?? labDay, { low: 45, high: 84 }),
    lab('29463-7', 'Body weight', 58, 'kg', '2026-01-12'),
    lab('4485-9', 'Complement C3 [Mass/volume] in Serum or Plasma', 0.62, 'g/L', labDay, { low: 0.9, high: 1.8 }),
    lab('4498-2', 'Complement C4 [Mass/volume] in Serum or Plasma', 0.08, 'g/L', labDay, { low: 0.1, high: 0.4 }),
    { ...lab('5048-4', 'Nuclear Ab [Titer] in Serum by Immunofluorescence', 0, '{titer}', '2019-02-20'), valueQuantity: undefined, valueString: '1:320' },
    {
      resourceType: 'Observation',
      id: 'hcg',
      status: 'final',
      code: { coding: [{ system: LOINC, code: '2106-3', display: 'Choriogonadotropin (pregnancy test) [Presence] in Urine' }] },
      subject,
      effectiveDateTime: '2026-01-12',
      valueCodeableConcept: { coding: [{ system: SNOMED, code: '260385009', display: 'Negative' }] },
    },
    medication('H02AB07', 'prednisone', v.prednisoneMg ?? 10, 1, '2025-06-01'),
    medication('P01BA02', 'hydroxychloroquine', 200, 2, '2019-04-01'),
    medication('L04AA06', 'mycophenolic acid', 1000, 2, '2024-09-01'),
    medication('L01AA01', 'cyclophosphamide', 750, 1, '2019-05-01', '2019-11-01'),
    answers('sledai-2k', '2026-01-12', { arthritis: true, rash: true, 'low-complement': true, 'increased-dna-binding': true }),
    answers('eular-acr-2019', '2026-01-12', { 'joint-involvement': true, 'acute-cutaneous-lupus': true, 'low-c3-and-low-c4': true, 'anti-dsdna-or-anti-smith': true }),
    answers('screening-attestations', '2026-01-12', { 'dyspnea-grade': 0, lactating: false, 'contraception-agreed': true }),
  ];
  return { resourceType: 'Bundle', type: 'collection', entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource: JSON.parse(JSON.stringify(resource)) })) };
}

mkdirSync(`${out}questionnaires`, { recursive: true });
for (const q of ['sledai-2k', 'eular-acr-2019', 'screening-attestations'] as const)
  writeFileSync(`${out}questionnaires/${q}.json`, `${JSON.stringify(questionnaireResource(q), null, 2)}\n`);
const write = (name: string, bundle: Resource) => writeFileSync(`${out}${name}.json`, `${JSON.stringify(bundle, null, 2)}\n`);
write('eligible', patientBundle());
// ANC 1.2×10^9/L fails bone marrow; prednisone 35 mg/day fails the dose criterion.
write('not-eligible', patientBundle({ ancValue: 1.2, prednisoneMg: 35 }));
// No INR or APTT in the window; the creatinine is from October, outside the 28-day window.
write('undetermined', patientBundle({ withCoagulation: false, creatinineDate: '2025-10-20' }));
