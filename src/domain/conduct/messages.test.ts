// Every refusal and explanation step of the conduct rules is phrased in English and Simplified
// Chinese (src/i18n/messages/conduct.ts), using only the params the code passes, with every
// code-valued param phrased; the fragment holds nothing else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatExplanation, formatIssue, languages } from '../../i18n/index.ts';
import { conductMessages } from '../../i18n/messages/conduct.ts';
import { fragments } from '../../i18n/messages/index.ts';
import { DltRule, GradingSystem, Relatedness } from './dlt-rules.ts';
import { EfficacyMeasure } from './efficacy.ts';
import { subjectStatuses } from './lifecycle.ts';

/** Issue codes, `issue(path, code, params)`, with the params each passes. */
const issueParams: Record<string, readonly string[]> = {
  transition_not_allowed: ['from', 'to', 'allowed'], // lifecycle.ts
  unknown_subject: ['subject'], // subjects.ts
  not_screening: ['subject', 'status'], // enrolment.ts, commands.ts
  eligibility_not_confirmed: ['subject'], // enrolment.ts, dosing.ts
  cohort_full: ['cohort', 'level', 'size'], // enrolment.ts
  trial_stopped: ['cohort'], // decision-gate.ts, enrolment.ts
  cohort_not_open_yet: ['cohort', 'level', 'opens'], // decision-gate.ts, enrolment.ts, dosing.ts
  not_enrolled: ['subject', 'status'], // dosing.ts
  above_assigned_level: ['subject', 'assigned', 'requested'], // dosing.ts
  not_assigned_level: ['subject', 'assigned', 'requested'],
  date_before_enrolment: ['subject', 'enrolledOn'],
  date_before_first_dose: ['subject', 'firstDoseDate'],
  cohort_closed: ['subject', 'cohort'],
  sentinel_wait: ['subject', 'sentinel', 'until'],
  cohort_incomplete: ['cohort', 'level', 'dosed', 'size'], // decision-gate.ts
  dlt_window_open: ['level', 'subject', 'ends', 'cohort'],
  decision_required: ['cohort', 'level'],
  decision_not_signed: ['cohort'],
  level_not_open: ['level', 'open'],
  decision_already_recorded: ['cohort'],
  level_out_of_range: ['level', 'max'],
  untried_level_skipped: ['level', 'highest'],
  decision_not_found: ['cohort'],
  decision_already_signed: ['cohort', 'signedOn'],
  date_before_decision: ['cohort', 'decidedOn'],
  not_dosed: ['subject'], // commands.ts
  override_reason_required: ['auto', 'override'], // ae-grading.ts
};

/** Explanation steps with their params. */
const stepParams: Record<string, readonly string[]> = {
  'conduct.dlt.inside-window': ['onset', 'start', 'end'],
  'conduct.dlt.outside-window': ['onset', 'start', 'end'],
  'conduct.dlt.related': ['relatedness'],
  'conduct.dlt.not-related': ['relatedness'],
  'conduct.dlt.no-rule': ['grade', 'system'],
  ...Object.fromEntries(Object.values(DltRule).map((r) => [`conduct.dlt.rule.${r}`, ['grade', 'term']])),
  'conduct.dlt.crs-grade-3-course': [],
  'conduct.dlt.other-grade-3-course': [],
  'conduct.dlt.investigator-confirms': [],
  'conduct.dlt.investigator-decides': [],
  'conduct.efficacy.missing': ['measure', 'inputs'],
};

/** Params whose value is a code, and every value they take. */
const codeValues: Record<string, readonly string[]> = {
  status: subjectStatuses,
  from: subjectStatuses,
  to: subjectStatuses,
  relatedness: Object.values(Relatedness),
  system: Object.values(GradingSystem),
  measure: Object.values(EfficacyMeasure),
};

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);

function samples(params: readonly string[]): Record<string, unknown>[] {
  const base = Object.fromEntries(params.map((p) => [p, codeValues[p]?.[0] ?? (p === 'allowed' || p === 'inputs' ? ['a', 'b'] : '003')]));
  const out: Record<string, unknown>[] = [base];
  for (const p of params) for (const v of codeValues[p] ?? []) out.push({ ...base, [p]: v });
  return out;
}

describe('conduct messages', () => {
  it('phrase every refusal and step in both languages with only the params passed', () => {
    for (const language of languages) {
      const m = conductMessages[language];
      for (const [code, params] of Object.entries(issueParams)) {
        const message = m[`issue.${code}`] ?? '';
        assert.ok(message.trim() !== '', `${language} issue.${code}`);
        for (const p of placeholders(message)) assert.ok(params.includes(p), `${language} issue.${code}: {{${p}}}`);
      }
      for (const [code, params] of Object.entries(stepParams)) {
        const message = m[`explain.${code}`] ?? '';
        assert.ok(message.trim() !== '', `${language} explain.${code}`);
        for (const p of placeholders(message)) assert.ok(params.includes(p), `${language} explain.${code}: {{${p}}}`);
      }
    }
  });

  it('hold no key outside the lists and repeat no other fragment', () => {
    for (const key of Object.keys(conductMessages.en)) {
      const [kind, ...rest] = key.split('.');
      const code = rest.join('.');
      if (kind === 'issue') assert.ok(code in issueParams, key);
      else if (kind === 'explain') assert.ok(code in stepParams, key);
      else assert.equal(kind, 'conduct', key);
    }
    for (const other of fragments.filter((f) => f !== conductMessages))
      for (const key of Object.keys(conductMessages.en)) assert.ok(!(key in other.en), `${key} is also in another fragment`);
  });

  it('render with every code-valued param phrased, leaving no placeholder or key behind', () => {
    const leftovers = /\{\{|\$t\(|conduct\.|explain\.|issue\./;
    for (const language of languages) {
      for (const [code, params] of Object.entries(issueParams))
        for (const sample of samples(params)) {
          const line = formatIssue({ path: [], code, params: sample as never }, language);
          assert.doesNotMatch(line, leftovers, `${language} ${code}: ${line}`);
        }
      for (const [code, params] of Object.entries(stepParams))
        for (const sample of samples(params)) {
          const [line = ''] = formatExplanation([{ code, params: sample as never }], language);
          assert.doesNotMatch(line, leftovers, `${language} ${code}: ${line}`);
        }
    }
  });

  it('say in words what unblocks a level', () => {
    const issue = { path: [], code: 'sentinel_wait', params: { subject: '002', sentinel: '001', until: '2026-01-19' } };
    assert.equal(formatIssue(issue, 'en'), "subject 002 can be dosed from 2026-01-19, when sentinel subject 001's observation period ends");
    assert.equal(formatIssue(issue, 'zh-CN'), '受试者 002 可于 2026-01-19 起给药，届时哨兵受试者 001 的观察期结束');
    const transition = { path: ['status'], code: 'transition_not_allowed', params: { from: 'dosed', to: 'completed', allowed: ['follow_up', 'withdrawn', 'died'] } };
    assert.equal(formatIssue(transition, 'en'), 'a subject cannot go from dosed to completed; allowed next: follow_up, withdrawn, died');
  });
});
