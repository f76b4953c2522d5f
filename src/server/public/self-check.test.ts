// The self-check against HN2301 (pure: no store). A patient is ruled out only by a criterion the
// answers settle, and the criterion is named; everything that needs records or tests is left to
// the site, so incomplete answers never rule anyone out.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { hn2301 } from '../../store/trial/test-support.ts';
import { type SelfCheckAnswers, selfCheck, unknownMedicines } from './self-check.ts';

const asOf = '2026-06-01';
const protocol = hn2301();
const base: SelfCheckAnswers = {
  age: 34,
  sex: 'female',
  sleDiagnosed: true,
  sleDiagnosedMonthsAgo: 40,
  prednisoneMgPerDay: 10,
  currentMedicines: ['hydroxychloroquine', 'mycophenolate'],
  pastMedicines: [],
  pregnant: false,
  breastfeeding: false,
  contraceptionAgreed: true,
};
const ruledOutBy = (a: Partial<SelfCheckAnswers>) => selfCheck(protocol, { ...base, ...a }, asOf).reasons.map((r) => [r.criterion.id, r.code]);

it('answers "may be eligible" when nothing the patient said rules them out, and leaves the tests to the site', () => {
  const r = selfCheck(protocol, base, asOf);
  assert.equal(r.outcome, 'may-be-eligible');
  assert.deepEqual([...r.checked].sort(), ['age', 'corticosteroid-dose', 'prior-immunosuppressants', 'sle-duration']);
  assert.ok(r.forTheSite.includes('pregnancy'), 'the pregnancy test is the site\'s');
  for (const lab of ['bone-marrow', 'coagulation', 'hepatic', 'renal', 'serology', 'sledai-2k', 'standard-therapy']) assert.ok(r.forTheSite.includes(lab), lab);
});

it('names the criterion that rules the patient out, with the engine\'s reason', () => {
  assert.deepEqual(ruledOutBy({ age: 70 }), [['age', 'age_above_maximum']]);
  assert.deepEqual(ruledOutBy({ age: 17 }), [['age', 'age_below_minimum']]);
  assert.deepEqual(ruledOutBy({ sleDiagnosedMonthsAgo: 3 }), [['sle-duration', 'condition_too_recent']]);
  assert.deepEqual(ruledOutBy({ prednisoneMgPerDay: 40 }), [['corticosteroid-dose', 'glucocorticoid_dose_above_maximum']]);
  assert.deepEqual(ruledOutBy({ prednisoneMgPerDay: 5, currentMedicines: ['hydroxychloroquine'] }), [
    ['corticosteroid-dose', 'glucocorticoid_dose_below_minimum'],
    ['prior-immunosuppressants', 'too_few_agents'],
  ]);
  assert.deepEqual(ruledOutBy({ prednisoneMgPerDay: 5 }), [], 'no minimum with an immunosuppressant');
  assert.deepEqual(ruledOutBy({ currentMedicines: ['hydroxychloroquine'], pastMedicines: ['methotrexate'] }), []);
  assert.deepEqual(ruledOutBy({ pregnant: true }).map(([id]) => id), ['pregnancy']);
  assert.deepEqual(ruledOutBy({ breastfeeding: true }).map(([id]) => id), ['pregnancy']);
  assert.deepEqual(ruledOutBy({ contraceptionAgreed: false }).map(([id]) => id), ['pregnancy']);
  assert.deepEqual(ruledOutBy({ sex: 'male', pregnant: undefined, breastfeeding: undefined }), []);
  assert.deepEqual(ruledOutBy({ sleDiagnosed: false, sleDiagnosedMonthsAgo: undefined }), [['sle-duration', 'no_sle_diagnosis']]);
});

it('rules nobody out on what was not asked or not answered', () => {
  const minimal: SelfCheckAnswers = { age: 40, sex: 'female', sleDiagnosed: true, currentMedicines: [] };
  const r = selfCheck(protocol, minimal, asOf);
  assert.equal(r.outcome, 'may-be-eligible');
  assert.deepEqual(r.checked, ['age']);
});

it('names medicines the page does not offer', () => {
  assert.deepEqual(unknownMedicines({ ...base, currentMedicines: ['aspirin'], pastMedicines: ['rituximab', 'x'] }).map((i) => i.path), [
    ['answers', 'currentMedicines', 0],
    ['answers', 'pastMedicines', 1],
  ]);
});
