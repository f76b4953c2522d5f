// The writer of the crash test (crash.test.ts), run as its own process and killed with SIGKILL
// mid-stream: it writes audited subjects one transaction at a time and prints each id only
// after its commit returned, so every printed id is an acknowledged write.
//   node --import tsx src/store/crash-child.ts DIR
//   node --import tsx src/store/crash-child.ts URL SCHEMA
import { audited, insertRow } from './audit.ts';
import { openStore } from './open.ts';
import { site as siteTable, study as studyTable, subject } from './schema.ts';

const [where, schema] = process.argv.slice(2);
const db = await openStore(schema ? { databaseUrl: where!, schema } : { dataDir: where! });
const { study, site } = await audited(db, { user: 'crash-test' }, async (tx) => {
  const study = await tx.insert(studyTable, { code: `CRASH-${process.pid}`, title: 'Crash test' });
  return { study, site: await tx.insert(siteTable, { studyId: study.id, code: '01', name: 'Site 01' }) };
});
// Writes to a pipe are synchronous on Linux, so the line is out before the next write starts.
process.stdout.write('ready\n');
for (let i = 1; ; i++) {
  const row = await insertRow(db, subject, { studyId: study.id, siteId: site.id, screeningNumber: `C-${i}` }, { user: 'crash-test' });
  process.stdout.write(`${row.id}\n`);
}
