// Every reason and missing code the evaluation emits has a message in English and Chinese whose
// placeholders its parameters fill (`item` comes from the Missing itself), every criterion of the
// protocol files has a title, and no eligibility message is dead. (A test may reach into src/i18n;
// the domain code itself does not.)
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { eligibilityMessages } from '../../i18n/messages/eligibility.ts';
import { patientRecord, SCREENING } from './arbitraries.ts';
import { DecidedCode, MissingCode } from './codes.ts';
import type { Missing, Reason } from './criterion-result.ts';
import { walkRule } from '../protocol/index.ts';
import { makeContext } from './context.ts';
import { evaluateRule } from './evaluate.ts';
import { PatientRecord } from './patient-record.ts';
import type { Protocol } from '../protocol/index.ts';
import { example, hn2301 } from '../../protocols/test-support.ts';
import { med, patient, qty, sledai, withSwitch } from './test-support.ts';

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
const languages = ['en', 'zh-CN'] as const;

/** Reasons and missing entries of every rule node (not only whole criteria), over generated records. */
function corpus(): { reasons: Reason[]; missing: Missing[] } {
  const reasons: Reason[] = [];
  const missing: Missing[] = [];
  // A switch value without a case cannot pass validation; built in code, it must still phrase.
  const unresolved = { ...hn2301, switches: { ...hn2301.switches, coagulation: { ...hn2301.switches.coagulation!, value: 'neither' } } };
  // Likewise an each-measured node asking for more parts than it has.
  const overAsked: Protocol = { ...example, criteria: [{ ...example.criteria[0]!, rule: { type: 'each-measured', minMeasured: 2, of: [{ type: 'age', min: 18 }] } }] };
  const protocols = [hn2301, withSwitch(hn2301, 'coagulation', 'either'), withSwitch(hn2301, 'zero-steroid-with-immunosuppressant', 'not-eligible'), example, unresolved, overAsked];
  const fixtures = [
    patient(),
    patient((r) => r.observations.push(qty('creatinine', 0, 'mg/dL', '2026-02-28'))),
    patient((r) => { r.sex = 'male'; }),
    patient((r) => r.medications.push(med('corticosteroid', 'prednisone', '2026-02-25', { dose: 12.5 }))),
    patient((r) => { r.answers = [...r.answers.filter((a) => a.questionnaire !== 'sledai-2k'), ...sledai(['low-complement', 'increased-dna-binding', 'alopecia'])]; }),
  ];
  const records = [...fixtures, ...fc.sample(patientRecord, { numRuns: 150, seed: 42 }).map((r) => PatientRecord.parse(r))];
  for (const record of records)
    for (const protocol of protocols) {
      const ctx = makeContext(protocol, record, SCREENING);
      for (const c of protocol.criteria)
        walkRule(c.rule, [], (node) => {
          const r = evaluateRule(ctx, node);
          reasons.push(r.reason);
          missing.push(...r.missing);
        });
    }
  return { reasons, missing };
}

it('every emitted reason and missing entry has a message whose placeholders its params fill', () => {
  const { reasons, missing } = corpus();
  const seen = new Set<string>();
  for (const language of languages) {
    const messages = eligibilityMessages[language];
    for (const r of reasons) {
      const text = messages[`eligibility.reason.${r.code}`];
      assert.ok(text, `no ${language} message for reason ${r.code}`);
      for (const p of placeholders(text)) assert.ok(p in (r.params ?? {}), `reason ${r.code}: {{${p}}} not in ${JSON.stringify(r.params)}`);
      seen.add(r.code);
    }
    for (const m of missing) {
      const text = messages[`eligibility.missing.${m.code}`];
      assert.ok(text, `no ${language} message for missing ${m.code}`);
      for (const p of placeholders(text)) assert.ok(p === 'item' || p in (m.params ?? {}), `missing ${m.code}: {{${p}}} not in ${JSON.stringify(m.params)}`);
    }
  }
  const all = [...Object.values(DecidedCode), ...Object.values(MissingCode)];
  assert.deepEqual(all.filter((c) => !seen.has(c)), [], 'codes the corpus never reached');
});

it('every code has messages and every eligibility message belongs to a code or a criterion', () => {
  const reasonCodes = new Set<string>([...Object.values(DecidedCode), ...Object.values(MissingCode)]);
  const missingCodes = new Set<string>(Object.values(MissingCode));
  const criterionIds = new Set([...hn2301.criteria, ...example.criteria].map((c) => c.id));
  for (const language of languages) {
    const keys = Object.keys(eligibilityMessages[language]);
    for (const code of reasonCodes) assert.ok(keys.includes(`eligibility.reason.${code}`), `${language}: reason ${code}`);
    for (const code of missingCodes) assert.ok(keys.includes(`eligibility.missing.${code}`), `${language}: missing ${code}`);
    for (const id of criterionIds) assert.ok(keys.includes(`eligibility.criterion.${id}`), `${language}: criterion ${id}`);
    for (const key of keys) {
      const [ns, kind, rest] = [key.split('.')[0], key.split('.')[1], key.split('.').slice(2).join('.')];
      if (ns === 'issue') continue;
      if (kind === 'reason') assert.ok(reasonCodes.has(rest), `dead message ${key}`);
      else if (kind === 'missing') assert.ok(missingCodes.has(rest), `dead message ${key}`);
      else assert.ok(kind === 'criterion' && criterionIds.has(rest), `dead message ${key}`);
    }
  }
});
