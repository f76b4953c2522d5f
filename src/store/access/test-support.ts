// Fixtures of the access tests: a trial with two sites and one record of every signable table,
// and users made ready to sign. Passwords are hashed at a low scrypt cost here: the tests check
// hundreds of passwords, and the cost is a parameter like any other (password.test.ts checks
// the default).
import type { Actor } from '../audit.ts';
import { audited } from '../audit.ts';
import type { Db } from '../db.ts';
import { site, study, subject } from '../schema.ts';
import {
  type AppUser,
  type Role,
  adverseEvent,
  dataQuery,
  doseAdministration,
  escalationDecision,
  importBatch,
  observation,
  protocolVersion,
  screeningResult,
  visit,
} from '../schema-conduct.ts';
import type { Credentials } from './authenticate.ts';
import type { AccessPolicy } from './policy.ts';
import { grantRole } from './roles.ts';
import { attestSignature } from './sign.ts';
import { createUser, verifyIdentity } from './users.ts';

export const cheap: Partial<AccessPolicy> = { scrypt: { N: 1024, r: 8, p: 1 } };

export const admin: Actor = { user: 'admin.zhou', reason: 'delegation log entry 7' };

export const passwordOf = (username: string) => `Tr1al-${[...username].reverse().join('')}-Hefei`;

export const credentialsOf = (username: string): Credentials => ({ username, password: passwordOf(username) });

let counter = 0;
/** A username not used before in this process (tests share one database per backend). */
export const uniqueName = (prefix: string) => `${prefix}.${process.pid % 1000}.${++counter}`;

export async function seedSignableRecords(db: Db, code: string) {
  return audited(db, { user: 'crc.wang' }, async (tx) => {
    const s = await tx.insert(study, { code, title: 'Access tests' });
    const siteA = await tx.insert(site, { studyId: s.id, code: 'A', name: 'Site A' });
    const siteB = await tx.insert(site, { studyId: s.id, code: 'B', name: 'Site B' });
    const subjectA = await tx.insert(subject, { studyId: s.id, siteId: siteA.id, screeningNumber: 'A-001' });
    const subjectB = await tx.insert(subject, { studyId: s.id, siteId: siteB.id, screeningNumber: 'B-001' });
    const protocol = await tx.insert(protocolVersion, {
      studyId: s.id,
      protocolId: 'hn2301',
      label: 'v1',
      effectiveDate: '2026-01-01',
      content: { id: 'hn2301', criteria: [] },
      contentHash: '0'.repeat(64),
    });
    const screening = await tx.insert(screeningResult, {
      subjectId: subjectA.id,
      protocolVersionId: protocol.id,
      asOf: '2026-01-15',
      outcome: 'eligible',
      evaluation: { eligible: 'yes', criteria: [{ id: 'age', status: 'met' }] },
    });
    const v = await tx.insert(visit, {
      subjectId: subjectA.id,
      visitCode: 'D1',
      studyDay: 1,
      plannedDate: '2026-02-01',
      windowStart: '2026-02-01',
      windowEnd: '2026-02-01',
    });
    const batch = await tx.insert(importBatch, { studyId: s.id, subjectId: subjectA.id, kind: 'lab-file', fileName: 'labs.csv', sha256: 'f'.repeat(64), items: 1 });
    const lab = await tx.insert(observation, {
      subjectId: subjectA.id,
      visitId: v.id,
      kind: 'lab',
      code: 'creatinine',
      valueNum: 88.4,
      unit: 'umol/L',
      observedAt: new Date('2026-02-01T01:30:00.123Z'),
      status: 'final',
      source: 'import',
      importId: batch.id,
      importRow: 2,
    });
    const dose = await tx.insert(doseAdministration, { subjectId: subjectA.id, doseLevel: 1, amount: 0.5, unit: 'mg', startedAt: new Date('2026-02-01T02:00:00Z') });
    const aeA = await tx.insert(adverseEvent, {
      subjectId: subjectA.id,
      term: 'Cytokine release syndrome',
      grading: 'astct-crs',
      onsetDate: '2026-02-02',
      grade: 2,
      relatedness: 'probable',
    });
    const aeB = await tx.insert(adverseEvent, { subjectId: subjectB.id, term: 'Fever', grading: 'ctcae', onsetDate: '2026-02-03', grade: 1, relatedness: 'possible' });
    const query = await tx.insert(dataQuery, { studyId: s.id, subjectId: subjectA.id, tableName: 'observation', rowId: lab.id, text: 'unit?', raisedBy: 'dm.liu' });
    const studyQuery = await tx.insert(dataQuery, { studyId: s.id, tableName: 'protocol_version', rowId: protocol.id, text: 'which version?', raisedBy: 'dm.liu' });
    const studyBatch = await tx.insert(importBatch, { studyId: s.id, kind: 'fhir-bundle', fileName: 'bundle.json', sha256: 'e'.repeat(64), items: 3 });
    const decision = await tx.insert(escalationDecision, {
      studyId: s.id,
      protocolVersionId: protocol.id,
      cohort: 1,
      level: 1,
      asOf: '2026-03-01',
      input: { dlts: 0, n: 3 },
      recommendation: { decision: 'escalate', nextDose: 2 },
      nextLevel: 2,
    });
    return { study: s, siteA, siteB, subjectA, subjectB, protocol, screening, visit: v, lab, dose, aeA, aeB, query, studyQuery, batch, studyBatch, decision };
  });
}

export type Records = Awaited<ReturnType<typeof seedSignableRecords>>;

export interface Grant {
  readonly studyId: string;
  readonly siteId: string | null;
  readonly role: Role;
}

/** A user with the given grants, verified and attested unless told otherwise. */
export async function makeUser(db: Db, prefix: string, grants: readonly Grant[] = [], options: { verify?: boolean; attest?: boolean } = {}): Promise<{ user: AppUser; credentials: Credentials }> {
  const username = uniqueName(prefix);
  let user = await createUser(db, admin, { username, fullName: `Dr ${prefix} ${username}`, password: passwordOf(username) }, cheap);
  for (const g of grants) await grantRole(db, admin, { username, ...g });
  if (options.verify ?? true) user = await verifyIdentity(db, admin, username);
  if ((options.verify ?? true) && (options.attest ?? true)) await attestSignature(db, credentialsOf(username), cheap);
  return { user, credentials: credentialsOf(username) };
}
