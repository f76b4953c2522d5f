// Every explanation step and failed code these definitions emit has a message in English and
// Chinese whose placeholders are all filled by the step's params; and no message is dead. (A test
// may reach into src/i18n; the domain code itself does not.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatExplanation, languages } from '../../../i18n/index.ts';
import { responseMessages } from '../../../i18n/messages/responses.ts';
import type { ExplanationStep } from '../../explanation.ts';
import { sledai2kItems } from '../sledai2k.ts';
import { doris } from './doris.ts';
import { lldas } from './lldas.ts';
import { sri4 } from './sri.ts';
import { run } from './test-support.ts';

const gc = [{ drug: 'methylprednisolone', dose: { value: 4, unit: 'mg' } }, { drug: 'prednisone', dose: { value: 5, unit: 'mg' } }];
const lldasCases = [
  { sledai2k: { items: ['low-complement'] }, newFeatures: false, pga: 0.4, immunosuppressantsStandardDose: true },
  { sledai2k: { items: sledai2kItems }, newFeatures: true, pga: 2, glucocorticoids: gc, immunosuppressantsStandardDose: false, hemolyticAnemia: true, gastrointestinalActivity: true },
  { sledai2k: { items: [] }, newFeatures: false, pga: 0, prednisoneMgPerDay: 5, immunosuppressantsStandardDose: true },
];
const dorisCases = [
  { sledai2k: { items: ['low-complement'] }, pga: 0.4, prednisoneMgPerDay: 5 },
  { sledai2k: { items: ['rash'] }, pga: 1, glucocorticoids: gc, immunosuppressantsStable: false, biologicsStable: false, prednisoneBound: 'below-5', drugFree: true, onImmunosuppressants: true, onBiologics: true },
  { sledai2k: { items: [] }, pga: 0, prednisoneBound: 'below-5', drugFree: true, onImmunosuppressants: false, onBiologics: false },
  { sledai2k: { items: [] }, pga: 0, prednisoneMgPerDay: 6 },
];
const sriCases = [
  { baseline: { sledai2k: 12, pga: 1.8, bilag: { renal: 'C', mucocutaneous: 'E' } }, followup: { sledai2k: 4, pga: 0.6, bilag: { renal: 'B' } } },
  { baseline: { sledai2k: 6, pga: 1, bilag: {} }, followup: { sledai2k: 4, pga: 1.3, bilag: { renal: 'A', mucocutaneous: 'B', ophthalmic: 'B' } }, threshold: 8 },
];

function corpus() {
  const steps: ExplanationStep[] = [];
  const failed: string[] = [];
  const add = (r: ReturnType<typeof run>) => {
    assert.ok(r.ok, JSON.stringify(!r.ok && r.issues));
    steps.push(...r.value.explanation);
    const output = r.value.output as { failed?: string[] };
    failed.push(...(output.failed ?? []));
  };
  for (const c of lldasCases) add(run(lldas, c));
  for (const c of dorisCases) add(run(doris, c));
  for (const c of sriCases) add(run(sri4, c));
  return { steps, failed };
}

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] ?? '');

describe('response messages (src/i18n/messages/responses.ts)', () => {
  const { steps, failed } = corpus();

  it('every emitted step has a message in both languages whose placeholders its params fill', () => {
    for (const language of languages)
      for (const s of steps) {
        const message = responseMessages[language][`explain.${s.code}`];
        assert.ok(message, `${language}: explain.${s.code}`);
        for (const p of placeholders(message)) assert.ok(p in s.params, `${language}: explain.${s.code} needs {{${p}}}`);
      }
  });

  it('every explain message is emitted by some case, and every failed code has a phrase', () => {
    const emitted = new Set(steps.map((s) => `explain.${s.code}`));
    const explainKeys = Object.keys(responseMessages.en).filter((k) => k.startsWith('explain.'));
    assert.deepEqual(explainKeys.filter((k) => !emitted.has(k)), []);
    const failedKeys = Object.keys(responseMessages.en).filter((k) => k.startsWith('failed.'));
    assert.deepEqual([...new Set(failed.map((f) => `failed.${f}`))].sort(), failedKeys.sort());
  });

  it('renders through the catalogue with no placeholder left over', () => {
    for (const language of languages)
      for (const line of formatExplanation(steps, language)) assert.ok(!line.includes('{{') && !line.startsWith('explain.'), line);
  });
});
