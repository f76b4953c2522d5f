// I4 stable standard therapy, I5 glucocorticoid dose (worked examples P1–P5 of domain.md §7) and
// I6 prior immunosuppressants, with their switches.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MedicationFact } from './patient-record.ts';
import { hn2301 } from '../../protocols/test-support.ts';
import { med, missingCodes, patient, screenWith, withSwitch } from './test-support.ts';

const { criterion, statusOf } = screenWith(hn2301);

/** The eligible patient with these medications instead of hers. */
const taking = (...meds: MedicationFact[]) =>
  patient((r) => {
    r.medications = meds;
  });
const gc = (agent: string, dose: number, opts: { perDay?: number; start?: string; end?: string; unit?: string } = {}) =>
  med('corticosteroid', agent, opts.start ?? '2025-09-01', { dose, ...opts });
const mmf = med('immunosuppressant', 'mycophenolate', '2025-06-01', { dose: 1000, perDay: 2 });

describe('corticosteroid-dose (I5): worked examples P1–P5', () => {
  it('P1 methylprednisolone 16 mg/d, no IS → 20 mg prednisone-equivalent → met', () => {
    const c = criterion(taking(gc('methylprednisolone', 16)), 'corticosteroid-dose');
    assert.equal(c.status, 'met');
    assert.equal(c.reason.params?.mgPerDay, 20);
  });
  it('P2 dexamethasone 1.5 mg/d → 10 → met', () => {
    const c = criterion(taking(gc('dexamethasone', 1.5)), 'corticosteroid-dose');
    assert.equal(c.status, 'met');
    assert.equal(c.reason.params?.mgPerDay, 10);
  });
  it('P3 hydrocortisone 20 mg/d, no IS → 5 → not met (< 7.5 without IS)', () => {
    const c = criterion(taking(gc('hydrocortisone', 20)), 'corticosteroid-dose');
    assert.equal(c.status, 'not-met');
    assert.equal(c.reason.code, 'glucocorticoid_dose_below_minimum');
  });
  it('P4 hydrocortisone 20 mg/d + MMF → 5 → met (no minimum with IS)', () => {
    assert.equal(statusOf(taking(gc('hydrocortisone', 20), mmf), 'corticosteroid-dose'), 'met');
  });
  it('P5 prednisone 35 mg/d + MMF → not met (> 30)', () => {
    assert.equal(criterion(taking(gc('prednisone', 35), mmf), 'corticosteroid-dose').reason.code, 'glucocorticoid_dose_above_maximum');
  });
});

