import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factsOf, issuesOf } from './test-support.ts';

const response = (questionnaire: string, item: unknown[], fields: Record<string, unknown> = {}) => ({
  resourceType: 'QuestionnaireResponse',
  id: 'qr1',
  status: 'completed',
  questionnaire: `https://firstdose.dev/fhir/Questionnaire/${questionnaire}`,
  subject: { reference: 'Patient/p1' },
  authored: '2026-01-08T09:30:00+08:00',
  item,
  ...fields,
});
const yes = (linkId: string, value = true) => ({ linkId, answer: [{ valueBoolean: value }] });
const answers = (r: unknown) => factsOf(r).map((f) => (f.kind === 'answer' ? [f.fact.questionnaire, f.fact.linkId, f.fact.value] : null));

describe('QuestionnaireResponse: the three FirstDose questionnaires', () => {
  it('maps SLEDAI-2K descriptors (linkIds = score codes) with the authored date', () => {
    const facts = factsOf(response('sledai-2k', [yes('arthritis'), yes('low-complement'), yes('rash', false)]));
    assert.deepEqual(facts[0], {
      kind: 'answer',
      fact: { questionnaire: 'sledai-2k', linkId: 'arthritis', value: true, date: '2026-01-08T09:30:00+08:00', source: 'QuestionnaireResponse/qr1' },
    });
    assert.equal(facts.length, 3);
  });

  it('maps EULAR/ACR 2019 criteria and the attestations, accepting a |version canonical', () => {
    assert.deepEqual(answers(response('eular-acr-2019|1.0.0', [yes('joint-involvement')])), [['eular-acr-2019', 'joint-involvement', true]]);
    const attest = response('screening-attestations', [{ linkId: 'dyspnea-grade', answer: [{ valueInteger: 1 }] }, yes('lactating', false), yes('contraception-agreed')]);
    assert.deepEqual(answers(attest), [
      ['screening-attestations', 'dyspnea-grade', 1],
      ['screening-attestations', 'lactating', false],
      ['screening-attestations', 'contraception-agreed', true],
    ]);
  });

  it('reads items nested in groups and skips unanswered items', () => {
    const grouped = response('sledai-2k', [{ linkId: 'cns', item: [yes('seizure'), { linkId: 'psychosis' }] }]);
    assert.deepEqual(answers(grouped), [['sledai-2k', 'seizure', true]]);
    assert.deepEqual(answers(response('sledai-2k', [{ linkId: 'fever', answer: [] }])), []);
  });

  it('reports an unknown linkId by name', () => {
    assert.deepEqual(issuesOf(response('sledai-2k', [yes('headache')]), ['entry', 2, 'resource']), [
      {
        path: ['entry', 2, 'resource', 'item', 0, 'linkId'],
        code: 'unknown_link_id',
        params: { resource: 'QuestionnaireResponse/qr1', linkId: 'headache', questionnaire: 'sledai-2k' },
      },
    ]);
  });

  it('reports answers of the wrong type, out of range, or more than one', () => {
    const wrong = issuesOf(response('sledai-2k', [{ linkId: 'fever', answer: [{ valueString: 'yes' }] }]));
    assert.deepEqual(wrong.map((i) => [i.path, i.code]), [[['item', 0, 'answer', 0, 'valueBoolean'], 'required']]);
    const notBool = issuesOf(response('sledai-2k', [{ linkId: 'fever', answer: [{ valueBoolean: 'true' }] }]));
    assert.deepEqual(notBool[0]?.params, { resource: 'QuestionnaireResponse/qr1', expected: 'boolean', received: 'string' });
    const range = issuesOf(response('screening-attestations', [{ linkId: 'dyspnea-grade', answer: [{ valueInteger: 7 }] }]));
    assert.deepEqual(range[0]?.params, { resource: 'QuestionnaireResponse/qr1', value: 7, minimum: 0, maximum: 5 });
    const two = issuesOf(response('sledai-2k', [{ linkId: 'fever', answer: [{ valueBoolean: true }, { valueBoolean: false }] }]));
    assert.equal(two[0]?.code, 'too_many');
  });

  it('ignores other questionnaires and responses entered in error', () => {
    assert.deepEqual(factsOf(response('phq-9', [yes('q1')])), []);
    assert.deepEqual(factsOf(response('sledai-2k', [yes('fever')], { status: 'entered-in-error' })), []);
  });
});
