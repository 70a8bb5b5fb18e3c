import { type CloudEnvironment, PUBLIC, withOverrides } from '@microsoft/teams.api';
import { z } from 'zod';
import { CodedError } from '../../shared/coded-error.js';

/**
 * The Teams part of the process environment, parsed once at boot. Problems
 * are reported as `VARIABLE: problem` and never quote a value: the client
 * secret signs the bot's outbound tokens.
 *
 * Exactly one switch turns inbound token validation off:
 * TEAMS_LOCAL_DEVELOPMENT=true. It is refused together with credentials (a
 * deployment with real credentials must validate) and under
 * NODE_ENV=production.
 */

/** `NAME=` in a .env file or a compose file means "not set", not "set to nothing". */
function optionalVariable<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema,
  );
}

const text = z.string().transform((value) => value.trim());

const httpUrl = z.string().refine(isHttpUrl, { error: 'must be an http:// or https:// URL' });

// The bot sends its client secret there, and MSAL refuses any other authority.
const loginEndpointUrl = z.string().refine((value) => isHttpUrl(value) && value.startsWith('https://'), {
  error: 'must be an https:// URL (the bot sends its client secret there)',
});

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

// The SDK finds the signing keys by replacing the last path segment
// `openidconfiguration` with `keys`; any other URL would make it fetch the
// metadata document as if it were the key set.
const openIdMetadataUrl = httpUrl.refine(
  (value) => new URL(value).pathname.endsWith('/openidconfiguration'),
  {
    error:
      'must end with /openidconfiguration, like https://login.botframework.com/v1/.well-known/openidconfiguration',
  },
);

const teamsEnvironmentSchema = z.object({
  /** The bot's Microsoft Entra application (client) id. */
  TEAMS_CLIENT_ID: optionalVariable(text.optional()),
  TEAMS_CLIENT_SECRET: optionalVariable(z.string().optional()),
  /** Single-tenant bots: the tenant the app registration lives in. */
  TEAMS_TENANT_ID: optionalVariable(text.optional()),
  TEAMS_OPENID_METADATA_URL: optionalVariable(openIdMetadataUrl.optional()),
  TEAMS_TOKEN_ISSUER: optionalVariable(text.optional()),
  /** The cloud's Entra login host, where the bot gets its token with the client secret. */
  TEAMS_LOGIN_ENDPOINT: optionalVariable(loginEndpointUrl.optional()),
  TEAMS_LOCAL_DEVELOPMENT: optionalVariable(
    z.enum(['true', 'false'], { error: 'must be true, false or unset' }).optional(),
  ),
  NODE_ENV: optionalVariable(z.string().optional()),
});

/** What the Teams surface runs as. */
export type TeamsEnvironment =
  | { readonly kind: 'disabled' }
  /** Inbound requests must carry a Bot Framework token; outbound calls get one with the client secret. */
  | {
      readonly kind: 'bot-framework';
      readonly clientId: string;
      readonly clientSecret: string;
      readonly tenantId: string | undefined;
      readonly cloud: CloudEnvironment;
    }
  /** Unauthenticated inbound requests, no outbound token: a developer's machine only. */
  | { readonly kind: 'local-development' };

export const teamsEnvironmentVariables = [
  'TEAMS_CLIENT_ID',
  'TEAMS_CLIENT_SECRET',
  'TEAMS_TENANT_ID',
  'TEAMS_OPENID_METADATA_URL',
  'TEAMS_TOKEN_ISSUER',
  'TEAMS_LOGIN_ENDPOINT',
  'TEAMS_LOCAL_DEVELOPMENT',
] as const;

/** Throws CodedError('env.invalid') listing every problem as `VARIABLE: problem`. */
export function parseTeamsEnvironment(env: NodeJS.ProcessEnv): TeamsEnvironment {
  const parsed = teamsEnvironmentSchema.safeParse(env, {
    error: (issue) => (issue.code === 'invalid_type' ? 'must be text' : 'is not valid'),
  });
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`),
    );
  }
  const variables = parsed.data;
  const problems: string[] = [];
  const hasId = variables.TEAMS_CLIENT_ID !== undefined;
  const hasSecret = variables.TEAMS_CLIENT_SECRET !== undefined;
  const localDevelopment = variables.TEAMS_LOCAL_DEVELOPMENT === 'true';
  const overrides = (
    ['TEAMS_TENANT_ID', 'TEAMS_OPENID_METADATA_URL', 'TEAMS_TOKEN_ISSUER', 'TEAMS_LOGIN_ENDPOINT'] as const
  ).filter((name) => variables[name] !== undefined);

  if (localDevelopment) {
    if (hasId || hasSecret) {
      problems.push(
        'TEAMS_LOCAL_DEVELOPMENT: turns off inbound token validation and cannot be combined with TEAMS_CLIENT_ID/TEAMS_CLIENT_SECRET; remove it to run with the credentials',
      );
    }
    if (variables.NODE_ENV === 'production') {
      problems.push(
        'TEAMS_LOCAL_DEVELOPMENT: accepts unauthenticated requests and is refused when NODE_ENV=production',
      );
    }
  }
  if (hasId && !hasSecret) {
    problems.push('TEAMS_CLIENT_SECRET: is required when TEAMS_CLIENT_ID is set (Teams needs both)');
  }
  if (hasSecret && !hasId) {
    problems.push('TEAMS_CLIENT_ID: is required when TEAMS_CLIENT_SECRET is set (Teams needs both)');
  }
  if (!hasId && !hasSecret) {
    for (const name of overrides) {
      problems.push(`${name}: is only used with TEAMS_CLIENT_ID and TEAMS_CLIENT_SECRET, which are not set`);
    }
  }
  if (hasId && !hasSecret && variables.TEAMS_LOGIN_ENDPOINT !== undefined) {
    problems.push(
      'TEAMS_LOGIN_ENDPOINT: needs TEAMS_CLIENT_SECRET: the bot gets its token there with the client secret',
    );
  }
  if (problems.length > 0) throw invalid(problems);

  if (localDevelopment) return { kind: 'local-development' };
  if (variables.TEAMS_CLIENT_ID === undefined || variables.TEAMS_CLIENT_SECRET === undefined) {
    return { kind: 'disabled' };
  }
  return {
    kind: 'bot-framework',
    clientId: variables.TEAMS_CLIENT_ID,
    clientSecret: variables.TEAMS_CLIENT_SECRET,
    tenantId: variables.TEAMS_TENANT_ID,
    cloud: teamsCloud({
      openIdMetadataUrl: variables.TEAMS_OPENID_METADATA_URL,
      tokenIssuer: variables.TEAMS_TOKEN_ISSUER,
      loginEndpoint: variables.TEAMS_LOGIN_ENDPOINT,
    }),
  };
}

/** The public cloud with the given endpoints replaced (tests, sovereign clouds). */
export function teamsCloud(overrides: {
  readonly openIdMetadataUrl?: string | undefined;
  readonly tokenIssuer?: string | undefined;
  readonly loginEndpoint?: string | undefined;
}): CloudEnvironment {
  const defined = Object.fromEntries(
    Object.entries(overrides).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return withOverrides(PUBLIC, {
    ...defined,
    ...(defined.loginEndpoint ? { loginEndpoint: defined.loginEndpoint.replace(/\/+$/, '') } : {}),
  });
}

function invalid(lines: readonly string[]): CodedError {
  return new CodedError('env.invalid', ['invalid Teams environment variables:', ...lines].join('\n'));
}
