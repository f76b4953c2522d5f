import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unwrap } from '../result.ts';
import { escalationDesign } from './escalation-design.ts';
import { parseOutcomes } from './outcome-notation.ts';

describe('outcome notation (style.md §5)', () => {
  it('parses cohorts into counts, the current dose and the last cohort', () => {
    assert.deepEqual(unwrap(parseOutcomes('1NNN 2NTN 2NNT', 3)), {
      current: 2,
      doses: [
        { n: 3, y: 0 },
        { n: 6, y: 2 },
        { n: 0, y: 0 },
      ],
      lastCohort: { n: 3, y: 1 },
    });
    assert.deepEqual(unwrap(parseOutcomes('  ', 2, 2)), { current: 2, doses: [{ n: 0, y: 0 }, { n: 0, y: 0 }] });
  });

  it('reports bad tokens and doses out of range', () => {
    const bad = parseOutcomes('1NNN 2NX', 3);
    assert.ok(!bad.ok && bad.issues[0]!.code === 'invalid_outcome_token');
    const range = parseOutcomes('4NNN', 3);
    assert.ok(!range.ok && range.issues[0]!.code === 'too_big');
  });
});

describe('escalationDesign', () => {
  it('builds BOIN and 3+3 from --design and options, and reports bad options as issues', () => {
    assert.equal(unwrap(escalationDesign({ design: 'boin', target: 0.3, doses: 5, cohortSize: 3, cohorts: 10 })).label, 'boin');
    assert.equal(unwrap(escalationDesign({ design: '3+3', variant: 'c', doses: 5 })).label, '3+3/c');
    const bad = escalationDesign({ design: 'boin', target: 0.9, doses: 5, cohortSize: 3, cohorts: 10 });
    assert.ok(!bad.ok && bad.issues[0]!.path[0] === 'target');
  });
});
