// Kept answers as sent: made once for the same kept pages and reader, anew for any other, and by
// the route's serializer (the schema's check included).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { RenderedAnswers, serializerOf } from './rendered.ts';

describe('rendered answers', () => {
  it('renders once per kept page (by identity) and reader, and again for a new page or another reader', () => {
    const answers = new RenderedAnswers();
    let made = 0;
    const render = (page: { n: number }) => () => `{"n":${page.n},"made":${++made}}`;
    const page = { n: 1 };
    const first = answers.text([page, 'names|s:*|en'], render(page));
    assert.equal(answers.text([page, 'names|s:*|en'], render(page)), first);
    assert.equal(made, 1);
    assert.notEqual(answers.text([page, 'pseudonyms|s:*|en'], render(page)), first, 'another kind of reader');
    assert.notEqual(answers.text([{ n: 1 }, 'names|s:*|en'], render(page)), first, 'an equal page recomputed is another page');
    assert.notEqual(answers.text([page, 1, 'names|s:*|en'], render(page)), answers.text([page, '1', 'names|s:*|en'], render(page)), 'a number is not its text');
    assert.equal(made, 5);
  });

  it('serializes as the route would: checked against the schema, then JSON', () => {
    const json = serializerOf(z.object({ at: z.string(), n: z.int() }), 'GET', '/x');
    assert.equal(json({ at: '2026-05-01', n: 3, extra: true }), '{"at":"2026-05-01","n":3}');
    assert.throws(() => json({ at: 5, n: 3 }));
  });
});
