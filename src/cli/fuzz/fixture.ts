// The database the CLI fuzz test runs commands on: a PGlite data directory holding a registered
// HN2301 study with its people, subjects of both sites with doses, a screening, values, an adverse
// event and a query, kept open and lent to the commands (lent-store.ts) so that hundreds of them
// run in seconds; and a scratch directory for the files the fuzzer writes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '../../domain/conduct/index.ts';
import { openStore } from '../../store/index.ts';
import { seedDataDir } from '../../store/test-support.ts';
import { addSubject, enterObservation, raiseQuery, recordAdverseEvent, screenSubject, siteDate } from '../../store/trial/index.ts';
import { eligibleBundle, password, trialWithPeople } from '../../store/trial/test-support.ts';
import { lendStore } from '../lent-store.ts';

export { password };

export type CliTrial = Awaited<ReturnType<typeof cliTrial>>;

export async function cliTrial() {
  const root = mkdtempSync(join(tmpdir(), 'firstdose-cli-fuzz-'));
  try {
    return await laidOut(root);
  } catch (error) {
    // The caller gets no close() to call: the folder goes here.
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

async function laidOut(root: string) {
  const data = join(root, 'data');
  await seedDataDir(data);
  const db = await openStore({ dataDir: data, mustExist: true });
  const t = await trialWithPeople(db);
  const today = siteDate(new Date());
  const d0 = addDays(today, -100);
  const first = await t.dosedSubject('001', d0);
  await t.screened('010', today, false);
  const lab = await enterObservation(db, t.crc, { subjectId: first.subject.id, kind: 'lab', code: 'anc', valueNum: 2.1, unit: '10*9/L', observedAt: new Date() });
  const ae = await recordAdverseEvent(db, { user: 'pi.zhang' }, { subjectId: first.subject.id, term: 'Headache', grading: 'ctcae', onsetDate: addDays(d0, 3), grade: 1, relatedness: 'possible' });
  const query = await raiseQuery(db, { user: 'cra.wang' }, { studyId: t.study.id, subjectId: first.subject.id, tableName: 'observation', rowId: lab.id, text: 'source?' });
  const b = await addSubject(db, t.crc, { studyId: t.study.id, siteId: t.sites[1]!.id, screeningNumber: 'B01' });
  await screenSubject(db, t.crc, { subjectId: b.id, bundleText: eligibleBundle(today), fileName: 'b01.json', asOf: today });
  const [proposed] = await db.query<{ id: string }>(`SELECT id FROM observation WHERE status = 'proposed' ORDER BY id LIMIT 1`);
  const giveBack = lendStore(data, db);
  return {
    root,
    data,
    db,
    today,
    bundle: eligibleBundle(today),
    ids: { subject: first.subject.id, observation: lab.id, proposed: proposed!.id, adverseEvent: ae.event.id, query: query.id, subjectB: b.id },
    async close() {
      giveBack();
      await db.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
