import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Fact } from '../fhir/fact.ts';
import { Reader, SymbolTable, Writer } from './binary.ts';
import { readFacts, writeFact } from './fact-codec.ts';
import { scenario } from './test-support.ts';

function roundTrip(facts: readonly Fact[]): Fact[] {
  const symbols = new SymbolTable();
  const w = new Writer(symbols);
  for (const [i, f] of facts.entries()) writeFact(w, 1000 + i, i % 3, f, i > 0 ? { seq: 999 + i, sub: (i - 1) % 3, fact: facts[i - 1]! } : undefined);
  const placed = readFacts(Reader.of(w.finish(), symbols));
  assert.deepEqual(
    placed.map((p) => [p.seq, p.sub]),
    facts.map((_, i) => [1000 + i, i % 3]),
  );
  return placed.map((p) => p.fact);
}

describe('the binary form of facts', () => {
  it('gives back every fact exactly, field for field (absent fields stay absent)', () => {
    fc.assert(
      fc.property(scenario, ({ resources }) => {
        const facts = resources.flat();
        assert.deepStrictEqual(roundTrip(facts), facts);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps text it cannot pack as text: odd dates, ids, units, Unicode', () => {
    const facts: Fact[] = [
      { kind: 'patient', id: '患者-1', birthDate: '1990-02-30', sex: 'other' },
      {
        kind: 'observation',
        fact: { feature: 'bilirubin', date: '2026-11-20T09:13:07.123456789+14:00', value: { kind: 'quantity', quantity: { value: -0.000123, unit: 'µmol/L' } }, source: 'Observation/0012', code: '1975-2' },
      },
      { kind: 'observation', fact: { feature: 'anc', date: '2026-11-20T9:13', value: { kind: 'unusable', problem: { code: 'unreadable_value', detail: 'résultat: "<0,5"' } }, lln: 1e-300, uln: Number.MAX_VALUE, source: 'Observation/urn:uuid:1' } },
      { kind: 'observation', fact: { feature: 'spo2', date: '2026-11-20', value: { kind: 'quantity', quantity: { value: 0.1 + 0.2, unit: '%' } }, onRoomAir: false, source: 'Observation/123456789012345' } },
      { kind: 'medication', fact: { class: 'other', agent: 'ibuprofen', dose: { value: -0, unit: 'mg' }, perDay: 1 / 3, start: '2026-01-01', problem: { code: 'no_value' }, source: 'MedicationStatement/9007199254740993' } },
      { kind: 'condition', fact: { kind: 'sle', active: false, source: 'Condition/a/b' } },
      { kind: 'answer', fact: { questionnaire: 'screening-attestations', linkId: 'dyspnea-grade', value: 2, source: 'QuestionnaireResponse/1' } },
      { kind: 'answer', fact: { questionnaire: 'screening-attestations', linkId: 'note', value: '是', source: 'QuestionnaireResponse/1' } },
      { kind: 'answer', fact: { questionnaire: 'sledai-2k', linkId: 'rash', value: true, date: '2026-11-20T15:00:00Z', source: 'QuestionnaireResponse/1' } },
      { kind: 'procedure', fact: { kind: 'transfusion', date: '2026-11-19', source: 'Procedure/7', code: '116859006' } },
    ];
    const back = roundTrip(facts);
    assert.deepStrictEqual(back, facts);
    assert.ok(Object.is((back[4] as { fact: { dose: { value: number } } }).fact.dose.value, -0));
  });

  it('writes the answers of one response with their position as a step from the one before', () => {
    const answer = (linkId: string, value: boolean): Fact => ({ kind: 'answer', fact: { questionnaire: 'sledai-2k', linkId, value, date: '2026-11-20', source: 'QuestionnaireResponse/9' } });
    const placed = [
      { seq: 40, sub: 0, fact: answer('fever', true) },
      { seq: 40, sub: 1, fact: answer('rash', false) },
      { seq: 40, sub: 5, fact: answer('alopecia', true) },
      { seq: 41, sub: 0, fact: answer('fever', false) },
      { seq: 41, sub: 2, fact: answer('rash', true) },
    ];
    const symbols = new SymbolTable();
    const w = new Writer(symbols);
    let before: (typeof placed)[number] | undefined;
    for (const p of placed) {
      writeFact(w, p.seq, p.sub, p.fact, before);
      before = p;
    }
    assert.deepStrictEqual(readFacts(Reader.of(w.finish(), symbols)), placed);
    // A following answer costs its kind, step, flags, linkId: four bytes.
    const one = new Writer(symbols);
    writeFact(one, 40, 6, answer('fever', true), placed[2]);
    assert.equal(one.length, 4);
  });

  it('packs a lab result into a few dozen bytes', () => {
    const w = new Writer(new SymbolTable());
    writeFact(w, 1_234_567, 0, {
      kind: 'observation',
      fact: { feature: 'hemoglobin', date: '2026-11-20T09:13:00+08:00', value: { kind: 'quantity', quantity: { value: 118, unit: 'g/L' } }, lln: 115, uln: 150, source: 'Observation/4200017', code: '718-7' },
    });
    // 34 bytes, against 190 characters of JSON for the same fact.
    assert.ok(w.length <= 36, `${w.length} bytes`);
  });
});
