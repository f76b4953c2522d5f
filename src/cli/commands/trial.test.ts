import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addDays } from '../../domain/conduct/index.ts';
import { demoPassword, siteDate, type TrialStatus } from '../../store/trial/index.ts';
import { runProgram } from '../test-support.ts';
import { registerConductCommands } from './conduct.ts';
import { registerStoreCommands } from './store.ts';
import { registerTrialCommands } from './trial.ts';

const run = (argv: string[], env: NodeJS.ProcessEnv = {}, language: 'en' | 'zh-CN' = 'en') =>
  runProgram([registerStoreCommands, registerTrialCommands, registerConductCommands], argv, { env, language });

describe('firstdose demo, status and the conduct commands (PGlite)', () => {
  const root = mkdtempSync(join(tmpdir(), 'firstdose-cli-trial-'));
  const data = join(root, 'data');
  const today = siteDate(new Date());
  after(() => rmSync(root, { recursive: true, force: true }));
  before(async () => {
    const demo = await run(['demo', '--data', data]);
    assert.equal(demo.code, 0, demo.stderr);
    assert.match(demo.stdout, /Demo trial hn2301 loaded/);
  });

  it('loads a living trial: cohort 1 done, cohort 2 partly dosed, a grade 2 CRS, one DLT window open, one screen failure', async () => {
    const r = await run(['status', '--data', data, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const s = r.json() as TrialStatus;
    assert.deepEqual([s.study, s.cohort, s.doseLevel, s.stopped, s.asOf], ['hn2301', 2, 2, false, today]);
    const bySubject = Object.fromEntries(s.subjects.map((x) => [x.number, x]));
    assert.deepEqual(
      ['001', '002', '003'].map((n) => [bySubject[n]!.status, bySubject[n]!.doseLevel, bySubject[n]!.dlt]),
      [
        ['follow_up', 1, 'no-dlt'],
        ['follow_up', 1, 'no-dlt'],
        ['follow_up', 1, 'no-dlt'],
      ],
    );
    assert.equal(bySubject['004']!.status, 'screen_failed');
    assert.deepEqual([bySubject['005']!.status, bySubject['005']!.doseLevel, bySubject['005']!.dlt, bySubject['005']!.dltWindowEnds], ['dosed', 2, 'pending', addDays(today, 28)]);
    assert.deepEqual([bySubject['006']!.status, bySubject['006']!.firstDose], ['enrolled', null]);
    assert.equal(s.openQueries, 1);
    assert.equal(s.adverseEvents.total, 2);
    assert.equal(s.adverseEvents.dltUnadjudicated, 0);
    const crs = await run(['status', '--data', data]);
    assert.match(crs.stdout, /Open: cohort 2 at dose level 2/);
    const zh = await run(['status', '--data', data], {}, 'zh-CN');
    assert.match(zh.stdout, /当前开放：第 2 队列，剂量水平 2/);
    assert.equal((await run(['audit', 'verify', '--data', data])).code, 0);
  });

  it('refuses an out-of-order dose with exit 1 naming the rule and the date that unblocks it; refuses a second demo', async () => {
    const r = await run(['dose', '006', '--level', '2', '--data', data, '--as', 'crc.li']);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `subject 006 can be dosed from ${addDays(today, 14)}, when sentinel subject 005's observation period ends`);
    const up = await run(['dose', '006', '--level', '3', '--data', data, '--as', 'crc.li']);
    assert.equal(up.code, 1);
    assert.match(up.stderr, /dose level 3 is above it/);
    const noUser = await run(['dose', '006', '--level', '2', '--data', data]);
    assert.equal(noUser.code, 2);
    const again = await run(['demo', '--data', data]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /study hn2301 is already in/);
  });

  it('imports a lab file as proposals, and a person accepts one', async () => {
    // Beside the data folder, so that it goes with it.
    const file = join(root, 'lis.csv');
    writeFileSync(file, `subject,code,value,unit,observed_at,ref_low,ref_high\n005,anc,0.9,10*9/L,${today}T08:00:00+08:00,1.8,6.3\n`);
    const r = await run(['proposal', 'import', file, '--data', data, '--as', 'crc.li', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const { batchId, proposals } = r.json() as { batchId: string; proposals: number };
    assert.equal(proposals, 1);
    const bad = join(dirname(file), 'bad.csv');
    writeFileSync(bad, 'subject,code,value\n005,anc,1\n');
    const refused = await run(['proposal', 'import', bad, '--data', data, '--as', 'crc.li']);
    assert.deepEqual([refused.code, refused.stderr], [2, 'header: the file lacks the columns unit, observed_at']);
    assert.ok(batchId);
  });

  it('signs only with the signer\'s own password, from the environment', async () => {
    const wrong = await run(['decision', 'sign', '1', '--data', data, '--as', 'src.zhou'], { FIRSTDOSE_PASSWORD: 'not the password at all' });
    assert.equal(wrong.code, 1);
    const rec = await run(['decision', 'recommend', '--data', data, '--json']);
    assert.equal(rec.code, 0, rec.stderr);
    assert.equal((rec.json() as { decision: { decision: string } }).decision.decision, 'stay');
    assert.ok(demoPassword.length >= 12);
  });
});
