import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';

/**
 * CPR numbers are stored only encrypted (AES-256-GCM), under a key that lives
 * in the environment (TRAFIKLYS_CPR_KEY), never in the database or config.
 * Each value gets a fresh 96-bit nonce; the student number is bound in as
 * associated data, so a ciphertext copied onto another student fails to decrypt.
 *
 * Stored layout: version (1 byte) | nonce (12) | tag (16) | ciphertext.
 */
const formatVersion = 1;
const nonceLength = 12;
const tagLength = 16;
export const cprKeyLength = 32;

export interface CprCipher {
  encrypt(cpr: string, studentNumber: string): Uint8Array<ArrayBuffer>;
  decrypt(sealed: Uint8Array, studentNumber: string): string;
}

// An import encrypts tens of thousands of numbers: nonces are drawn from the
// CSPRNG in batches rather than one system call each (equally random).
const noncesPerBatch = 4096;

function nonceSource(): () => Buffer {
  let batch = Buffer.alloc(0);
  let offset = 0;
  return () => {
    if (offset + nonceLength > batch.length) {
      batch = randomBytes(nonceLength * noncesPerBatch);
      offset = 0;
    }
    offset += nonceLength;
    return batch.subarray(offset - nonceLength, offset);
  };
}

export function createCprCipher(key: Uint8Array): CprCipher {
  if (key.length !== cprKeyLength) throw new Error(`a CPR key must be ${cprKeyLength} bytes`);
  // One key object for every call: turning raw bytes into a key each time costs more than the encryption.
  const secretKey = createSecretKey(Buffer.from(key));
  const nextNonce = nonceSource();
  return {
    encrypt(cpr, studentNumber) {
      const nonce = nextNonce();
      const cipher = createCipheriv('aes-256-gcm', secretKey, nonce, { authTagLength: tagLength });
      cipher.setAAD(Buffer.from(studentNumber, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(cpr, 'utf8'), cipher.final()]);
      const sealed = new Uint8Array(1 + nonceLength + tagLength + ciphertext.length);
      sealed[0] = formatVersion;
      sealed.set(nonce, 1);
      sealed.set(cipher.getAuthTag(), 1 + nonceLength);
      sealed.set(ciphertext, 1 + nonceLength + tagLength);
      return sealed;
    },
    decrypt(sealed, studentNumber) {
      if (sealed[0] !== formatVersion || sealed.length < 1 + nonceLength + tagLength) {
        throw new Error('not an encrypted CPR value of a known format');
      }
      const nonce = sealed.subarray(1, 1 + nonceLength);
      const tag = sealed.subarray(1 + nonceLength, 1 + nonceLength + tagLength);
      const decipher = createDecipheriv('aes-256-gcm', secretKey, nonce, { authTagLength: tagLength });
      decipher.setAAD(Buffer.from(studentNumber, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(sealed.subarray(1 + nonceLength + tagLength)),
        decipher.final(),
      ]).toString('utf8');
    },
  };
}

/** A new random key, base64, for `trafiklys key generate`. */
export function generateCprKey(): string {
  return randomBytes(cprKeyLength).toString('base64');
}
