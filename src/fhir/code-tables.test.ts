import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { glucocorticoids } from '../domain/scores/prednisone-equivalent.ts';
import { loadCodeTables, observationCodeRole } from './code-tables.ts';
import type { CodeTables } from './code-tables-types.ts';
import { ATC, LOINC, medicationStatement, observation, onlyFact, quantity, factsOf, SNOMED, tables, condition } from './test-support.ts';

const load = (...extensions: unknown[]): CodeTables => {
  const r = loadCodeTables(extensions);
  assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
  return r.value;
};
const issues = (...extensions: unknown[]) => {
  const r = loadCodeTables(extensions);
  assert.ok(!r.ok, 'expected the extension to be rejected');
  return r.issues;
};

describe('default code tables', () => {
  it('load, and index every contract code', () => {
    for (const code of ['751-8', '731-0', '718-7', '6301-6', '14979-9', '10230-1', '59408-5', '1742-6', '1920-8', '1975-2', '2160-0', '29463-7', '4485-9', '4498-2', '5130-0', '5048-4', '2106-3'])
      assert.equal(observationCodeRole(tables, code), 'primary', code);
    for (const code of ['55464009', '27503000', '77386006']) assert.equal(tables.conditions.get(SNOMED)?.get(code)?.excluded, false, code);
    assert.equal(tables.procedures.get(SNOMED)?.get('116859006'), 'transfusion');
  });

  it('exposes roles, so an evaluator can prefer primary and alternate results over low-preference ones', () => {
    assert.equal(observationCodeRole(tables, '30352-9'), 'lowPreference');
    assert.equal(observationCodeRole(tables, '752-6'), 'deprecated');
    assert.equal(observationCodeRole(tables, '770-8'), undefined);
  });

  it('name only glucocorticoids that prednisone-equivalent.ts converts', () => {
    for (const agent of Object.values(tables.document.medications?.corticosteroid?.drugs ?? {})) assert.ok((glucocorticoids as string[]).includes(agent), agent);
  });

  it('list each former ATC code under the same agent as its current code', () => {
    const atc = tables.document.medications?.immunosuppressant?.atc ?? {};
    for (const { former, current, drug } of tables.document.medications?.immunosuppressant?.formerCodes ?? []) {
      assert.equal(atc[former], drug, former);
      assert.equal(atc[current], drug, current);
    }
  });
});

describe('site extensions', () => {
  it('add a local code to a feature and a local drug code for telitacicept', () => {
    const site = load({
      observations: { anc: { codes: [{ system: 'http://hospital.example/lab', code: 'NEUT#', kind: 'quantity', unitFamily: 'number-concentration' }] } },
      medications: { immunosuppressant: { withoutAtc: { telitacicept: { codes: [{ system: 'http://hospital.example/drug', code: 'TLT80' }] } } } },
    });
    const anc = observation('x', { code: { coding: [{ system: 'http://hospital.example/lab', code: 'NEUT#' }] }, valueQuantity: quantity(2, '10*9/L') });
    assert.equal((onlyFact(anc, {}, site) as { feature: string }).feature, 'anc');
    const drug = medicationStatement('x', { medicationCodeableConcept: { coding: [{ system: 'http://hospital.example/drug', code: 'TLT80' }] } });
    assert.equal((onlyFact(drug, {}, site) as { agent: string }).agent, 'telitacicept');
    // The defaults are still there.
    assert.equal(observationCodeRole(site, '751-8'), 'primary');
    assert.equal((onlyFact(medicationStatement('L04AA06'), {}, site) as { agent: string }).agent, 'mycophenolate');
  });

  it('replace a default entry named by the same system and code, and remove one through doNotMap', () => {
    const site = load({
      observations: {
        spo2: { codes: [{ system: LOINC, code: '2708-6', kind: 'quantity', unitFamily: 'fraction', role: 'lowPreference' }] },
        weight: { doNotMap: [{ system: LOINC, code: '3142-7', reason: 'Stated weight is not used at this site.' }] },
      },
    });
    assert.equal(observationCodeRole(site, '2708-6'), 'lowPreference');
    assert.deepEqual(factsOf(observation('3142-7', { valueQuantity: quantity(60, 'kg') }), {}, site), []);
  });

  it('exclude a condition code through excludeCodes', () => {
    const site = load({ conditions: { pregnancy: { excludeCodes: [{ system: SNOMED, code: '72892002' }] } } });
    assert.deepEqual(factsOf(condition('72892002'), {}, site), []);
  });

  it('are merged in order, and the defaults are not modified', () => {
    load({ medications: { growthFactor: { atc: { B02BX06: 'emicizumab' } } } });
    assert.deepEqual(factsOf(medicationStatement('B02BX06')), []);
  });

  it('are rejected with issues naming the field', () => {
    assert.deepEqual(issues({ observations: { anc: { cods: [] } } }), [{ path: ['extensions', 0, 'observations', 'anc', 'cods'], code: 'unknown_field', params: {} }]);
    assert.deepEqual(issues({}, { observations: { platelets: {} } }), [{ path: ['extensions', 1, 'observations', 'platelets'], code: 'unknown_field', params: {} }]);
    const noFamily = issues({ observations: { anc: { codes: [{ system: LOINC, code: '1-1', kind: 'quantity' }] } } });
    assert.deepEqual(noFamily.map((i) => [i.path, i.code]), [[['extensions', 0, 'observations', 'anc', 'codes', 0, 'unitFamily'], 'required']]);
    const badFamily = issues({ observations: { anc: { codes: [{ system: LOINC, code: '1-1', kind: 'quantity', unitFamily: 'cells' }] } } });
    assert.deepEqual(badFamily.map((i) => [i.path, i.code]), [[['extensions', 0, 'observations', 'anc', 'codes', 0, 'unitFamily'], 'invalid_choice']]);
    const badDrug = issues({ medications: { corticosteroid: { drugs: { H02AB03: 'fluocortolone' } } } });
    assert.deepEqual(badDrug.map((i) => [i.path, i.code]), [[['extensions', 0, 'medications', 'corticosteroid', 'drugs', 'H02AB03'], 'invalid_choice']]);
    const badAtc = issues({ medications: { hydroxychloroquine: { atc: ['P01BA2'] } } });
    assert.deepEqual(badAtc.map((i) => i.path), [['extensions', 0, 'medications', 'hydroxychloroquine', 'atc', 0]]);
    assert.deepEqual(issues(42), [{ path: ['extensions', 0], code: 'invalid_type', params: { expected: 'object', received: 'number' } }]);
  });

  it('may not map one code to two features', () => {
    const clash = issues({ observations: { alc: { codes: [{ system: LOINC, code: '751-8', kind: 'quantity', unitFamily: 'number-concentration' }] } } });
    assert.deepEqual(clash, [{ path: ['observations', 'alc', 'codes', 4], code: 'duplicate_code', params: { system: LOINC, code: '751-8', features: ['anc', 'alc'] } }]);
  });

  it('keep the ATC system configurable', () => {
    assert.equal(tables.medications.atcSystem, ATC);
  });
});