describe('corticosteroid-dose (I5): boundaries and readings', () => {
  it('exactly 7.5 and exactly 30 mg/d are met; 30.5 is not', () => {
    assert.equal(statusOf(taking(gc('prednisone', 7.5)), 'corticosteroid-dose'), 'met');
    assert.equal(statusOf(taking(gc('prednisone', 15, { perDay: 2 })), 'corticosteroid-dose'), 'met');
    assert.equal(statusOf(taking(gc('prednisolone', 30.5)), 'corticosteroid-dose'), 'not-met');
  });

  it('sums all current systemic glucocorticoids; each agent counts its newest statement only', () => {
    assert.equal(criterion(taking(gc('prednisone', 20), gc('methylprednisolone', 12)), 'corticosteroid-dose').reason.params?.mgPerDay, 35);
    // 10 mg since September, raised to 15 mg in January with the old statement left open.
    const c = criterion(taking(gc('prednisone', 10), gc('prednisone', 15, { start: '2026-01-05' })), 'corticosteroid-dose');
    assert.equal(c.reason.params?.mgPerDay, 15);
    assert.equal(statusOf(taking(gc('prednisone', 40, { start: '2025-01-01', end: '2025-08-31' }), gc('prednisone', 10)), 'corticosteroid-dose'), 'met', 'a stopped dose does not count');
  });

  it('no glucocorticoid: 0 mg — met with an immunosuppressant (switch default eligible), not met without', () => {
    assert.equal(statusOf(taking(mmf), 'corticosteroid-dose'), 'met');
    assert.equal(statusOf(taking(med('hydroxychloroquine', 'hydroxychloroquine', '2024-01-01')), 'corticosteroid-dose'), 'not-met', 'HCQ is not an immunosuppressant here');
    const strict = withSwitch(hn2301, 'zero-steroid-with-immunosuppressant', 'not-eligible');
    assert.equal(statusOf(taking(mmf), 'corticosteroid-dose', strict), 'not-met');
    assert.equal(statusOf(taking(gc('prednisone', 2.5), mmf), 'corticosteroid-dose', strict), 'met');
  });

  it('a glucocorticoid without a conversion or a dose → unknown; above 30 already → not met', () => {
    const noConversion = med('corticosteroid', 'fluocortolone', '2025-09-01', { dose: 20, problem: { code: 'unknown_unit', detail: 'no prednisone equivalent' } });
    assert.deepEqual(missingCodes(criterion(taking(noConversion, mmf), 'corticosteroid-dose')), ['fluocortolone:unknown_unit']);
    const unknownDrug = med('corticosteroid', 'cortivazol', '2025-09-01', { dose: 1 });
    assert.deepEqual(missingCodes(criterion(taking(unknownDrug), 'corticosteroid-dose')), ['cortivazol:unknown_glucocorticoid']);
    assert.deepEqual(missingCodes(criterion(taking(med('corticosteroid', 'prednisone', '2025-09-01')), 'corticosteroid-dose')), ['prednisone:no_dose']);
    assert.deepEqual(missingCodes(criterion(taking(gc('prednisone', 1, { unit: 'mL' })), 'corticosteroid-dose')), ['prednisone:unknown_unit']);
    assert.equal(statusOf(taking(gc('prednisone', 35), unknownDrug), 'corticosteroid-dose'), 'not-met', 'the known 35 mg already exceeds 30');
  });

  it('doses in g and µg convert to mg', () => {
    assert.equal(criterion(taking(gc('dexamethasone', 1500, { unit: 'ug' })), 'corticosteroid-dose').reason.params?.mgPerDay, 10);
  });
});

describe('prior-immunosuppressants (I6)', () => {
  const hcq = med('hydroxychloroquine', 'hydroxychloroquine', '2022-01-01', { end: '2023-01-01' });
  const aza = med('immunosuppressant', 'azathioprine', '2021-01-01', { end: '2021-12-31' });

  it('hydroxychloroquine + one immunosuppressant = 2 agents → met (switch default: HCQ counts)', () => {
    assert.equal(statusOf(taking(hcq, mmf), 'prior-immunosuppressants'), 'met');
  });

  it('one agent only, or the same agent twice → not met', () => {
    assert.equal(statusOf(taking(mmf), 'prior-immunosuppressants'), 'not-met');
    const c = criterion(taking(mmf, med('immunosuppressant', 'Mycophenolate ', '2020-01-01', { end: '2020-06-01' })), 'prior-immunosuppressants');
    assert.equal(c.status, 'not-met');
    assert.deepEqual(c.reason.params?.agents, ['mycophenolate']);
  });

  it('a record without any medication statement leaves prior and current therapy unknown, not failed', () => {
    for (const id of ['prior-immunosuppressants', 'standard-therapy']) {
      const c = criterion(taking(), id);
      assert.equal(c.status, 'unknown', id);
      assert.deepEqual(missingCodes(c), ['medication-history:no_medication_history'], id);
    }
    // "None at all counts as 0" for the dose itself (issue #4): 0 mg without an immunosuppressant fails.
    assert.equal(statusOf(taking(), 'corticosteroid-dose'), 'not-met');
  });

  it('an agent first started after the screening date does not count', () => {
    assert.equal(statusOf(taking(mmf, med('immunosuppressant', 'tacrolimus', '2026-03-10')), 'prior-immunosuppressants'), 'not-met');
  });

  it('switch no: two immunosuppressants besides HCQ; hcq-or-two-immunosuppressants: HCQ alone suffices', () => {
    const no = withSwitch(hn2301, 'hcq-counts-as-agent', 'no');
    assert.equal(statusOf(taking(hcq, mmf), 'prior-immunosuppressants', no), 'not-met');
    assert.equal(statusOf(taking(aza, mmf), 'prior-immunosuppressants', no), 'met');
    const either = withSwitch(hn2301, 'hcq-counts-as-agent', 'hcq-or-two-immunosuppressants');
    assert.equal(statusOf(taking(hcq), 'prior-immunosuppressants', either), 'met');
    assert.equal(statusOf(taking(mmf), 'prior-immunosuppressants', either), 'not-met');
  });
});

