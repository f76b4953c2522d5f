// A registered HN2301 study with its people, for the trial service's tests.
import type { Protocol } from '../../domain/protocol/index.ts';
import { loadProtocol } from '../../protocols/load.ts';
import { syntheticBundle } from '../../synth/index.ts';
import { bundleToRecord, defaultCodeTables } from '../../fhir/index.ts';
import { evaluateProtocol } from '../../domain/eligibility/index.ts';
import { attestSignature, createUser, grantRole, sign, verifyIdentity } from '../access/index.ts';
import type { Db } from '../db.ts';
import type { Role } from '../schema-conduct.ts';
import { siteNoon } from './clock.ts';
import { administerDose, enrol } from './conduct.ts';
import { screenSubject } from './screening.ts';
import { registerStudy } from './study.ts';
import { addSubject } from './subjects.ts';

export const password = 'correct horse battery staple';

/** Tests hash with a cheap scrypt cost: the hash carries its cost, so checking it is cheap too. */
export const cheapHashing = { scrypt: { N: 1024, r: 8, p: 1 } };

export function hn2301(): Protocol {
  const loaded = loadProtocol('hn2301');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

const eligibleBundles = new Map<string, string>();

/** A synthetic bundle that screens eligible as of the date (found once per date). */
export function eligibleBundle(asOf: string): string {
  const cached = eligibleBundles.get(asOf);
  if (cached) return cached;
  const protocol = hn2301();
  for (let seed = 1; seed < 1000; seed++) {
    const bundle = syntheticBundle(seed, 'sle', asOf);
    const record = bundleToRecord(bundle, defaultCodeTables());
    if (record.ok && evaluateProtocol(protocol, record.value, asOf).eligible === 'yes') {
      eligibleBundles.set(asOf, JSON.stringify(bundle));
      return JSON.stringify(bundle);
    }
  }
  throw new Error(`no eligible synthetic patient as of ${asOf}`);
}

export async function trialWithPeople(db: Db) {
  const registered = await registerStudy(db, { user: 'admin' }, hn2301());
  const { study, sites } = registered;
  const people: [string, Role, boolean][] = [
    ['pi.zhang', 'investigator', true],
    ['crc.li', 'coordinator', true],
    ['src.zhou', 'safety_committee', false],
    ['cra.wang', 'monitor', false],
  ];
  for (const [username, role, atSite] of people) {
    await createUser(db, { user: 'admin' }, { username, fullName: username.toUpperCase(), password }, cheapHashing);
    await verifyIdentity(db, { user: 'admin', reason: 'identity checked' }, username);
    await grantRole(db, { user: 'admin' }, { username, studyId: study.id, siteId: atSite ? sites[0]!.id : null, role });
    await attestSignature(db, { username, password });
  }
  const pi = { username: 'pi.zhang', password };
  const src = { username: 'src.zhou', password };
  const crc = { user: 'crc.li' };

  /** Adds, screens (eligible) and, unless told otherwise, confirms a subject. */
  async function screened(number: string, asOf: string, confirm = true) {
    const s = await addSubject(db, crc, { studyId: study.id, siteId: sites[0]!.id, screeningNumber: number });
    const { row } = await screenSubject(db, crc, { subjectId: s.id, bundleText: eligibleBundle(asOf), fileName: `${number}.json`, asOf });
    if (confirm) await sign(db, pi, { table: 'screening_result', rowId: row.id, meaning: 'eligibility-confirmed' });
    return { subject: s, screening: row };
  }

  async function dosedSubject(number: string, date: string, level = 1) {
    const { subject } = await screened(number, date);
    await enrol(db, crc, subject.id, date);
    return administerDose(db, crc, { subjectId: subject.id, level, startedAt: siteNoon(date) });
  }

  return { ...registered, site: sites[0]!, pi, src, crc, screened, dosedSubject };
}
