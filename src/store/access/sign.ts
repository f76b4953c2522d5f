// Electronic signatures (R-25..R-29, R-31). Every signature is made with the signer's own
// username and password, checked again at each signing; there is no other way to make
// one, so nobody, an administrator included, can sign in someone else's name. The row
// keeps the manifestation (printed name, role, meaning; created_at is the server time) and the
// hash of the content signed; a `sign` event records the act.
import { audited } from '../audit.ts';
import type { Db, Sql } from '../db.ts';
import { StoreError } from '../errors.ts';
import { type AppUser, type SignatureMeaning, type SignatureRow, appUser, signature } from '../schema-conduct.ts';
import { type Credentials, checkCredentials, clearFailures } from './authenticate.ts';
import { computeContentHash } from './content.ts';
import { SecurityEventKind, recordEvent } from './events.ts';
import { attestationMeaning, isRoleMeaning, signingRoles } from './meanings.ts';
import { type AccessPolicy, accessPolicy } from './policy.ts';
import { pickRole, rolesOf } from './roles.ts';
import { recordScope } from './scope.ts';
import { serverNow } from './users.ts';

export interface SignRequest {
  readonly table: string;
  readonly rowId: string;
  readonly meaning: SignatureMeaning;
}

/** The role shown on an attestation: the signer signs as themself, not in a trial role. */
export const attestationRole = 'account-holder';

/** The role the signer signs in, or `meaning_not_allowed` naming the roles that could. */
async function signingRole(sql: Sql, user: AppUser, request: SignRequest): Promise<string> {
  const refuse = (allowed: readonly string[]) =>
    new StoreError('meaning_not_allowed', { meaning: request.meaning, allowed, table: request.table, id: request.rowId });
  const scope = await recordScope(sql, request.table, request.rowId);
  if (request.meaning === attestationMeaning) {
    if (scope.accountId !== user.id) throw refuse([]);
    return attestationRole;
  }
  if (!isRoleMeaning(request.meaning)) throw refuse([]);
  const allowed = signingRoles[request.meaning];
  const role = pickRole(await rolesOf(sql, user.username), scope, allowed);
  if (!role) throw refuse(allowed);
  return role.role;
}

async function signChecked(db: Db, user: AppUser, request: SignRequest): Promise<SignatureRow> {
  if (!user.identityVerifiedAt) throw new StoreError('identity_not_verified', { username: user.username });
  const attesting = request.meaning === attestationMeaning;
  if (!attesting && !user.signatureAttestedAt) throw new StoreError('attestation_required', { username: user.username });
  // The attestation is the reason its own app_user change needs (the database asks for one).
  const actor = { user: user.username, ...(attesting ? { reason: 'signature attestation (21 CFR 11.100(c))' } : {}) };
  return audited(db, actor, async (tx) => {
    await clearFailures(tx.sql, user.id);
    const role = await signingRole(tx.sql, user, request);
    if (attesting) {
      // Set before hashing, so the signature covers the row as it stays.
      const [current] = await tx.sql.query<{ version: number }>('SELECT version FROM app_user WHERE id = $1', [user.id]);
      await tx.update(appUser, user.id, current!.version, { signatureAttestedAt: await serverNow(tx.sql) });
    }
    // FOR SHARE: the record cannot change between hashing it and committing the signature.
    const hash = await computeContentHash(tx.sql, request.table, request.rowId, true);
    const row = await tx.insert(signature, {
      tableName: request.table,
      rowId: request.rowId.toLowerCase(),
      userId: user.id,
      fullName: user.fullName,
      role,
      meaning: request.meaning,
      contentHash: hash,
    });
    await recordEvent(tx.sql, {
      kind: SecurityEventKind.sign,
      username: user.username,
      detail: { signature: row.id, table: row.tableName, rowId: row.rowId, meaning: row.meaning, role, contentHash: hash },
    });
    return row;
  });
}

const refusals = new Set(['identity_not_verified', 'attestation_required', 'meaning_not_allowed', 'not_signable', 'not_found']);

/** Refusals after a right password are recorded as a `sign_refused` event. */
async function signAs(db: Db, user: AppUser, request: SignRequest): Promise<SignatureRow> {
  try {
    return await signChecked(db, user, request);
  } catch (error) {
    if (error instanceof StoreError && refusals.has(error.code))
      await audited(db, { user: user.username }, (tx) =>
        recordEvent(tx.sql, {
          kind: SecurityEventKind.signRefused,
          username: user.username,
          detail: { table: request.table, rowId: request.rowId, meaning: request.meaning, code: error.code },
        }),
      );
    throw error;
  }
}

/**
 * Signs a record as the owner of `credentials`: `identity_not_verified`, `attestation_required`,
 * `meaning_not_allowed`, `not_signable`, `not_found`, or a failed password check as
 * checkCredentials describes.
 */
export async function sign(db: Db, credentials: Credentials, request: SignRequest, policy: Partial<AccessPolicy> = {}): Promise<SignatureRow> {
  return signAs(db, await checkCredentials(db, credentials, 'sign', accessPolicy(policy)), request);
}

/**
 * The user's statement that their e-signature is the legally binding equivalent of their
 * handwritten one: signature_attested_at is set and the user signs their own app_user row.
 */
export async function attestSignature(db: Db, credentials: Credentials, policy: Partial<AccessPolicy> = {}): Promise<SignatureRow> {
  const user = await checkCredentials(db, credentials, 'sign', accessPolicy(policy));
  return signAs(db, user, { table: 'app_user', rowId: user.id, meaning: attestationMeaning });
}
