// Every mapper's output against the official FHIR R4 JSON Schema (fhir-schema-test-support.ts),
// and what each must and must not carry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildResources, resourceTypes } from './build-resources.ts';
import { defaultCodeTables } from '../../fhir/index.ts';
import { fhirSchemaIssues } from './fhir-schema-test-support.ts';
import type { Resource } from './fhir-base.ts';
import { loincFor, type ObservationCodeTable } from './observation.ts';
import { phaseCode } from './research-study.ts';
import { collectionBundle, ndjsonFiles } from './serialise.ts';
import { exportData, observationRow } from './test-support.ts';

const table = defaultCodeTables().document.observations as ObservationCodeTable;
const resources = buildResources(exportData(), table);
const all = resourceTypes.flatMap((t) => resources[t]);
const one = (type: string, pick: (r: Resource) => boolean = () => true) => all.find((r) => r.resourceType === type && pick(r))!;

describe('FHIR mapping, checked by the FHIR R4 JSON Schema', () => {
  it('every resource and the Bundle are valid', () => {
    assert.equal(all.length, 1 + 2 + 2 + 1 + 6 + 2);
    for (const r of all) assert.deepEqual(fhirSchemaIssues(r), [], `${r.resourceType}/${r.id}`);
    assert.deepEqual(fhirSchemaIssues(collectionBundle(resources, 'b1', new Date('2026-03-20T00:00:00Z'))), []);
  });

  it('the schema catches planted errors: a wrong code, an unknown element, a missing required element, a bad date', () => {
    const obs = one('Observation');
    assert.notDeepEqual(fhirSchemaIssues({ ...obs, status: 'done' }), []);
    assert.notDeepEqual(fhirSchemaIssues({ ...obs, valueQuantityy: { value: 1 } }), []);
    const { individual: _, ...noIndividual } = one('ResearchSubject');
    assert.notDeepEqual(fhirSchemaIssues(noIndividual), []);
    assert.notDeepEqual(fhirSchemaIssues({ ...one('Patient'), birthDate: '1989-13' }), []);
    const bundle = collectionBundle(resources, 'b1', new Date());
    bundle.entry[3] = { ...bundle.entry[3]!, resource: { ...bundle.entry[3]!.resource, status: 'nonsense' } };
    assert.notDeepEqual(fhirSchemaIssues(bundle), []);
  });
});

