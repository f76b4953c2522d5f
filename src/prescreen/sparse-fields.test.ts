import assert from 'node:assert/strict';
import { it } from 'node:test';
import { type Fields, resourceFields } from '../fhir/resource-fields.ts';
import { setField } from './sparse-fields.ts';

/** Every key any resource's fields name, at any depth. */
function names(fields: Fields, into = new Set<string>(), seen = new Set<object>()): Set<string> {
  if (fields === true || seen.has(fields)) return into;
  seen.add(fields);
  for (const [key, sub] of Object.entries(fields)) {
    into.add(key);
    names(sub, into, seen);
  }
  return into;
}

it('setField stores each value under its own name, listed in its switch or not', () => {
  const all = new Set<string>(['not-a-listed-field', 'constructor']);
  for (const type of ['Patient', 'Observation', 'Condition', 'MedicationStatement', 'Medication', 'Procedure', 'QuestionnaireResponse', 'Encounter']) names(resourceFields(type), all);
  assert.ok(all.size > 50, `${all.size} names`);
  for (const name of all) {
    const o: Record<string, unknown> = {};
    const v = { marker: name };
    setField(o, name, v);
    assert.deepEqual(Object.keys(o), [name]);
    assert.equal(o[name], v);
  }
});
