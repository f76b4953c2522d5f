// The first start of an installation (npm start): the protocol's study registered when the
// database has none (or the demo trial, with --demo), and the first administrator, `admin`,
// with a study-wide administrator role. Its password comes from FIRSTDOSE_ADMIN_PASSWORD, else
// it is a random one shown once, at this start only. Later starts change nothing.
import { randomBytes } from 'node:crypto';
import type { Protocol } from '../domain/protocol/index.ts';
import { createUser, findUser, grantRole, type AccessPolicy } from '../store/access/index.ts';
import type { Db } from '../store/index.ts';
import { loadDemo, registerStudy, studyByCode } from '../store/trial/index.ts';

/** Who the audit trail names for what the installation does by itself. */
export const setupActor = { user: 'system:setup' };

export interface FirstStart {
  readonly study: string;
  /** What this start created: nothing, the study, or the demo trial. */
  readonly created: 'nothing' | 'study' | 'demo';
  /** The administrator's password when this start made it up (print it once); null otherwise. */
  readonly generatedAdminPassword: string | null;
  readonly adminCreated: boolean;
}

export interface FirstStartOptions {
  readonly protocol: Protocol;
  readonly demo: boolean;
  readonly today: string;
  readonly adminPassword?: string | undefined;
  readonly policy?: Partial<AccessPolicy>;
}

export async function firstStart(db: Db, options: FirstStartOptions): Promise<FirstStart> {
  const { protocol } = options;
  let created: FirstStart['created'] = 'nothing';
  let study = await studyByCode(db, protocol.id).catch(() => null);
  if (!study) {
    // The demo makes its own people, `admin` among them, with the demo password.
    if (options.demo && !(await findUser(db, 'admin'))) {
      await loadDemo(db, protocol, options.today);
      created = 'demo';
    } else {
      await registerStudy(db, setupActor, protocol);
      created = 'study';
    }
    study = await studyByCode(db, protocol.id);
  }
  if (await findUser(db, 'admin')) return { study: study.code, created, generatedAdminPassword: null, adminCreated: false };
  const generated = options.adminPassword ? null : randomBytes(18).toString('base64url');
  await createUser(db, setupActor, { username: 'admin', fullName: 'Administrator', password: options.adminPassword ?? generated! }, options.policy);
  await grantRole(db, setupActor, { username: 'admin', studyId: study.id, siteId: null, role: 'administrator' });
  return { study: study.code, created, generatedAdminPassword: generated, adminCreated: true };
}
