// The remembered and shortened forms used on the pre-screening hot path give what the plain
// definitions give: compare's tidy only near ties, remembered unit conversions, one-pass latest
// answers, and facts grouped per context (also when the record is filled after the context exists).
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { convert } from '../units/index.ts';
import { answerOf, observationOf, SCREENING } from './arbitraries.ts';
import { latestPerItem } from './answers.ts';
import { latestBy, makeContext } from './context.ts';
import { convertedValue } from './conversions.ts';
import { evaluateRule } from './evaluate.ts';
import { compare } from './limits.ts';
import type { AnswerFact, PatientRecord } from './patient-record.ts';
import type { Comparison } from './rules.ts';
import { tidied } from './tidied.ts';
import { hn2301 } from '../../protocols/test-support.ts';

const ops: Comparison[] = ['>=', '>', '<=', '<'];

function plainCompare(value: number, op: Comparison, threshold: number): boolean {
  const a = tidied(value);
  const b = tidied(threshold);
  return op === '>=' ? a >= b : op === '>' ? a > b : op === '<=' ? a <= b : a < b;
}

it('compare gives the tidied comparison, near ties and far apart', () => {
  const near = fc.tuple(fc.double({ noNaN: true }), fc.integer({ min: -2000, max: 2000 })).map(([a, k]) => [a, a * (1 + k * 1e-13)] as const);
  const decimals = fc.tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: -100_000, max: 100_000 })).map(([a, b]) => [a / 10, (b / 100) * 1.1] as const);
  const pairs = fc.oneof(fc.tuple(fc.double(), fc.double()), near, decimals, fc.constant([1.5 * 1.1, 1.65] as const), fc.constant([-0, 0] as const));
  fc.assert(
    fc.property(pairs, fc.constantFrom(...ops), fc.boolean(), ([a, b], op, swap) => {
      const [value, threshold] = swap ? [b, a] : [a, b];
      assert.equal(compare(value, op, threshold), plainCompare(value, op, threshold), `${value} ${op} ${threshold}`);
    }),
    { numRuns: 5000 },
  );
});

it('a remembered conversion is the conversion, asked once or again', () => {
  const units = ['mg/dL', 'umol/L', 'g/L', 'g/dL', 'mmol/L', '10*9/L', '10*3/uL', '/uL', 'kg', '[lb_av]', 'lb', '%', 'U/L', 'furlong'];
  const values = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -5000, max: 5000 }).map((v) => v / 10), fc.constant(-0));
  fc.assert(
    fc.property(values, fc.constantFrom(...units), fc.constantFrom(...units), fc.constantFrom(undefined, 'creatinine' as const, 'bilirubin' as const, 'hemoglobin' as const), (value, from, to, analyte) => {
      let expected: number | undefined;
      try {
        const r = convert({ value, unit: from }, to, { analyte });
        expected = r.ok ? r.value.value : undefined;
      } catch {
        // A target outside the unit table throws in convert; quantityIn never asks for one.
        return;
      }
      for (let i = 0; i < 2; i++) assert.ok(Object.is(convertedValue(value, from, to, analyte), expected), `${value} ${from} → ${to} ${analyte}`);
    }),
    { numRuns: 3000 },
  );
});

it('latestPerItem keeps, per item in order of first answer, the answer latestBy picks', () => {
  const answers = fc.array(
    fc.constantFrom('a', 'b', 'c').chain((l) => answerOf('sledai-2k', l)).chain((a) => fc.constantFrom('', 'T08:00', 'T23:00Z').map((t) => (a.date === undefined || t === '' ? a : { ...a, date: `${a.date}${t}` }))),
    { maxLength: 12 },
  );
  fc.assert(
    fc.property(answers, (list: AnswerFact[]) => {
      const expected = new Map<string, AnswerFact>();
      for (const linkId of new Set(list.map((a) => a.linkId))) {
        const last = latestBy(
          list.filter((a) => a.linkId === linkId),
          (a) => a.date,
        );
        if (last) expected.set(linkId, last);
      }
      const actual = latestPerItem(list);
      assert.deepEqual([...actual.keys()], [...expected.keys()]);
      for (const [k, v] of expected) assert.equal(actual.get(k), v);
    }),
    { numRuns: 1000 },
  );
});

it('a context sees facts added to the record after it was made, as a fresh context does', () => {
  const rule = hn2301.criteria.find((c) => c.id === 'bone-marrow')!.rule;
  fc.assert(
    fc.property(fc.array(fc.constantFrom('anc' as const, 'alc' as const, 'hemoglobin' as const).chain(observationOf), { minLength: 1, maxLength: 5 }), (observations) => {
      const record: PatientRecord = { observations: [], conditions: [], medications: [], procedures: [], answers: [] };
      const early = makeContext(hn2301, record, SCREENING);
      evaluateRule(early, rule);
      record.observations.push(...observations);
      assert.deepEqual(evaluateRule(early, rule), evaluateRule(makeContext(hn2301, record, SCREENING), rule));
    }),
    { numRuns: 300 },
  );
});
