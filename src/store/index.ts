// The storage layer's public surface. Backends: PGlite in a data directory by default, a
// PostgreSQL server when DATABASE_URL is set; everything else runs the same SQL on both.
export type { Backend, Db, Row, Sql, TransactionOptions } from './db.ts';
export { type Store, type StoreOptions, defaultDataDir, openStore } from './open.ts';
export { memoryDataDir, pgliteDb } from './pglite.ts';
export { StoreError, StoreErrorCode, databaseFailure, fromDatabaseError, sqlState } from './errors.ts';
export { type AppliedMigration, type Migration, appliedMigrations, loadMigrations, migrate, schemaVersion } from './migrate.ts';
export { type Actor, type AuditedTable, type AuditedTx, type Changes, audited, deleteRow, insertRow, updateRow } from './audit.ts';
export { type Orm, orm } from './orm.ts';
export { type AuditRecord, type Site, type Study, type Subject, SubjectStatus, auditLog, site, study, subject } from './schema.ts';
export { AuditProblem, type BadRecord, type ChainHead, type VerifyResult, verifyAudit, verifyAuditIn } from './audit-verify.ts';
export { type BackupSummary, backup } from './backup.ts';
export { type RestoreSummary, restore, restoreInto } from './restore.ts';
export { canonicalText, auditHash } from './canonical.ts';
export {
  type AccessPolicy,
  type AppUser,
  type CheckedSignature,
  type Credentials,
  type EventInput,
  type NewUser,
  type RecordScope,
  Role,
  type RoleGrant,
  type RoleMeaning,
  type Scope,
  type ScryptParams,
  type SecurityEvent,
  SecurityEventKind,
  type SignableTable,
  type SignatureMeaning,
  type SignatureRow,
  type SignatureStatus,
  type SignRequest,
  type UserListing,
  type UserRole,
  accessPolicy,
  attestSignature,
  attestationRole,
  authSystemUser,
  authenticate,
  canonicalJson,
  changePassword,
  checkPasswordPolicy,
  contentHash,
  covers,
  createUser,
  deactivateUser,
  defaultAccessPolicy,
  findUser,
  grantRole,
  hashPassword,
  isSignable,
  listUsers,
  minPasswordLength,
  normaliseUsername,
  recordEvent,
  recordScope,
  revokeRole,
  roleFor,
  roles,
  rolesOf,
  sign,
  signableTables,
  signaturesOf,
  signingRoles,
  unlockUser,
  verifyIdentity,
  verifyPassword,
  verifySignature,
} from './access/index.ts';