describe('standard-therapy (I4): regimen ≥ 8 weeks, doses unchanged ≥ 2 weeks (screening 2026-03-01)', () => {
  const hcqSince = (start: string) => med('hydroxychloroquine', 'hydroxychloroquine', start, { dose: 200, perDay: 2 });

  it('a regimen begun exactly 8 weeks before is met; 8 weeks minus a day is not', () => {
    assert.equal(statusOf(taking(gc('prednisone', 10, { start: '2026-01-04' })), 'standard-therapy'), 'met');
    const c = criterion(taking(gc('prednisone', 10, { start: '2026-01-05' })), 'standard-therapy');
    assert.equal(c.status, 'not-met');
    assert.equal(c.reason.code, 'regimen_too_recent');
    assert.equal(c.reason.params?.regimenStart, '2026-01-05');
  });

  it('an agent added 3 weeks ago restarts the regimen (the combination is new)', () => {
    assert.equal(statusOf(taking(hcqSince('2024-01-01'), med('immunosuppressant', 'tacrolimus', '2026-02-08', { dose: 2 })), 'standard-therapy'), 'not-met');
  });

  it('a dose change inside the 2-week window → not met; exactly 14 days before → met', () => {
    const change = (on: string) =>
      taking(hcqSince('2024-01-01'), gc('prednisone', 15, { start: '2025-06-01', end: on }), gc('prednisone', 10, { start: on }));
    const c = criterion(change('2026-02-20'), 'standard-therapy');
    assert.equal(c.status, 'not-met');
    assert.equal(c.reason.code, 'dose_changed_recently');
    assert.equal(c.reason.params?.agent, 'prednisone');
    assert.equal(c.reason.params?.lastChange, '2026-02-20');
    assert.equal(statusOf(change('2026-02-15'), 'standard-therapy'), 'met', 'changed exactly 2 weeks before');
    assert.equal(statusOf(change('2026-02-16'), 'standard-therapy'), 'not-met');
  });

  it('the continuous use spans dose changes: the regimen keeps its start', () => {
    const r = taking(gc('prednisone', 20, { start: '2025-01-01', end: '2025-10-01' }), gc('prednisone', 15, { start: '2025-10-01' }));
    const c = criterion(r, 'standard-therapy');
    assert.equal(c.status, 'met');
    assert.equal(c.reason.params?.regimenStart, '2025-01-01');
  });

  it('a gap breaks continuous use: restarted 4 weeks ago is a new regimen', () => {
    const r = taking(gc('prednisone', 10, { start: '2025-01-01', end: '2025-11-30' }), gc('prednisone', 10, { start: '2026-02-01' }));
    assert.equal(statusOf(r, 'standard-therapy'), 'not-met');
  });

  it('a renewed statement with the same dose and frequency is not a dose change', () => {
    const r = taking(gc('prednisone', 10, { start: '2025-06-01', end: '2026-02-24' }), gc('prednisone', 10, { start: '2026-02-25' }));
    assert.equal(statusOf(r, 'standard-therapy'), 'met');
  });

  it('no current glucocorticoid, antimalarial or immunosuppressant → not met', () => {
    const c = criterion(taking(med('immunosuppressant', 'azathioprine', '2020-01-01', { end: '2021-01-01' })), 'standard-therapy');
    assert.equal(c.status, 'not-met');
    assert.equal(c.reason.code, 'no_current_regimen');
  });
});
