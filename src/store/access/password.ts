// Password hashing and the password rules. Hashes are scrypt (node:crypto), stored as
// `scrypt$N$r$p$saltB64$hashB64` so that each carries the cost it was made with, and compared in
// constant time. Passwords are NFKC-normalised first (NIST SP 800-63B §5.1.1.2), so the same
// password typed on another keyboard or input method still matches.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { StoreError } from '../errors.ts';
import type { ScryptParams } from './policy.ts';

export const minPasswordLength = 12;

/** Lower-case; a password equal to one of these (ignoring case) is refused. Kept short: the length rule does most of the work. */
const banned = new Set([
  'password1234',
  'password12345',
  'password123456',
  'passw0rd1234',
  '123456789012',
  '1234567890123',
  '12345678901234',
  'qwertyuiop12',
  'qwertyuiop123',
  '1qaz2wsx3edc',
  'qwerty123456',
  'abc123456789',
  'abcdefghijkl',
  'iloveyou1234',
  'welcome12345',
  'letmein12345',
  'administrator',
  'changeme1234',
  'firstdose123',
  'firstdose1234',
  'woaini520131',
  'aa123456789a',
]);

const keyLength = 32;
// Node refuses scrypt above maxmem (32 MiB by default); 128·N·r bytes are needed.
const maxmem = (p: ScryptParams) => 128 * p.N * p.r + 1024 * 1024;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize('NFKC'), salt, keyLength, { ...params, maxmem: maxmem(params) }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string, params: ScryptParams): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether `password` matches the stored hash; false, never an exception, for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  if (![N, r, p].every((n) => Number.isSafeInteger(n) && n > 0)) return false;
  const expected = Buffer.from(parts[5]!, 'base64');
  if (expected.length !== keyLength) return false;
  const key = await derive(password, Buffer.from(parts[4]!, 'base64'), { N, r, p });
  return timingSafeEqual(key, expected);
}

/** Throws `password_policy` naming the first rule the password breaks. */
export function checkPasswordPolicy(username: string, password: string): void {
  const normalised = password.normalize('NFKC');
  if ([...normalised].length < minPasswordLength) throw new StoreError('password_policy', { rule: 'length', min: minPasswordLength });
  const lower = normalised.toLowerCase();
  if (username !== '' && lower.includes(username.toLowerCase())) throw new StoreError('password_policy', { rule: 'contains_username' });
  if (banned.has(lower)) throw new StoreError('password_policy', { rule: 'banned' });
}

const dummies = new Map<string, Promise<string>>();

/**
 * A hash of a random password at the given cost, made once: checking an unknown username
 * against it takes as long as checking a real one, so the time taken does not tell which
 * usernames exist.
 */
export function dummyHash(params: ScryptParams): Promise<string> {
  const key = `${params.N}/${params.r}/${params.p}`;
  let hash = dummies.get(key);
  if (!hash) {
    hash = hashPassword(randomBytes(24).toString('base64'), params);
    dummies.set(key, hash);
  }
  return hash;
}
