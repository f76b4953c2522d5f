// The whole conduct through the CLI alone (issue 5, "done when"): a new database, a study from
// its protocol, people with roles, then one subject from screening to the last follow-up visit.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { addDays } from '../../domain/conduct/index.ts';
import { siteDate } from '../../store/trial/index.ts';
import { eligibleBundle, hn2301 } from '../../store/trial/test-support.ts';
import { runProgram } from '../test-support.ts';
import { registerConductCommands } from './conduct.ts';
import { registerRecordCommands } from './conduct-records.ts';
import { registerStoreCommands } from './store.ts';
import { registerTrialCommands } from './trial.ts';
import { registerUserCommands } from './user.ts';

it('runs one subject from screening to the last follow-up visit through the CLI alone', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'firstdose-cli-e2e-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const data = join(dir, 'data');
  const password = 'Hefei-lupus-2026!';
  const env = { FIRSTDOSE_PASSWORD: password };
  const registers = [registerStoreCommands, registerTrialCommands, registerUserCommands, registerConductCommands, registerRecordCommands];
  const cli = async (...argv: string[]) => {
    const r = await runProgram(registers, [...argv, '--data', data], { env });
    assert.equal(r.code, 0, `${argv.join(' ')}: ${r.stderr}`);
    return r;
  };
  const json = async <T>(...argv: string[]) => (await cli(...argv, '--json')).json() as T;

  await cli('init');
  await cli('study', 'register', '--as', 'admin');
  for (const [user, role, site] of [
    ['pi.zhang', 'investigator', 'ustc-fah'],
    ['crc.li', 'coordinator', 'ustc-fah'],
  ] as const) {
    await cli('user', 'add', user, '--name', user.toUpperCase(), '--as', 'admin');
    await cli('user', 'verify', user, '--as', 'admin', '--reason', 'ID card checked');
    await cli('user', 'grant', user, role, '--site', site, '--as', 'admin');
    await cli('user', 'attest', user);
  }

  // Dosed long enough ago that the whole schedule lies in the past.
  const lastVisitDay = Math.max(...hn2301().visits.map((v) => v.day + v.windowAfter));
  const d0 = addDays(siteDate(new Date()), -lastVisitDay - 2);
  const bundle = join(dir, 'his-001.json');
  writeFileSync(bundle, eligibleBundle(addDays(d0, -7)));
  await cli('subject', 'add', '001', '--as', 'crc.li');
  const screened = await json<{ screeningResult: string; outcome: string; proposals: number }>('subject', 'screen', '001', bundle, '--as-of', addDays(d0, -7), '--as', 'crc.li');
  assert.equal(screened.outcome, 'eligible');
  await cli('sign', 'screening_result', screened.screeningResult, '--meaning', 'eligibility-confirmed', '--as', 'pi.zhang');
  await cli('subject', 'enrol', '001', '--as-of', addDays(d0, -2), '--as', 'crc.li');
  const dosed = await json<{ visits: number }>('dose', '001', '--level', '1', '--at', `${d0}T09:30:00+08:00`, '--as', 'crc.li');
  assert.ok(dosed.visits > 5);

  const baseline = join(dir, 'baseline.json');
  writeFileSync(baseline, JSON.stringify({ sledai2k: { items: ['arthritis', 'rash', 'proteinuria', 'low-complement'] }, pga: 1.6, bilag: { renal: 'B' }, prednisoneMgPerDay: 20 }));
  await cli('assessment', 'add', '001', baseline, '--at', `${addDays(d0, -1)}T10:00:00+08:00`, '--as', 'crc.li');
  await cli('observation', 'add', '001', '--kind', 'lab', '--code', 'alt', '--value', '130', '--unit', 'U/L', '--ref-high', '40', '--at', `${addDays(d0, 7)}T08:00:00+08:00`, '--as', 'crc.li');

  const record = await json<{ visits: { visitCode: string; plannedDate: string }[] }>('subject', 'show', '001');
  for (const v of record.visits) {
    await cli('visit', 'done', '001', v.visitCode, '--date', v.plannedDate, '--as', 'crc.li');
    if (v.visitCode === 'm6') {
      const followUp = join(dir, 'm6.json');
      writeFileSync(followUp, JSON.stringify({ sledai2k: { items: ['low-complement'] }, pga: 0.3, bilag: { renal: 'D' }, prednisoneMgPerDay: 5 }));
      await cli('assessment', 'add', '001', followUp, '--visit', 'm6', '--at', `${v.plannedDate}T10:00:00+08:00`, '--as', 'crc.li');
    }
  }
  await cli('subject', 'status', '001', 'follow_up', '--as', 'pi.zhang', '--reason', 'DLT window completed');
  await cli('subject', 'status', '001', 'completed', '--as', 'pi.zhang', '--reason', 'last follow-up visit done');

  const end = await json<{ subject: { status: string }; visits: { state: string }[]; efficacy: { visit: string; sledai2k: number; sri4: { responder: boolean } | null }[] }>('subject', 'show', '001');
  assert.equal(end.subject.status, 'completed');
  assert.ok(end.visits.every((v) => v.state === 'done'));
  const m6 = end.efficacy.find((e) => e.visit === 'm6')!;
  assert.deepEqual([m6.sledai2k, m6.sri4?.responder], [2, true]);
  const text = await cli('subject', 'show', '001');
  assert.match(text.stdout, /m6: SLEDAI-2K 2 \(clinical 0\), SRI-4 ✓/);
  await cli('audit', 'verify');
});
