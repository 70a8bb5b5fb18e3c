import type { ConfidentialClientApplication, LogLevel } from '@azure/msal-node';
import type { TokenProviderFn } from '@microsoft/teams.api';
import { z } from 'zod';
import type { Logger } from '../../../logging/logger.js';
import { TeamsSurfaceError } from '../teams-errors.js';

export interface ClientSecretCredential {
  readonly clientId: string;
  readonly clientSecret: string;
  /** The cloud's login endpoint without a tenant, e.g. `https://login.microsoftonline.us`. */
  readonly loginEndpoint: string;
  readonly logger: Logger;
}

/** The tenant the SDK asks for when the bot has none of its own (multi-tenant bots). */
const botFrameworkTenant = 'botframework.com';

const msalError = z.object({ errorCode: z.string().min(1) });

/**
 * The bot's own token for the Bot Connector (client-credentials grant), from
 * the configured login endpoint and no other host.
 *
 * The SDK's own MSAL client is given an authority and nothing else, so MSAL
 * first asks login.microsoftonline.com whether that host is a Microsoft cloud
 * (instance discovery): a sovereign cloud, a proxy or a test cannot answer it
 * there, and the bot got no token at all. Naming the host in
 * `knownAuthorities` makes MSAL trust it and read the tenant's OpenID
 * configuration from that host itself. One MSAL client per tenant, each with
 * MSAL's in-memory token cache, so a token is fetched once an hour, not per call.
 */
export function clientSecretTokens(credential: ClientSecretCredential): TokenProviderFn {
  const loginHost = new URL(credential.loginEndpoint).host;
  const clients = new Map<string, ConfidentialClientApplication>();
  const clientFor = async (tenant: string): Promise<ConfidentialClientApplication> => {
    let client = clients.get(tenant);
    if (!client) {
      // Loaded with the first token, so a start without Teams does not load a
      // second copy of MSAL (the SDK requires its CommonJS build, this is the ES one).
      const { ConfidentialClientApplication, LogLevel } = await import('@azure/msal-node');
      client = new ConfidentialClientApplication({
        auth: {
          clientId: credential.clientId,
          clientSecret: credential.clientSecret,
          authority: `${credential.loginEndpoint.replace(/\/+$/, '')}/${tenant}`,
          knownAuthorities: [loginHost],
        },
        system: { loggerOptions: msalLogging(credential.logger, LogLevel) },
      });
      clients.set(tenant, client);
    }
    return client;
  };

  return async (scope, tenantId) => {
    try {
      const client = await clientFor(tenantId || botFrameworkTenant);
      const result = await client.acquireTokenByClientCredential({
        scopes: Array.isArray(scope) ? scope : [scope],
      });
      if (!result?.accessToken) throw new Error('the login endpoint answered without an access token');
      return result.accessToken;
    } catch (error) {
      const parsed = msalError.safeParse(error);
      throw new TeamsSurfaceError(
        'teams.token_failed',
        `the bot could not get its Bot Framework token from ${loginHost} (${parsed.success ? parsed.data.errorCode : 'no token'})`,
        { cause: error },
      );
    }
  };
}

/** MSAL's warnings and errors, without personal data (its PII logging stays off). */
function msalLogging(logger: Logger, levels: typeof LogLevel) {
  return {
    piiLoggingEnabled: false,
    logLevel: levels.Warning,
    loggerCallback: (level: LogLevel, message: string) => {
      const fields = { component: 'msal' };
      if (level === levels.Error) logger.error(fields, message);
      else logger.warn(fields, message);
    },
  };
}
