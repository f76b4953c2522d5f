import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { href, parseRoute, type Route } from './router.ts';

describe('web router', () => {
  const routes: Route[] = [
    { name: 'dashboard' },
    { name: 'login' },
    { name: 'screening' },
    { name: 'screening', subjectId: 'a b/c' },
    { name: 'subjects' },
    { name: 'subject', id: '0f7c' },
    { name: 'adverse-event', subjectId: '0f7c' },
    { name: 'escalation' },
    { name: 'designs' },
    { name: 'audit', table: 'adverse_event', id: 'x-1' },
    { name: 'queries' },
    { name: 'account' },
    { name: 'public-study', study: 'hn2301' },
  ];
  for (const route of routes)
    it(`round-trips ${JSON.stringify(route)}`, () => {
      const [path, search] = href(route).split('?');
      assert.deepEqual(parseRoute(path!, search ? `?${search}` : ''), route);
    });

  it('names unknown paths', () => {
    assert.deepEqual(parseRoute('/nowhere/at/all'), { name: 'not-found', path: '/nowhere/at/all' });
    assert.deepEqual(parseRoute('/subjects/1/extra'), { name: 'not-found', path: '/subjects/1/extra' });
  });

  it('takes the public page with a trailing slash', () => {
    assert.deepEqual(parseRoute('/study/hn2301/'), { name: 'public-study', study: 'hn2301' });
  });
});
