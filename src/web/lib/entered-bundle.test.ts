import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { evaluateProtocol } from '../../domain/eligibility/index.ts';
import { bundleToRecord, defaultCodeTables } from '../../fhir/index.ts';
import { loadProtocol } from '../../protocols/load.ts';
import { type Bundle, emptyData, type EnteredData, withEnteredData } from './entered-bundle.ts';

const asOf = '2026-01-15';
const loaded = loadProtocol('hn2301');
if (!loaded.ok) throw new Error('hn2301 does not load');
const protocol = loaded.value;

function screen(bundle: Bundle) {
  const record = bundleToRecord(bundle, defaultCodeTables());
  if (!record.ok) throw new Error(JSON.stringify(record.issues));
  const result = evaluateProtocol(protocol, record.value, asOf);
  return { eligible: result.eligible, status: Object.fromEntries(result.criteria.map((c) => [c.id, c.status])) };
}

const eligible = JSON.parse(readFileSync(new URL('../../../examples/eligible.json', import.meta.url), 'utf8')) as Bundle;

/** Everything HN2301 asks for, typed in: what a coordinator without an export would enter. */
const typed: EnteredData = {
  ...emptyData,
  birthDate: '1990-03-01',
  sex: 'female',
  sleOnset: '2020-06-01',
  anaDilution: '320',
  anaDate: '2020-06-01',
  hcg: 'negative',
  labs: [
    { feature: 'anc', value: '3.1', unit: '10*9/L', date: '2026-01-10', low: '', high: '' },
    { feature: 'alc', value: '1.2', unit: '10*9/L', date: '2026-01-10', low: '', high: '' },
    { feature: 'hemoglobin', value: '118', unit: 'g/L', date: '2026-01-10', low: '', high: '' },
    { feature: 'inr', value: '1.0', unit: '{INR}', date: '2026-01-10', low: '0.8', high: '1.2' },
    { feature: 'aptt', value: '31', unit: 's', date: '2026-01-10', low: '25', high: '37' },
    { feature: 'lvef', value: '63', unit: '%', date: '2026-01-09', low: '', high: '' },
    { feature: 'spo2', value: '98', unit: '%', date: '2026-01-10', low: '', high: '' },
    { feature: 'alt', value: '22', unit: 'U/L', date: '2026-01-10', low: '7', high: '40' },
    { feature: 'ast', value: '20', unit: 'U/L', date: '2026-01-10', low: '13', high: '35' },
    { feature: 'bilirubin', value: '10', unit: 'umol/L', date: '2026-01-10', low: '', high: '' },
    { feature: 'creatinine', value: '60', unit: 'umol/L', date: '2026-01-10', low: '', high: '' },
    { feature: 'weight', value: '60', unit: 'kg', date: '2026-01-10', low: '', high: '' },
    { feature: 'c3', value: '0.6', unit: 'g/L', date: '2026-01-10', low: '0.9', high: '1.8' },
  ],
  medications: [
    { drug: 'H02AB07', doseMg: '10', timesPerDay: '1', start: '2025-06-01', end: '' },
    { drug: 'P01BA02', doseMg: '200', timesPerDay: '2', start: '2021-01-01', end: '' },
    { drug: 'L04AA06', doseMg: '750', timesPerDay: '2', start: '2024-09-01', end: '' },
  ],
  sledai: ['arthritis', 'rash', 'low-complement'],
  eular: ['joint-involvement', 'acute-cutaneous-lupus', 'low-c3-or-low-c4'],
  dyspneaGrade: '0',
  lactating: 'no',
  contraception: 'yes',
};

describe('screening: typed data as a FHIR bundle', () => {
  it('leaves an uploaded bundle as it screens', () => {
    assert.equal(screen(withEnteredData(eligible, emptyData, asOf)).eligible, 'yes');
  });

  it('screens typed data alone, every criterion decided', () => {
    const r = screen(withEnteredData(null, typed, asOf));
    assert.deepEqual(
      Object.entries(r.status).filter(([, s]) => s !== 'met'),
      [],
    );
    assert.equal(r.eligible, 'yes');
  });

  it('lets a typed birth date replace the uploaded one (17 years old: age not met)', () => {
    const r = screen(withEnteredData(eligible, { ...emptyData, birthDate: '2009-01-16' }, asOf));
    assert.equal(r.status['age'], 'not-met');
    assert.equal(r.eligible, 'no');
  });

  it('makes a typed lab the latest in the window (ANC 1.2 < 1.5: bone marrow not met)', () => {
    const lab = { feature: 'anc' as const, value: '1.2', unit: '10*9/L', date: '2026-01-14', low: '', high: '' };
    assert.equal(screen(withEnteredData(eligible, { ...emptyData, labs: [lab] }, asOf)).status['bone-marrow'], 'not-met');
  });

  it('skips half-typed rows rather than sending a value without a number', () => {
    const b = withEnteredData(null, { ...emptyData, labs: [{ feature: 'anc', value: '', unit: '10*9/L', date: '', low: '', high: '' }] }, asOf);
    assert.deepEqual(
      b.entry.map((e) => e.resource['resourceType']),
      ['Patient'],
    );
  });
});
