// Every explanation step the safety library can emit has a message in English and Chinese, and
// every placeholder of that message is filled by the step's parameters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safetyMessages } from '../../i18n/messages/safety.ts';
import type { ExplanationStep } from '../explanation.ts';
import { gradeCrs, Hypotension, OxygenSupport } from './crs.ts';
import { gradeCtcae } from './ctcae.ts';
import type { CtcaeInput } from './ctcae-input.ts';
import { CerebralEdema, Consciousness, gradeIcans, Seizure } from './icans.ts';

function ctcaeInputs(): CtcaeInput[] {
  const out: CtcaeInput[] = [];
  const counts = ['neutrophil-count-decreased', 'lymphocyte-count-decreased', 'white-blood-cell-decreased', 'platelet-count-decreased'] as const;
  for (const term of counts) for (const value of [0.1, 0.4, 0.9, 1.4, 2.5, 60, 100, 200]) out.push({ term, value: { value, unit: '10*9/L' }, lln: 3.5 });
  for (const value of [50, 90, 110, 130]) out.push({ term: 'anemia', value: { value, unit: 'g/L' }, lln: { value: 12, unit: 'g/dL' } });
  for (const value of [10, 25, 32, 40]) out.push({ term: 'hypoalbuminemia', value: { value, unit: 'g/L' }, lln: 35 });
  const enzymes = ['alanine-aminotransferase-increased', 'aspartate-aminotransferase-increased', 'alkaline-phosphatase-increased', 'ggt-increased'] as const;
  for (const term of enzymes)
    for (const baseline of [undefined, 30, 60])
      for (const value of [20, 50, 100, 150, 250, 1000]) out.push({ term, value: { value, unit: 'U/L' }, uln: 40, ...(baseline ? { baseline } : {}) });
  for (const baseline of [undefined, 10, 30]) for (const value of [10, 25, 40, 100, 300]) out.push({ term: 'blood-bilirubin-increased', value: { value, unit: 'umol/L' }, uln: 21, ...(baseline ? { baseline } : {}) });
  for (const baseline of [undefined, 0.5]) for (const value of [0.8, 1.2, 1.8, 4, 8]) out.push({ term: 'creatinine-increased', value: { value, unit: 'mg/dL' }, uln: { value: 97.24, unit: 'umol/L' }, ...(baseline ? { baseline } : {}) });
  for (const value of [30, 40, 60, 100]) out.push({ term: 'activated-partial-thromboplastin-time-prolonged', value: { value, unit: 's' }, uln: 35 });
  for (const anticoagulated of [false, true]) for (const value of [1, 1.3, 2, 3, 6]) out.push({ term: 'inr-increased', value: { value, unit: 'INR' }, baseline: 2, anticoagulated });
  for (const durationHours of [undefined, 12, 30]) for (const value of [98, 100.4, 102.5, 104.5]) out.push({ term: 'fever', value: { value, unit: '[degF]' }, ...(durationHours ? { durationHours } : {}) });
  return out;
}

function allSteps(): ExplanationStep[] {
  const steps: ExplanationStep[] = [];
  for (const input of ctcaeInputs()) {
    const r = gradeCtcae(input);
    assert.ok(r.ok, JSON.stringify(input));
    steps.push(...r.value.explanation);
  }
  for (const feverC of [undefined, 37, 39])
    for (const antiCytokineGiven of [false, true])
      for (const hypotension of Object.values(Hypotension))
        for (const oxygen of Object.values(OxygenSupport))
          steps.push(...gradeCrs({ ...(feverC ? { feverC } : {}), antiCytokineGiven, hypotension, oxygen }).explanation);
  for (const ice of [undefined, 0, 5, 8, 10])
    for (const consciousness of Object.values(Consciousness))
      for (const seizure of Object.values(Seizure))
        for (const edema of Object.values(CerebralEdema))
          for (const motorWeakness of [false, true])
            steps.push(...gradeIcans({ ...(ice === undefined ? {} : { ice }), consciousness, seizure, edema, motorWeakness }).explanation);
  return steps;
}

describe('safety explanation messages', () => {
  const steps = allSteps();
  const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '');

  it('exist for every emitted code in both languages, with every placeholder supplied', () => {
    for (const s of steps) {
      for (const language of ['en', 'zh-CN'] as const) {
        const message = safetyMessages[language][`explain.${s.code}`];
        assert.ok(message, `${language}: no message for explain.${s.code}`);
        for (const p of placeholders(message)) assert.ok(p in s.params, `${language} explain.${s.code}: no parameter ${p}`);
      }
    }
  });

  it('are all used (no stale keys)', () => {
    const emitted = new Set(steps.map((s) => `explain.${s.code}`));
    assert.deepEqual(Object.keys(safetyMessages.en).filter((k) => !emitted.has(k)), []);
  });
});
