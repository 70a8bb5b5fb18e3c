import { describe, expect, it } from 'vitest';
import { parseEnvironment } from '../../src/config/environment.js';
import { smtpSettingsOf } from '../../src/mail/smtp-settings.js';

const problemsOf = (env: NodeJS.ProcessEnv): string => {
  try {
    parseEnvironment(env);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected the environment to be refused');
};

describe('SMTP_URL and SMTP_FROM', () => {
  it('smtp:// with a login: STARTTLS port 587 unless given, the user and password percent-decoded', () => {
    const settings = smtpSettingsOf(
      parseEnvironment({
        SMTP_URL: 'smtp://trafiklys%40uni.example:p%40ss%3Aw%2Frd@mail.uni.example',
        SMTP_FROM: '"Trafiklys, AAU" <Trafiklys@Uni.Example>',
      }),
    );

    expect(settings).toEqual({
      server: {
        host: 'mail.uni.example',
        port: 587,
        implicitTls: false,
        auth: { user: 'trafiklys@uni.example', password: 'p@ss:w/rd' },
      },
      from: { name: 'Trafiklys, AAU', address: 'Trafiklys@Uni.Example', domain: 'uni.example' },
    });
  });

  it('smtps:// is TLS from the start, port 465 unless given; no user means no login', () => {
    const settings = smtpSettingsOf(
      parseEnvironment({ SMTP_URL: 'smtps://relay.uni.example:2465', SMTP_FROM: 'noreply@uni.example' }),
    );

    expect(settings).toEqual({
      server: { host: 'relay.uni.example', port: 2465, implicitTls: true, auth: null },
      from: { name: null, address: 'noreply@uni.example', domain: 'uni.example' },
    });
  });

  it('neither set: no mail, and that is allowed', () => {
    expect(smtpSettingsOf(parseEnvironment({ SMTP_URL: '', SMTP_FROM: ' ' }))).toBeNull();
  });

  it('refuses a wrong URL or sender by name and problem, never quoting the password', () => {
    const message = problemsOf({
      SMTP_URL: 'http://user:secret-password@mail.uni.example',
      SMTP_FROM: 'not an address',
    });

    expect(message).toContain('SMTP_URL: must be an smtp:// or smtps:// URL');
    expect(message).toContain('SMTP_FROM: must be an e-mail address, or a name and an address');
    expect(message).not.toContain('secret-password');
  });

  it('refuses options the bot would silently ignore', () => {
    expect(
      problemsOf({ SMTP_URL: 'smtp://mail.uni.example?pool=true', SMTP_FROM: 'a@uni.example' }),
    ).toContain('SMTP_URL: takes no path or ?options');
  });

  it('refuses one without the other', () => {
    expect(problemsOf({ SMTP_URL: 'smtp://mail.uni.example' })).toContain(
      'SMTP_FROM: required with SMTP_URL',
    );
    expect(problemsOf({ SMTP_FROM: 'a@uni.example' })).toContain('SMTP_URL: required with SMTP_FROM');
  });
});
