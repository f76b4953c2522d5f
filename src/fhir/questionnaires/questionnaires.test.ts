import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QuestionnaireId } from '../../domain/eligibility/patient-record.ts';
import { eularAcrCriterionCodes } from '../../domain/scores/eular-acr-2019.ts';
import { sledai2kItems } from '../../domain/scores/sledai2k.ts';
import { attestationItems, questionnaireBaseUrl, questionnaireItems, questionnaireOf } from './items.ts';
import { questionnaireResource } from './resources.ts';

interface Item {
  linkId: string;
  type: string;
  text: string;
  _text?: { extension: { url: string; extension: { url: string; valueCode?: string; valueString?: string }[] }[] };
  extension?: { url: string; valueInteger: number }[];
}

const items = (id: QuestionnaireId) => questionnaireResource(id)['item'] as Item[];

describe('published Questionnaires (FHIR R4)', () => {
  it('have linkIds exactly equal to the domain score codes, in order', () => {
    assert.deepEqual(items('sledai-2k').map((i) => i.linkId), sledai2kItems);
    assert.deepEqual(items('eular-acr-2019').map((i) => i.linkId), eularAcrCriterionCodes);
    assert.deepEqual(items('screening-attestations').map((i) => i.linkId), Object.keys(attestationItems));
  });

  it('declare the answer types the adapter reads', () => {
    for (const id of Object.values(QuestionnaireId))
      for (const item of items(id)) assert.equal(item.type, questionnaireItems[id].get(item.linkId)?.type, `${id} ${item.linkId}`);
    const grade = items('screening-attestations')[0]!;
    assert.deepEqual(grade.extension, [
      { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: attestationItems['dyspnea-grade'].min },
      { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: attestationItems['dyspnea-grade'].max },
    ]);
  });

  it('are active, at their canonical URL, with English text and a Simplified Chinese translation per item', () => {
    for (const id of Object.values(QuestionnaireId)) {
      const q = questionnaireResource(id);
      assert.equal(q['resourceType'], 'Questionnaire');
      assert.equal(q['url'], `${questionnaireBaseUrl}${id}`);
      assert.equal(q['status'], 'active');
      assert.equal(questionnaireOf(q['url'] as string), id);
      for (const item of items(id)) {
        assert.ok(item.text.length > 0);
        const translation = item._text?.extension.find((e) => e.url === 'http://hl7.org/fhir/StructureDefinition/translation');
        assert.equal(translation?.extension.find((e) => e.url === 'lang')?.valueCode, 'zh-CN', item.linkId);
        assert.ok(translation?.extension.find((e) => e.url === 'content')?.valueString, item.linkId);
      }
    }
  });

  it('resolve versioned canonicals and nothing else', () => {
    assert.equal(questionnaireOf(`${questionnaireBaseUrl}sledai-2k|1.0.0`), 'sledai-2k');
    assert.equal(questionnaireOf(`${questionnaireBaseUrl}sledai`), undefined);
    assert.equal(questionnaireOf('http://firstdose.dev/fhir/Questionnaire/sledai-2k'), undefined);
  });
});
