import { PUBLIC } from '@microsoft/teams.api';
import { describe, expect, test } from 'vitest';
import { CodedError } from '../../../src/shared/coded-error.js';
import { teamsAuthentication } from '../../../src/surfaces/teams/teams-app.js';
import { parseTeamsEnvironment } from '../../../src/surfaces/teams/teams-environment.js';

const clientId = '11111111-2222-3333-4444-555555555555';
const secret = 'very-secret~value';

function problemsOf(env: NodeJS.ProcessEnv): string {
  try {
    parseTeamsEnvironment(env);
  } catch (error) {
    if (!(error instanceof CodedError)) throw error;
    expect(error.code).toBe('env.invalid');
    expect(error.message).not.toContain(secret);
    return error.message;
  }
  throw new Error('expected the environment to be rejected');
}

describe('the Teams environment', () => {
  test('without Teams variables Teams is off, in production too', () => {
    expect(parseTeamsEnvironment({})).toEqual({ kind: 'disabled' });
    expect(parseTeamsEnvironment({ NODE_ENV: 'production', TEAMS_CLIENT_ID: ' ' })).toEqual({
      kind: 'disabled',
    });
    expect(teamsAuthentication(parseTeamsEnvironment({ NODE_ENV: 'production' }))).toBeNull();
  });

  test('client id and secret turn Teams on with token validation against the public cloud', () => {
    expect(parseTeamsEnvironment({ TEAMS_CLIENT_ID: clientId, TEAMS_CLIENT_SECRET: secret })).toEqual({
      kind: 'bot-framework',
      clientId,
      clientSecret: secret,
      tenantId: undefined,
      cloud: PUBLIC,
    });
  });

  test('the cloud endpoints can be replaced (a sovereign cloud, a test double)', () => {
    const environment = parseTeamsEnvironment({
      TEAMS_CLIENT_ID: clientId,
      TEAMS_CLIENT_SECRET: secret,
      TEAMS_TENANT_ID: 'tenant-0001',
      TEAMS_OPENID_METADATA_URL: 'https://login.example.test/v1/.well-known/openidconfiguration',
      TEAMS_TOKEN_ISSUER: 'https://api.example.test',
      TEAMS_LOGIN_ENDPOINT: 'https://login.example.test/',
    });
    expect(environment).toMatchObject({
      kind: 'bot-framework',
      tenantId: 'tenant-0001',
      cloud: {
        ...PUBLIC,
        openIdMetadataUrl: 'https://login.example.test/v1/.well-known/openidconfiguration',
        tokenIssuer: 'https://api.example.test',
        loginEndpoint: 'https://login.example.test',
      },
    });
  });

  test('half the credentials is a clear error naming what is missing, never quoting the secret', () => {
    expect(problemsOf({ TEAMS_CLIENT_ID: clientId })).toContain(
      'TEAMS_CLIENT_SECRET: is required when TEAMS_CLIENT_ID is set',
    );
    expect(problemsOf({ TEAMS_CLIENT_SECRET: secret })).toContain(
      'TEAMS_CLIENT_ID: is required when TEAMS_CLIENT_SECRET is set',
    );
  });

  test('local development is refused together with credentials, and under NODE_ENV=production', () => {
    expect(
      problemsOf({ TEAMS_LOCAL_DEVELOPMENT: 'true', TEAMS_CLIENT_ID: clientId, TEAMS_CLIENT_SECRET: secret }),
    ).toContain('TEAMS_LOCAL_DEVELOPMENT: turns off inbound token validation and cannot be combined');
    expect(problemsOf({ TEAMS_LOCAL_DEVELOPMENT: 'true', NODE_ENV: 'production' })).toContain(
      'TEAMS_LOCAL_DEVELOPMENT: accepts unauthenticated requests and is refused when NODE_ENV=production',
    );
  });

  test('local development is on only for exactly "true"', () => {
    expect(parseTeamsEnvironment({ TEAMS_LOCAL_DEVELOPMENT: 'true' })).toEqual({ kind: 'local-development' });
    expect(parseTeamsEnvironment({ TEAMS_LOCAL_DEVELOPMENT: 'false' })).toEqual({ kind: 'disabled' });
    expect(problemsOf({ TEAMS_LOCAL_DEVELOPMENT: '1' })).toContain(
      'TEAMS_LOCAL_DEVELOPMENT: must be true, false or unset',
    );
  });

  test('endpoint overrides without credentials, a metadata URL the SDK cannot derive keys from, and an http login endpoint with a secret are errors', () => {
    expect(problemsOf({ TEAMS_TOKEN_ISSUER: 'https://api.example.test' })).toContain(
      'TEAMS_TOKEN_ISSUER: is only used with TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET',
    );
    expect(
      problemsOf({
        TEAMS_CLIENT_ID: clientId,
        TEAMS_CLIENT_SECRET: secret,
        TEAMS_OPENID_METADATA_URL: 'https://login.example.test/keys',
      }),
    ).toContain('TEAMS_OPENID_METADATA_URL: must end with /openidconfiguration');
  });

  test('the login endpoint must be https and comes with the client secret the bot sends there', () => {
    for (const env of [
      { TEAMS_CLIENT_ID: clientId, TEAMS_CLIENT_SECRET: secret },
      { TEAMS_CLIENT_ID: clientId },
      {},
    ]) {
      expect(problemsOf({ ...env, TEAMS_LOGIN_ENDPOINT: 'http://127.0.0.1:9999' })).toContain(
        'TEAMS_LOGIN_ENDPOINT: must be an https:// URL (the bot sends its client secret there)',
      );
    }
    expect(
      problemsOf({ TEAMS_CLIENT_ID: clientId, TEAMS_LOGIN_ENDPOINT: 'https://login.microsoftonline.us' }),
    ).toContain(
      'TEAMS_LOGIN_ENDPOINT: needs TEAMS_CLIENT_SECRET: the bot gets its token there with the client secret',
    );
  });
});