describe('what the resources say', () => {
  it('ResearchStudy: registry number, titles, sites, one arm per dose level', () => {
    const s = one('ResearchStudy');
    assert.deepEqual((s.identifier as { value: string }[])[0], { system: 'https://clinicaltrials.gov', value: 'NCT06801119' });
    assert.match(String(s.title), /HN2301/);
    assert.deepEqual((s.arm as { name: string }[]).map((a) => a.name), ['DL1', 'DL2', 'DL3']);
    assert.equal((s.site as unknown[]).length, 1);
    assert.equal((s.phase as { coding: { code: string }[] }).coding[0]!.code, 'n-a');
  });

  it('Patient: the pseudonym, sex and birth year only', () => {
    const p = one('Patient', (r) => r.id === 'hn2301-001');
    assert.deepEqual(Object.keys(p).sort(), ['birthDate', 'gender', 'id', 'identifier', 'meta', 'resourceType']);
    assert.equal(p.birthDate, '1989');
    assert.equal((p.identifier as { value: string }[])[0]!.value, 'hn2301-001');
  });

  it('ResearchSubject: status, arms and links', () => {
    const rs = one('ResearchSubject', (r) => r.id === 'hn2301-001');
    assert.equal(rs.status, 'follow-up');
    assert.equal(rs.assignedArm, 'DL1');
    assert.equal(rs.actualArm, 'DL1');
    assert.deepEqual(rs.individual, { reference: 'Patient/hn2301-001' });
    assert.equal(one('ResearchSubject', (r) => r.id === 'hn2301-004').status, 'ineligible');
  });

  it('Observations: LOINC and UCUM for labs, survey totals for SLEDAI-2K, nothing for kinds without a FHIR form', () => {
    const anc = one('Observation', (r) => r.id.endsWith('301'));
    assert.deepEqual((anc.code as { coding: unknown[] }).coding[0], { system: 'http://loinc.org', code: '751-8', display: 'Neutrophils [#/volume] in Blood by Automated count' });
    assert.deepEqual(anc.valueQuantity, { value: 0.8, unit: '10*9/L', system: 'http://unitsofmeasure.org', code: '10*9/L' });
    assert.equal((anc.interpretation as { coding: { code: string }[] }[])[0]!.coding[0]!.code, 'L');
    const sledai = one('Observation', (r) => r.id.endsWith('303'));
    // arthritis 4 + rash 2 + low complement 2 (Gladman 2002 weights).
    assert.equal(sledai.valueInteger, 8);
    assert.equal((sledai.category as { coding: { code: string }[] }[])[0]!.coding[0]!.code, 'survey');
    assert.equal(one('Observation', (r) => r.id.endsWith('302')).category && (one('Observation', (r) => r.id.endsWith('302')).category as { coding: { code: string }[] }[])[0]!.coding[0]!.code, 'vital-signs');
    assert.equal(all.some((r) => r.id.endsWith('307')), false);
  });

  it('a lab keeps the code it was imported under, else the code that fits its unit', () => {
    assert.equal(loincFor(observationRow({ code: 'anc', valueJson: { code: '26499-4' } }), table)?.code, '26499-4');
    assert.equal(loincFor(observationRow({ code: 'creatinine', unit: 'umol/L' }), table)?.code !== '2160-0', true);
    assert.equal(loincFor(observationRow({ code: 'creatinine', unit: 'mg/dL' }), table)?.code, '2160-0');
    assert.equal(loincFor(observationRow({ code: 'b-cell-count' }), table), null);
  });

  it('AdverseEvents: grade, severity, seriousness, causality', () => {
    const anc = one('AdverseEvent', (r) => r.id.endsWith('501'));
    const grade = (anc.extension as { url: string; valueCodeableConcept?: { coding: { code: string }[]; text: string } }[])[0]!;
    assert.equal(grade.valueCodeableConcept!.coding[0]!.code, 'C41340');
    assert.equal(grade.valueCodeableConcept!.text, 'CTCAE v5.0 grade 3');
    assert.equal((anc.severity as { coding: { code: string }[] }).coding[0]!.code, 'severe');
    assert.equal((anc.seriousness as { coding: { code: string }[] }).coding[0]!.code, 'non-serious');
    const crs = one('AdverseEvent', (r) => r.id.endsWith('502'));
    const causality = (crs.suspectEntity as { causality: { assessment: { coding?: unknown; text: string } }[] }[])[0]!.causality[0]!;
    assert.deepEqual(causality.assessment, { text: 'not-related' });
    assert.deepEqual(crs.outcome, { text: 'resolving slowly' });
  });

  it('MedicationAdministration: HN2301 at its dose level, given intravenously', () => {
    const ma = one('MedicationAdministration');
    assert.equal(ma.status, 'completed');
    assert.match(String((ma.dosage as { text: string }).text), /^DL1/);
  });

  it('NDJSON: one file per type, one resource per line', () => {
    const files = ndjsonFiles(resources);
    assert.deepEqual(files.map((f) => f.file), resourceTypes.map((t) => `${t}.ndjson`));
    for (const f of files) assert.equal(f.text.trimEnd().split('\n').length, f.count);
  });

  it('phases as protocols write them', () => {
    assert.deepEqual(['N/A', 'Phase 1', 'Phase 1/2', 'phase 2/phase 3', 'Pilot'].map(phaseCode), ['n-a', 'phase-1', 'phase-1-phase-2', 'phase-2-phase-3', null]);
  });
});
