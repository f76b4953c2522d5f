// Stored cross-site scripting, over the API: script and markup typed into free text (a subject's
// screening number, a query and its answer, a user's name, a patient's contact request, a
// problem naming what was asked for) come back in JSON answers with a JSON content type and
// nosniff, with `<`, `>` and `&` escaped in the text (\u003c …), and are the exact same text once
// parsed: stored verbatim, shown as text by the app (src/web/e2e/xss.test.ts checks the browser).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { Db } from '../../store/index.ts';
import { freshDb } from '../../store/test-support.ts';
import { apiTrial, password } from '../test-support.ts';

export const scripts = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(2)</script>',
  '"><svg onload=alert(3)>',
  "javascript:alert('4')",
  '{{constructor.constructor("alert(5)")()}}',
  '&lt;b&gt; &amp; \u2028 line',
] as const;

function assertJsonText(r: LightMyRequestResponse, what: string): void {
  assert.ok(r.statusCode < 300, `${what}: ${r.statusCode} ${r.body.slice(0, 200)}`);
  assert.match(String(r.headers['content-type']), /^application\/(problem\+)?json; charset=utf-8$/, what);
  assert.equal(r.headers['x-content-type-options'], 'nosniff', what);
  assert.ok(!/[<>&\u2028]/.test(r.body), `${what}: the answer's text holds markup characters: ${r.body.slice(0, 200)}`);
}

describe('stored XSS over the API', () => {
  let db: Db;
  let x: Awaited<ReturnType<typeof apiTrial>>;
  before(async () => {
    db = await freshDb('pglite');
    x = await apiTrial(db);
  });
  after(async () => {
    await x.app.close();
    await db.close();
  });

  it('returns script text typed into every free-text field JSON-escaped, with a JSON content type, and verbatim once parsed', async () => {
    const crc = await x.login('crc.li');
    const cra = await x.login('cra.wang');
    const admin = await x.login('admin');
    for (const [i, text] of scripts.entries()) {
      const screeningNumber = text.slice(0, 32);
      const subject = await x.call(crc, 'POST', '/api/subjects', { study: 'hn2301', site: 'ustc-fah', screeningNumber });
      assertJsonText(subject, 'new subject');
      const id = subject.json().id;
      const listed = await x.call(crc, 'GET', '/api/subjects?study=hn2301');
      assertJsonText(listed, 'subject list');
      assert.ok(listed.json().some((s: { id: string; screeningNumber: string }) => s.id === id && s.screeningNumber === screeningNumber));

      const raised = await x.call(cra, 'POST', '/api/queries', { study: 'hn2301', table: 'subject', rowId: id, text });
      assertJsonText(raised, 'query');
      const answered = await x.call(crc, 'POST', `/api/queries/${raised.json().id}/answer`, { answer: text });
      assertJsonText(answered, 'answer');
      const queries = await x.call(cra, 'GET', '/api/queries?study=hn2301');
      assertJsonText(queries, 'query list');
      const q = queries.json().find((q: { id: string }) => q.id === raised.json().id);
      assert.deepEqual([q.text, q.answer], [text, text]);

      const user = await x.call(admin, 'POST', '/api/users', { username: `xss.${i}`, fullName: text, password });
      assertJsonText(user, 'new user');
      const users = await x.call(admin, 'GET', '/api/users');
      assertJsonText(users, 'user list');
      assert.equal(users.json().find((u: { username: string }) => u.username === `xss.${i}`).fullName, text);

      const contact = await x.call(null, 'POST', '/api/public/studies/hn2301/contact-requests', { name: text, phone: '+86 551 0000', consent: true });
      assertJsonText(contact, 'contact request');
      const contacts = await x.call(crc, 'GET', '/api/studies/hn2301/contact-requests');
      assertJsonText(contacts, 'contact requests');
      assert.ok(JSON.stringify(contacts.json()).includes(JSON.stringify(text)), 'the name comes back as stored');
    }
  });

  it('escapes markup echoed in problems (a record id or study code from the URL)', async () => {
    const crc = await x.login('crc.li');
    for (const url of ['/api/subjects/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', '/api/studies/%3C%2Fscript%3E/status']) {
      const r = await x.call(crc, 'GET', url);
      assert.equal(r.statusCode, 404, url);
      assert.equal(r.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.ok(!/[<>]/.test(r.body), r.body);
      assert.match(JSON.stringify(r.json()), /<img src=x onerror=alert\(1\)>|<\/script>/);
    }
  });
});
