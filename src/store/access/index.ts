// Users, roles per site, authentication and electronic signatures (issue 5 parts 2 and 4;
// regulatory.md R-08..R-13, R-21, R-25..R-29, R-31).
export { type AccessPolicy, type ScryptParams, accessPolicy, defaultAccessPolicy } from './policy.ts';
export { checkPasswordPolicy, hashPassword, minPasswordLength, verifyPassword } from './password.ts';
export { type EventInput, type SecurityEvent, SecurityEventKind, recordEvent } from './events.ts';
export { type NewUser, createUser, deactivateUser, findUser, normaliseUsername, unlockUser, verifyIdentity } from './users.ts';
export { type Credentials, authSystemUser, authenticate, changePassword } from './authenticate.ts';
export { type RoleGrant, type Scope, covers, grantRole, revokeRole, roleFor, rolesOf } from './roles.ts';
export { type UserListing, listUsers } from './directory.ts';
export { type RecordScope, type SignableTable, isSignable, recordScope, signableTables } from './scope.ts';
export { canonicalJson, contentHash } from './content.ts';
export { type RoleMeaning, signingRoles } from './meanings.ts';
export { type SignRequest, attestSignature, attestationRole, sign } from './sign.ts';
export { type CheckedSignature, type SignatureStatus, signaturesOf, verifySignature } from './signatures.ts';
export { type AppUser, Role, type SignatureMeaning, type SignatureRow, type UserRole, roles } from '../schema-conduct.ts';
export { grantById, type HeldRole, grantsOf } from './grants.ts';
