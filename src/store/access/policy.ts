// The settings of account security that a deployment may change (regulatory.md R-13). Passed
// in by the caller (the web app reads them from its configuration); the store reads no
// environment of its own.

/** scrypt's cost parameters: N (CPU and memory), r (block size), p (parallelism). */
export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export interface AccessPolicy {
  /** Consecutive failed password checks that lock the account until an administrator unlocks it. */
  readonly maxFailedAttempts: number;
  /** Days a password stays valid; null: no expiry. */
  readonly passwordMaxAgeDays: number | null;
  /** Cost of new password hashes; a stored hash carries its own, so raising it affects new ones only. */
  readonly scrypt: ScryptParams;
}

// OWASP Password Storage Cheat Sheet (scrypt): N=2^17, r=8, p=1 or an equivalent; N=2^15, r=8,
// p=3 is listed as equivalent and needs 32 MiB per hash instead of 128 MiB, which matters when
// several people log in at once.
export const defaultAccessPolicy: AccessPolicy = {
  maxFailedAttempts: 5,
  passwordMaxAgeDays: null,
  scrypt: { N: 2 ** 15, r: 8, p: 3 },
};

export const accessPolicy = (overrides: Partial<AccessPolicy> = {}): AccessPolicy => ({ ...defaultAccessPolicy, ...overrides });
