import { describe, expect, test } from 'vitest';
import { parseEnvironment } from '../../src/config/environment.js';
import { CodedError } from '../../src/shared/coded-error.js';

/** The message of the CodedError('env.invalid') that parsing `env` throws. */
function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    parseEnvironment(env);
  } catch (error) {
    if (!(error instanceof CodedError)) throw error;
    expect(error.code).toBe('env.invalid');
    return error.message;
  }
  throw new Error('expected the environment to be rejected');
}

const validKey = Buffer.alloc(32, 7).toString('base64');

describe('parsing the environment', () => {
  test('an empty environment gets the defaults: embedded database in ./data, loopback on port 3000', () => {
    expect(parseEnvironment({})).toEqual({
      DATA_DIR: './data',
      PORT: 3000,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      TRAFIKLYS_LEASE_SECONDS: 30,
    });
  });

  test('set variables are parsed: the port as a number, the CPR key as its 32 bytes', () => {
    const environment = parseEnvironment({
      DATABASE_URL: 'postgresql://trafiklys:secret@db.internal:5432/trafiklys',
      DATA_DIR: '/var/lib/trafiklys',
      TRAFIKLYS_CONFIG: '/etc/trafiklys/config.yaml',
      TRAFIKLYS_CPR_KEY: validKey,
      PORT: '8080',
      HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      PATH: '/usr/bin',
    });

    expect(environment).toEqual({
      DATABASE_URL: 'postgresql://trafiklys:secret@db.internal:5432/trafiklys',
      DATA_DIR: '/var/lib/trafiklys',
      TRAFIKLYS_CONFIG: '/etc/trafiklys/config.yaml',
      TRAFIKLYS_CPR_KEY: new Uint8Array(Buffer.alloc(32, 7)),
      PORT: 8080,
      HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
      TRAFIKLYS_LEASE_SECONDS: 30,
    });
  });

  test('postgres:// is accepted as well as postgresql://', () => {
    expect(parseEnvironment({ DATABASE_URL: 'postgres://localhost/trafiklys' }).DATABASE_URL).toBe(
      'postgres://localhost/trafiklys',
    );
  });

  test('a console secret of 32 characters or more is taken as it is', () => {
    const secret = 'x'.repeat(32);
    expect(parseEnvironment({ TRAFIKLYS_CONSOLE_SECRET: secret }).TRAFIKLYS_CONSOLE_SECRET).toBe(secret);
  });

  test('a variable set to nothing counts as unset', () => {
    expect(parseEnvironment({ DATABASE_URL: '', TRAFIKLYS_CPR_KEY: ' ', PORT: '' })).toEqual(
      parseEnvironment({}),
    );
  });
});

describe('an invalid environment', () => {
  test('a DATABASE_URL that is not a PostgreSQL URL is named, without its password', () => {
    const message = problemsOf({ DATABASE_URL: 'mysql://admin:hunter2@db/trafiklys' });

    expect(message).toBe(
      'invalid environment variables:\n' +
        'DATABASE_URL: must be a postgres:// or postgresql:// URL, like postgresql://user:password@host:5432/trafiklys',
    );
    expect(message).not.toContain('hunter2');
  });

  test('a CPR key of the wrong length says how to make one, and never shows the key', () => {
    const shortKey = Buffer.from('sixteen byte key').toString('base64');

    const message = problemsOf({ TRAFIKLYS_CPR_KEY: shortKey });

    expect(message).toBe(
      'invalid environment variables:\n' +
        'TRAFIKLYS_CPR_KEY: must be the base64 of exactly 32 bytes (an AES-256 key), not 16 bytes (make one with: npx trafiklys key generate)',
    );
    expect(message).not.toContain(shortKey);
    expect(message).not.toContain('sixteen');
  });

  test('a CPR key that is not base64 at all', () => {
    const notBase64 = 'my very secret passphrase!';

    const message = problemsOf({ TRAFIKLYS_CPR_KEY: notBase64 });

    expect(message).toContain(
      'TRAFIKLYS_CPR_KEY: must be base64 (make one with: npx trafiklys key generate)',
    );
    expect(message).not.toContain(notBase64);
  });

  test('every problem is listed, one line per variable', () => {
    expect(problemsOf({ DATABASE_URL: 'not a url', PORT: '70000', LOG_LEVEL: 'loud' }).split('\n')).toEqual([
      'invalid environment variables:',
      'DATABASE_URL: must be a postgres:// or postgresql:// URL, like postgresql://user:password@host:5432/trafiklys',
      'PORT: must be a whole number from 1 to 65535',
      'LOG_LEVEL: must be one of: fatal, error, warn, info, debug, trace, silent',
    ]);
  });

  test('a console secret shorter than 32 characters says how to make one, and never shows the secret', () => {
    const shortSecret = 'hunter2-but-a-bit-longer';

    const message = problemsOf({ TRAFIKLYS_CONSOLE_SECRET: shortSecret });

    expect(message).toBe(
      'invalid environment variables:\n' +
        'TRAFIKLYS_CONSOLE_SECRET: must be at least 32 characters (make one with: openssl rand -base64 32)',
    );
    expect(message).not.toContain('hunter2');
  });

  test('a port that is not a whole number', () => {
    expect(problemsOf({ PORT: '80.5' })).toContain('PORT: must be a whole number from 1 to 65535');
    expect(problemsOf({ PORT: '0' })).toContain('PORT: must be a whole number from 1 to 65535');
  });
});
