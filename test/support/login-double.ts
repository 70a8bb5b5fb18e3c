import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from './self-signed-certificate.js';

/**
 * The Microsoft Entra login endpoint of a cloud, on loopback over https with
 * a certificate made for the test: the OpenID configuration of each tenant
 * and its token endpoint for the client-credentials grant. The token is
 * minted by whoever the connector double trusts.
 *
 * Served under a path (`https://127.0.0.1:PORT/login`), like a proxy's.
 * Anything else is answered 404 and remembered.
 */

export interface TokenRequest {
  readonly tenant: string;
  readonly clientId: string | null;
  readonly grantType: string | null;
  readonly scope: string | null;
  /** Whether the client id and secret were the registered ones. */
  readonly accepted: boolean;
}

const prefix = '/login';

export class LoginDouble {
  readonly tokenRequests: TokenRequest[] = [];
  readonly unexpected: string[] = [];
  readonly certificate: string;
  /** While set, the token endpoint answers this status with an OAuth error. */
  refuseWith: { readonly status: number; readonly error: string } | null = null;

  readonly #server: Server;
  #origin = '';

  private constructor(
    private readonly client: {
      readonly clientId: string;
      readonly clientSecret: string;
      /** The access token for a scope and tenant (the connector double's signer). */
      readonly mint: (scope: string, tenant: string) => string;
    },
  ) {
    const { certificate, privateKey } = selfSignedCertificate();
    this.certificate = certificate;
    this.#server = createServer({ cert: certificate, key: privateKey }, (request, response) => {
      this.#handle(request, response).catch((error: unknown) => {
        this.unexpected.push(`double failed: ${String(error)}`);
        if (!response.headersSent) send(response, 500, { error: 'server_error' });
      });
    });
  }

  static async start(client: LoginDouble['client']): Promise<LoginDouble> {
    const double = new LoginDouble(client);
    await new Promise<void>((resolve) => double.#server.listen(0, '127.0.0.1', resolve));
    double.#origin = `https://127.0.0.1:${(double.#server.address() as AddressInfo).port}`;
    return double;
  }

  /** What TEAMS_LOGIN_ENDPOINT is set to. */
  get loginEndpoint(): string {
    return `${this.#origin}${prefix}`;
  }

  get origin(): string {
    return this.#origin;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const url = new URL(request.url ?? '/', this.#origin);
    const path = url.pathname.startsWith(`${prefix}/`) ? url.pathname.slice(prefix.length) : null;
    const [, tenant, ...rest] = path?.split('/') ?? [];
    const route = `${request.method} /${rest.join('/')}`;
    if (tenant && route === 'GET /v2.0/.well-known/openid-configuration') {
      const authority = `${this.loginEndpoint}/${tenant}`;
      send(response, 200, {
        issuer: `${authority}/v2.0`,
        authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
        token_endpoint: `${authority}/oauth2/v2.0/token`,
        end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
        jwks_uri: `${authority}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'token'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
      });
      return;
    }
    if (tenant && route === 'POST /oauth2/v2.0/token') {
      const form = new URLSearchParams(body);
      const accepted =
        form.get('client_id') === this.client.clientId &&
        form.get('client_secret') === this.client.clientSecret &&
        form.get('grant_type') === 'client_credentials';
      this.tokenRequests.push({
        tenant,
        clientId: form.get('client_id'),
        grantType: form.get('grant_type'),
        scope: form.get('scope'),
        accepted,
      });
      if (this.refuseWith) {
        send(response, this.refuseWith.status, {
          error: this.refuseWith.error,
          error_description: 'AADSTS7000215: Invalid client secret provided.',
        });
        return;
      }
      if (!accepted) {
        send(response, 401, { error: 'invalid_client', error_description: 'unknown client or secret' });
        return;
      }
      // MSAL adds openid/profile/offline_access to a v2 scope; the resource's `.default` is the one asked for.
      const scope =
        form
          .get('scope')
          ?.split(' ')
          .find((part) => part.endsWith('/.default')) ?? '';
      send(response, 200, {
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: this.client.mint(scope, tenant),
      });
      return;
    }
    this.unexpected.push(`${request.method} ${url.pathname}`);
    send(response, 404, { error: 'not_found' });
  }
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
