import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StoreError } from '../errors.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.ts';
import { defaultAccessPolicy } from './policy.ts';

const cheap = { N: 1024, r: 8, p: 1 };

const policyRule = (username: string, password: string) => {
  try {
    checkPasswordPolicy(username, password);
    return null;
  } catch (error) {
    assert.ok(error instanceof StoreError && error.code === 'password_policy');
    return error.params;
  }
};

describe('password hashes', () => {
  it('are scrypt at the default cost in the format scrypt$N$r$p$salt$hash, and verify', async () => {
    const stored = await hashPassword('Tr1al-gnaw.crc-Hefei', defaultAccessPolicy.scrypt);
    assert.match(stored, /^scrypt\$32768\$8\$3\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    assert.equal(await verifyPassword('Tr1al-gnaw.crc-Hefei', stored), true);
    assert.equal(await verifyPassword('Tr1al-gnaw.crc-Hefeı', stored), false);
  });

  it('are salted: the same password hashes differently each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same password here', cheap), hashPassword('same password here', cheap)]);
    assert.notEqual(a, b);
    assert.equal(await verifyPassword('same password here', a), true);
    assert.equal(await verifyPassword('same password here', b), true);
  });

  it('are checked with the cost stored in each hash', async () => {
    const stored = await hashPassword('another password', { N: 2048, r: 4, p: 2 });
    assert.match(stored, /^scrypt\$2048\$4\$2\$/);
    assert.equal(await verifyPassword('another password', stored), true);
  });

  it('compare NFKC-normalised passwords: full-width letters typed by an input method match', async () => {
    const stored = await hashPassword('Ｌｕｐｕｓ２０２６ｔｒｉａｌ', cheap);
    assert.equal(await verifyPassword('Lupus2026trial', stored), true);
  });

  it('a malformed stored hash never matches and never throws', async () => {
    for (const bad of ['', 'plain', 'scrypt$1024$8$1$c2FsdA==', 'bcrypt$1024$8$1$c2FsdA==$aGFzaA==', 'scrypt$x$8$1$c2FsdA==$aGFzaA==', 'scrypt$1024$8$1$c2FsdA==$aGFzaA=='])
      assert.equal(await verifyPassword('anything at all', bad), false, bad);
  });
});

describe('password policy (R-13)', () => {
  it('needs at least 12 characters, counted as characters, not bytes', () => {
    assert.deepEqual(policyRule('li.wei', 'Abcdefgh123'), { rule: 'length', min: 12 });
    assert.equal(policyRule('li.wei', 'Abcdefgh1234'), null);
    assert.deepEqual(policyRule('li.wei', '狼疮试验密码一二三四'), { rule: 'length', min: 12 });
    assert.equal(policyRule('li.wei', '狼疮试验密码一二三四五六'), null);
  });

  it('refuses a password containing the username, in any case', () => {
    assert.deepEqual(policyRule('li.wei', 'my-LI.WEI-password'), { rule: 'contains_username' });
    assert.equal(policyRule('li.wei', 'my-li-wei-password'), null);
  });

  it('refuses the banned passwords, in any case', () => {
    assert.deepEqual(policyRule('li.wei', 'Password1234'), { rule: 'banned' });
    assert.deepEqual(policyRule('li.wei', 'QWERTYUIOP123'), { rule: 'banned' });
    assert.deepEqual(policyRule('li.wei', 'firstdose123'), { rule: 'banned' });
  });
});
