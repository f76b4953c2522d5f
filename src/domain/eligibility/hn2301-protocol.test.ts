// The HN2301 protocol file (protocols/hn2301.yaml) validates, holds the 15 inclusion criteria of
// domain.md §0.1 in order with the issue's ids, its switches and design parameters, and screens the
// fully eligible fixture patient as eligible, recording the protocol version.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadProtocol } from '../../protocols/load.ts';
import { Protocol, switchValue } from '../protocol/index.ts';
import { parseInput } from '../validation.ts';
import { evaluateProtocol } from './evaluate.ts';
import { hn2301 } from '../../protocols/test-support.ts';
import { ASOF, patient, withSwitch } from './test-support.ts';

const ids = [
  'age', 'sle-classification', 'sle-duration', 'standard-therapy', 'corticosteroid-dose', 'prior-immunosuppressants', 'serology',
  'sledai-2k', 'bone-marrow', 'coagulation', 'cardiac', 'pulmonary', 'hepatic', 'renal', 'pregnancy',
];

describe('protocols/hn2301.yaml', () => {
  it('validates and lists the 15 inclusion criteria I1–I15 in order; no exclusion criteria', () => {
    assert.deepEqual(hn2301.criteria.map((c) => c.id), ids);
    assert.ok(hn2301.criteria.every((c) => c.kind === 'inclusion'));
  });

  it('identity, design and schedule as registered (domain.md §0, §1.3, §1.5)', () => {
    assert.equal(hn2301.identity.registryId, 'NCT06801119');
    assert.equal(hn2301.identity.sponsor, 'Shenzhen MagicRNA Biotechnology Co., Ltd');
    assert.match(hn2301.identity.collaborators[0] ?? '', /First Affiliated Hospital of University of Science and Technology of China/);
    assert.deepEqual(hn2301.doseLevels.map((d) => d.level), [1, 2, 3]);
    assert.deepEqual([hn2301.escalation.design, hn2301.escalation.variant, hn2301.escalation.cohortSize], ['3+3', 'a', 3]);
    assert.equal(hn2301.dlt.windowDays, 28);
    assert.deepEqual(hn2301.sentinel, { count: 1, waitDays: 14 });
    assert.equal(hn2301.screening.windowDays, 28);
    const v = Object.fromEntries(hn2301.visits.map((x) => [x.id, [x.day, x.windowBefore, x.windowAfter]]));
    assert.deepEqual(v.screening, [-28, 0, 27]);
    assert.deepEqual(v.infusion, [0, 0, 0]);
    assert.deepEqual(v.d7, [7, 1, 1]);
    assert.deepEqual(v.d28, [28, 2, 2]);
    assert.deepEqual(v.m6, [180, 7, 7]);
    assert.deepEqual(v.m12, [360, 14, 14]);
    assert.deepEqual(hn2301.visits.map((x) => x.id), ['screening', 'baseline', 'infusion', 'd1', 'd2', 'd3', 'd4', 'd5', 'd7', 'd10', 'd14', 'd21', 'd28', 'm2', 'm3', 'm4', 'm6', 'm9', 'm12']);
  });

  it('every ambiguity is a switch with its default', () => {
    assert.deepEqual(
      Object.keys(hn2301.switches).map((n) => [n, switchValue(hn2301, n)]),
      [['coagulation', 'each-measured'], ['zero-steroid-with-immunosuppressant', 'eligible'], ['hcq-counts-as-agent', 'yes'], ['crcl-weight', 'actual']],
    );
  });

  it('the eligible fixture is eligible, and the result records protocol id and version', () => {
    const r = evaluateProtocol(hn2301, patient(), ASOF);
    assert.deepEqual(r.criteria.filter((c) => c.status !== 'met').map((c) => [c.id, c.reason]), []);
    assert.equal(r.eligible, 'yes');
    assert.equal(r.protocol, 'hn2301');
    assert.equal(r.protocolVersion, '1');
    assert.equal(r.asOf, ASOF);
  });

  it('eligible is no if any criterion is not met, else undetermined if any is unknown', () => {
    const unknownOnly = patient((r) => { delete r.birthDate; });
    assert.equal(evaluateProtocol(hn2301, unknownOnly, ASOF).eligible, 'undetermined');
    const both = patient((r) => {
      delete r.birthDate;
      r.observations.push({ feature: 'lvef', date: '2026-02-28', value: { kind: 'quantity', quantity: { value: 30, unit: '%' } }, source: 'Observation/echo' });
    });
    assert.equal(evaluateProtocol(hn2301, both, ASOF).eligible, 'no');
  });

  it('an amendment is a new version and the result says which one was used', () => {
    const amended = { ...hn2301, version: '2', supersedes: '1' };
    assert.equal(evaluateProtocol(amended, patient(), ASOF).protocolVersion, '2');
  });

  it('rejects a switch value without a rule case, an unknown switch name and a case that is not an option', () => {
    const ideal = parseInput(Protocol, withSwitch(hn2301, 'crcl-weight', 'ideal'));
    assert.ok(!ideal.ok);
    assert.deepEqual(ideal.issues.map((i) => [i.code, i.path.join('.')]), [['switch_case_missing', 'criteria.13.rule.cases']]);
    const renamed = structuredClone(hn2301);
    const renal = renamed.criteria[13]!.rule as { name: string };
    renal.name = 'crcl-weigth';
    const r = parseInput(Protocol, renamed);
    assert.ok(!r.ok);
    assert.equal(r.issues[0]?.code, 'unknown_switch');
    const typo = structuredClone(hn2301);
    (typo.criteria[9]!.rule as { cases: Record<string, unknown> }).cases['eiter'] = { type: 'age', min: 1 };
    const t = parseInput(Protocol, typo);
    assert.ok(!t.ok);
    assert.deepEqual(t.issues.map((i) => [i.code, i.path.join('.')]), [['invalid_choice', 'criteria.9.rule.cases.eiter']]);
  });

  it('rejects a lab rule in a unit FirstDose does not know', () => {
    const bad = structuredClone(hn2301);
    bad.criteria[10]!.rule = { type: 'lab', feature: 'lvef', op: '>=', value: 40, unit: 'percentage' };
    const r = parseInput(Protocol, bad);
    assert.ok(!r.ok);
    assert.deepEqual(r.issues.map((i) => [i.code, i.path.join('.')]), [['unknown_unit', 'criteria.10.rule.unit']]);
  });

  it('is found by listing and loads by id, path and version', () => {
    const byPath = loadProtocol('protocols/hn2301.yaml');
    assert.ok(byPath.ok);
    assert.ok(loadProtocol('hn2301', { version: '1' }).ok);
    const wrong = loadProtocol('hn2301', { version: '9' });
    assert.ok(!wrong.ok);
    assert.equal(wrong.issues[0]?.code, 'protocol_version_not_found');
  });
});
