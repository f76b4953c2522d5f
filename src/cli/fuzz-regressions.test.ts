// The bugs fuzz.test.ts found in the CLI, each as a plain command line: before their fixes each
// was a "database error" (the input reached the database unchecked), a usage error over several
// lines, or a message with an argument's name and value swapped.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { digest } from '../fuzz/digest.ts';
import { openStore, type Store } from '../store/index.ts';
import { seedDataDir } from '../store/test-support.ts';
import { addDays } from '../domain/conduct/index.ts';
import { siteDate } from '../store/trial/index.ts';
import { password, trialWithPeople } from '../store/trial/test-support.ts';
import { lendStore } from './lent-store.ts';
import { main } from './main.ts';

async function run(argv: string[], env: NodeJS.ProcessEnv = { FIRSTDOSE_PASSWORD: 'x' }) {
  const err: string[] = [];
  const code = await main(argv, { out: () => {}, err: (s) => err.push(s) }, env);
  return { code, stderr: err.join('\n'), lines: err.length };
}

describe('CLI fuzz regressions', () => {
  const root = mkdtempSync(join(tmpdir(), 'firstdose-cli-regressions-'));
  const data = join(root, 'data');
  const today = siteDate(new Date());
  const file = (name: string, content: string) => {
    writeFileSync(join(root, name), content);
    return join(root, name);
  };
  let db: Store;
  let giveBack: () => void;
  before(async () => {
    await seedDataDir(data);
    db = await openStore({ dataDir: data, mustExist: true });
    const t = await trialWithPeople(db);
    await t.dosedSubject('100', addDays(today, -30));
    giveBack = lendStore(data, db);
  });
  after(async () => {
    try {
      giveBack?.();
      await db?.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('refuses to register a study twice in words, not with the database unique-key error', async () => {
    const before = await digest(db);
    const r = await run(['study', 'register', '--as', 'admin', '--data', data]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `study hn2301 is registered already in ${data}`);
    assert.deepEqual(await digest(db), before);
  });

  it('refuses a screening number that is taken as a refusal (exit 1), not as a database error', async () => {
    assert.equal((await run(['subject', 'add', '001', '--as', 'crc.li', '--data', data])).code, 0);
    const before = await digest(db);
    const r = await run(['subject', 'add', '001', '--as', 'crc.li', '--data', data]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^a record with these values exists already/);
    assert.deepEqual(await digest(db), before);
  });

  it('refuses an id that is no UUID as a usage error naming <id> (was a database error)', async () => {
    for (const argv of [['query', 'answer', 'not-a-uuid', '--text', 'x'], ['proposal', 'accept', '12'], ['ae', 'adjudicate', 'x', 'yes'], ['sign', 'observation', 'x', '--meaning', 'reviewed']]) {
      const r = await run([...argv, '--as', 'crc.li', '--data', data]);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.stderr, /^<id>: '.*' is not a record id/, argv.join(' '));
    }
  });

  it('keeps a usage error on one line when the value it quotes holds line breaks', async () => {
    const r = await run(['subject', 'show', '001', '--as-of', '\r\n2026', '--data', data]);
    assert.equal(r.code, 2);
    assert.equal(r.lines, 1);
    assert.equal(r.stderr, "--as-of: '\\r\\n2026' is not a date (YYYY-MM-DD)");
    const option = await run(['design', 'next', '--design', 'boin', '--target', '\t\n', '--current', '1', '--n', '3', '--y', '0']);
    assert.equal(option.stderr, "--target: '\\t\\n' must be a number");
  });

  it('refuses JSON nested past the limit naming the file (was a stack overflow: a crash)', async () => {
    const r = await run(['score', 'sledai2k', file('deep.json', `{"items":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /deep\.json\.items(\[0\]){63}: nested more than 64 levels deep$/);
  });

  it('refuses a backup into a directory that does not exist, naming the file (was "database error: ENOENT")', async () => {
    const target = join(root, 'nowhere', 'x.backup');
    const r = await run(['backup', target, '--data', data]);
    assert.equal(r.code, 2);
    assert.equal(r.stderr, `${target}: the directory ${join(root, 'nowhere')} does not exist`);
  });

  it('checks an adverse event file with the API\'s schema, naming the field (was a database error)', async () => {
    const before = await digest(db);
    const bad = file('ae.json', JSON.stringify({ term: 'Nausea', grading: 'who', onsetDate: today, grade: 1, relatedness: 'unlikely' }));
    const r = await run(['ae', 'add', '100', bad, '--as', 'pi.zhang', '--data', data]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /ae\.json\.grading: 'who' is not one of/);
    assert.deepEqual(await digest(db), before);
  });

  it('refuses to adjudicate an adverse event that does not exist without recording a log-in', async () => {
    const before = await digest(db);
    const r = await run(['ae', 'adjudicate', '00000000-0000-4000-8000-000000000000', 'no', '--reason', 'grade 1', '--as', 'pi.zhang', '--data', data], { FIRSTDOSE_PASSWORD: password });
    assert.equal(r.code, 1);
    assert.deepEqual(await digest(db), before);
  });

  it('refuses an observation kind the table does not know, and a date that does not exist, naming the option', async () => {
    const kind = await run(['observation', 'add', '100', '--kind', 'mood', '--code', 'x', '--as', 'crc.li', '--data', data]);
    assert.equal(kind.code, 2);
    assert.match(kind.stderr, /^--kind: 'mood' is not one of/);
    const at = await run(['observation', 'add', '100', '--kind', 'vital', '--code', 'weight', '--value', '60', '--unit', 'kg', '--at', '2026-02-30T09:00:00Z', '--as', 'crc.li', '--data', data]);
    assert.equal(at.code, 2);
    assert.equal(at.stderr, "--at: '2026-02-30T09:00:00Z' is not a date (YYYY-MM-DD)");
  });

  it('refuses an SDTM export XPT cannot hold in words, exit 1 (was an uncaught XptExportError)', async () => {
    const long = file('long.json', JSON.stringify({ term: 'x'.repeat(300), grading: 'ctcae', onsetDate: today, grade: 1, relatedness: 'unlikely' }));
    assert.equal((await run(['ae', 'add', '100', long, '--as', 'pi.zhang', '--data', data])).code, 0);
    const r = await run(['export', 'sdtm', '--out', join(root, 'sdtm'), '--data', data]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^the XPT files cannot be written \(.*\): SAS XPORT v5 holds at most 200 bytes per text value/);
  });

  it('refuses an output path the file system will not write, naming the option (was an uncaught EISDIR)', async () => {
    const dir = join(root, 'a-directory');
    mkdirSync(dir);
    const synth = await run(['synth', '--out', dir, '--bundle', 'sle']);
    assert.equal(synth.code, 2);
    assert.equal(synth.stderr, `--out: ${dir} cannot be written (EISDIR)`);
    const plot = await run(['design', 'compare', '3+3', '--truth', '0.1,0.3', '--plot', join(root, 'nowhere', 'x.svg')]);
    assert.equal(plot.code, 2);
    assert.match(plot.stderr, /^--plot: .*x\.svg cannot be written \(ENOENT\)$/);
  });
});
