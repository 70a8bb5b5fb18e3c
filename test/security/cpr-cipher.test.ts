import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCprCipher, generateCprKey } from '../../src/security/cpr-cipher.js';

const cipher = createCprCipher(randomBytes(32));

describe('CPR encryption', () => {
  it('a sealed CPR number opens again for the same student', () => {
    const sealed = cipher.encrypt('0101901234', 'S000001');
    expect(cipher.decrypt(sealed, 'S000001')).toBe('0101901234');
  });

  it('the sealed bytes do not contain the number, and two seals of one number differ', () => {
    const first = cipher.encrypt('0101901234', 'S000001');
    const second = cipher.encrypt('0101901234', 'S000001');
    expect(Buffer.from(first).toString('latin1')).not.toContain('0101901234');
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(false);
  });

  it('a sealed CPR moved onto another student does not open', () => {
    const sealed = cipher.encrypt('0101901234', 'S000001');
    expect(() => cipher.decrypt(sealed, 'S000002')).toThrow();
  });

  it('another key does not open it', () => {
    const sealed = cipher.encrypt('0101901234', 'S000001');
    expect(() => createCprCipher(randomBytes(32)).decrypt(sealed, 'S000001')).toThrow();
  });

  it('a generated key is 32 random bytes in base64', () => {
    expect(Buffer.from(generateCprKey(), 'base64')).toHaveLength(32);
    expect(generateCprKey()).not.toBe(generateCprKey());
  });
});
