import { generateKeyPairSync, type KeyObject, randomUUID, sign, verify } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The Microsoft side of a Teams bot, on loopback: the Bot Framework's OpenID
 * metadata and signing keys (so the real SDK validates inbound tokens against
 * them), a signer for inbound tokens, an outbound token source, and a Bot
 * Connector that records every call and answers like Teams does.
 *
 * Anything it does not know is answered 404 and remembered:
 * `assertNoUnexpectedCalls()` fails the test.
 */

export interface ConnectorCall {
  readonly method: string;
  /** Decoded path, e.g. `/v3/conversations/19:abc@thread.tacv2/activities`. */
  readonly path: string;
  readonly route: ConnectorRoute;
  readonly conversationId: string | null;
  readonly activityId: string | null;
  readonly body: unknown;
  /** The raw request body's size: what counts against Teams' 40 KB per message. */
  readonly bodyBytes: number;
  /** Whether it carried a bearer token this double's token source signed. */
  readonly authorized: boolean;
  /** The status the double answered. */
  readonly status: number;
  /** The JSON the double answered with (a sent activity's `{ id }`, a new conversation's `{ id }`). */
  readonly answer?: unknown;
}

export type ConnectorRoute =
  | 'send-activity'
  | 'update-activity'
  | 'delete-activity'
  | 'create-conversation'
  | 'members'
  | 'member'
  | 'team-channels'
  | 'file';

/** A conversation member as the connector returns it (TeamsChannelAccount). */
export interface SeededMember {
  readonly id: string;
  readonly name: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly aadObjectId: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
  readonly tenantId?: string;
}

export interface InjectedFault {
  readonly route: ConnectorRoute;
  readonly status: number;
  /** Seconds, sent as Retry-After. */
  readonly retryAfterSeconds?: number;
}

export interface InboundTokenOptions {
  /** The activity's serviceUrl; the SDK checks the `serviceurl` claim against it. */
  readonly serviceUrl: string;
  readonly audience?: string;
  readonly issuer?: string;
  /** Seconds from now; negative for an expired token. */
  readonly expiresIn?: number;
  /** Sign with a key the metadata does not publish. */
  readonly signedBy?: 'bot-framework' | 'foreign-key';
}

export const doubleTokenIssuer = 'https://api.botframework.test';

interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey, publicKey };
}

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

function signJwt(key: SigningKey, claims: Record<string, unknown>): string {
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: key.kid }));
  const payload = base64url(JSON.stringify(claims));
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), key.privateKey);
  return `${header}.${payload}.${base64url(signature)}`;
}

function verifyJwt(key: SigningKey, token: string): boolean {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return false;
  return verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    key.publicKey,
    Buffer.from(signature, 'base64url'),
  );
}

export class BotFrameworkDouble {
  readonly clientId: string;
  readonly tenantId = 'tenant-0001';
  readonly calls: ConnectorCall[] = [];
  readonly unexpected: string[] = [];

  readonly #botFrameworkKey = newSigningKey();
  readonly #foreignKey = newSigningKey();
  readonly #outboundKey = newSigningKey();
  readonly #members = new Map<string, SeededMember[]>();
  readonly #teamChannels = new Map<string, { id: string; name?: string }[]>();
  readonly #files = new Map<string, Uint8Array>();
  readonly #faults: InjectedFault[] = [];
  readonly #personalChats = new Map<string, string>();
  #server: Server | null = null;
  #url = '';
  #nextActivity = 1;

  constructor(options: { readonly clientId?: string } = {}) {
    this.clientId = options.clientId ?? '11111111-2222-3333-4444-555555555555';
  }

  static async start(options: { readonly clientId?: string } = {}): Promise<BotFrameworkDouble> {
    const double = new BotFrameworkDouble(options);
    await double.#listen();
    return double;
  }

  /** `http://127.0.0.1:<port>/`: use as the activities' serviceUrl. */
  get serviceUrl(): string {
    return `${this.#url}/`;
  }

  get openIdMetadataUrl(): string {
    return `${this.#url}/v1/.well-known/openidconfiguration`;
  }

  /** Overrides for the SDK's CloudEnvironment. */
  get cloud(): { openIdMetadataUrl: string; tokenIssuer: string; loginEndpoint: string } {
    return {
      openIdMetadataUrl: this.openIdMetadataUrl,
      tokenIssuer: doubleTokenIssuer,
      // Never called when a token source is given; any call would be unexpected.
      loginEndpoint: `${this.#url}/login`,
    };
  }

  /** A Bot Framework-shaped token for an inbound activity. */
  signInboundToken(options: InboundTokenOptions): string {
    const now = Math.floor(Date.now() / 1000);
    const expiresIn = options.expiresIn ?? 3600;
    return signJwt(options.signedBy === 'foreign-key' ? this.#foreignKey : this.#botFrameworkKey, {
      iss: options.issuer ?? doubleTokenIssuer,
      aud: options.audience ?? this.clientId,
      serviceurl: options.serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + expiresIn,
    });
  }

  /** The app's outbound token source (`App({ token })`): a JWT the connector double accepts. */
  readonly token = (scope: string | string[], tenantId?: string): string => {
    const now = Math.floor(Date.now() / 1000);
    return signJwt(this.#outboundKey, {
      iss: 'https://login.double.test/',
      aud: Array.isArray(scope) ? scope.join(' ') : scope,
      appid: this.clientId,
      tid: tenantId ?? 'botframework.com',
      iat: now,
      nbf: now,
      exp: now + 3600,
    });
  };

  /** The 1:1 chat the bot opened with a member (`POST v3/conversations`), if it did. */
  personalChatOf(memberId: string): string | undefined {
    return this.#personalChats.get(memberId);
  }

  seedMembers(conversationId: string, members: readonly SeededMember[]): void {
    this.#members.set(conversationId, [...members]);
  }

  seedTeamChannels(
    teamId: string,
    channels: readonly { readonly id: string; readonly name?: string }[],
  ): void {
    this.#teamChannels.set(teamId, [...channels]);
  }

  /** Serves bytes at a pre-authenticated download URL, like a Teams file's `downloadUrl`. */
  hostFile(name: string, bytes: Uint8Array): string {
    const key = randomUUID();
    this.#files.set(key, bytes);
    return `${this.#url}/files/${key}/${encodeURIComponent(name)}`;
  }

  /** The next call to `route` is answered with `status` (and Retry-After when given). */
  failNext(fault: InjectedFault): void {
    this.#faults.push(fault);
  }

  callsTo(route: ConnectorRoute): ConnectorCall[] {
    return this.calls.filter((call) => call.route === route && call.status < 400);
  }

  /** Resolves once `predicate` holds for the recorded calls (replies are sent after the HTTP answer in some flows). */
  async waitFor(predicate: (calls: readonly ConnectorCall[]) => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.calls)) {
      if (Date.now() > deadline) throw new Error('the connector double did not receive the expected calls');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  assertNoUnexpectedCalls(): void {
    if (this.unexpected.length > 0) {
      throw new Error(`unexpected calls to the Bot Framework double:\n${this.unexpected.join('\n')}`);
    }
    const unauthorized = this.calls.filter((call) => call.route !== 'file' && !call.authorized);
    if (this.requireOutboundToken && unauthorized.length > 0) {
      throw new Error(
        `connector calls without a valid bearer token:\n${unauthorized.map((call) => `${call.method} ${call.path}`).join('\n')}`,
      );
    }
  }

  /** Local development runs without credentials, so its calls carry no token. */
  requireOutboundToken = true;

  async close(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #listen(): Promise<void> {
    const server = createServer((request, response) => {
      this.#handle(request, response).catch((error: unknown) => {
        this.unexpected.push(`double failed: ${String(error)}`);
        if (!response.headersSent) send(response, 500, { error: 'double failed' });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.#server = server;
    this.#url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', this.#url);
    const segments = url.pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => decodeURIComponent(segment));
    const path = `/${segments.join('/')}`;

    if (method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      send(response, 200, {
        issuer: doubleTokenIssuer,
        jwks_uri: `${this.#url}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
      return;
    }
    if (method === 'GET' && path === '/v1/.well-known/keys') {
      const jwk = this.#botFrameworkKey.publicKey.export({ format: 'jwk' });
      send(response, 200, {
        keys: [
          { ...jwk, kid: this.#botFrameworkKey.kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] },
        ],
      });
      return;
    }

    const matched = matchRoute(method, segments);
    if (!matched) {
      this.unexpected.push(`${method} ${path}`);
      send(response, 404, { error: { code: 'NotFound', message: `the double has no ${method} ${path}` } });
      return;
    }
    const body = raw.length > 0 ? safeJson(raw) : undefined;
    const authorization = request.headers.authorization ?? '';
    const authorized =
      authorization.startsWith('Bearer ') && verifyJwt(this.#outboundKey, authorization.slice(7));
    const record = (status: number, answer?: unknown) =>
      this.calls.push({
        method,
        path,
        route: matched.route,
        conversationId: matched.conversationId,
        activityId: matched.activityId,
        body,
        bodyBytes: raw.length,
        authorized,
        status,
        ...(answer === undefined ? {} : { answer }),
      });

    const faultIndex = this.#faults.findIndex((fault) => fault.route === matched.route);
    const fault = faultIndex >= 0 ? this.#faults.splice(faultIndex, 1)[0] : undefined;
    if (fault) {
      record(fault.status);
      if (fault.retryAfterSeconds !== undefined) {
        response.setHeader('retry-after', String(fault.retryAfterSeconds));
      }
      send(response, fault.status, { error: { code: 'Throttled', message: 'injected fault' } });
      return;
    }

    const answer = this.#answer(matched, body);
    record(answer.status, answer.body);
    if (answer.bytes) {
      response.writeHead(answer.status, {
        'content-type': 'application/octet-stream',
        'content-length': answer.bytes.length,
      });
      response.end(answer.bytes);
      return;
    }
    send(response, answer.status, answer.body);
  }

  #answer(matched: MatchedRoute, body: unknown): { status: number; body?: unknown; bytes?: Uint8Array } {
    switch (matched.route) {
      case 'send-activity':
        return { status: 201, body: { id: `activity-${this.#nextActivity++}` } };
      case 'update-activity':
        return { status: 200, body: { id: matched.activityId } };
      case 'delete-activity':
        return { status: 200, body: {} };
      case 'create-conversation': {
        const memberId = memberIdOf(body);
        if (!memberId) return { status: 400, body: { error: { code: 'BadArgument', message: 'no member' } } };
        const id = this.#personalChats.get(memberId) ?? `a:personal-${this.#personalChats.size + 1}`;
        this.#personalChats.set(memberId, id);
        return { status: 201, body: { id } };
      }
      case 'members': {
        const members = this.#members.get(matched.conversationId ?? '');
        if (!members) return { status: 404, body: { error: { code: 'ConversationNotFound' } } };
        return { status: 200, body: members };
      }
      case 'member': {
        for (const members of this.#members.values()) {
          const member = members.find((candidate) => candidate.id === matched.activityId);
          if (member) return { status: 200, body: member };
        }
        return { status: 404, body: { error: { code: 'MemberNotFound' } } };
      }
      case 'team-channels': {
        const channels = this.#teamChannels.get(matched.conversationId ?? '');
        if (!channels) return { status: 404, body: { error: { code: 'TeamNotFound' } } };
        return { status: 200, body: { conversations: channels } };
      }
      case 'file': {
        const bytes = this.#files.get(matched.conversationId ?? '');
        if (!bytes) return { status: 404, body: { error: 'no such file' } };
        return { status: 200, bytes };
      }
    }
  }
}

interface MatchedRoute {
  readonly route: ConnectorRoute;
  readonly conversationId: string | null;
  /** The activity id, or the member id for `member`. */
  readonly activityId: string | null;
}

function matchRoute(method: string, segments: readonly string[]): MatchedRoute | null {
  const [first, second, third, fourth, fifth, ...rest] = segments;
  if (rest.length > 0) return null;
  if (first === 'files' && third !== undefined && fourth === undefined && method === 'GET') {
    return { route: 'file', conversationId: second ?? null, activityId: null };
  }
  if (first !== 'v3') return null;
  if (second === 'teams' && third && fourth === 'conversations' && !fifth && method === 'GET') {
    return { route: 'team-channels', conversationId: third, activityId: null };
  }
  if (second !== 'conversations') return null;
  if (!third && method === 'POST')
    return { route: 'create-conversation', conversationId: null, activityId: null };
  if (!third) return null;
  if (fourth === 'activities' && !fifth && method === 'POST') {
    return { route: 'send-activity', conversationId: third, activityId: null };
  }
  if (fourth === 'activities' && fifth && method === 'PUT') {
    return { route: 'update-activity', conversationId: third, activityId: fifth };
  }
  if (fourth === 'activities' && fifth && method === 'DELETE') {
    return { route: 'delete-activity', conversationId: third, activityId: fifth };
  }
  if (fourth === 'members' && !fifth && method === 'GET') {
    return { route: 'members', conversationId: third, activityId: null };
  }
  if (fourth === 'members' && fifth && method === 'GET') {
    return { route: 'member', conversationId: third, activityId: fifth };
  }
  return null;
}

function memberIdOf(body: unknown): string | null {
  if (typeof body !== 'object' || body === null || !('members' in body)) return null;
  const members = body.members;
  if (!Array.isArray(members)) return null;
  const first: unknown = members[0];
  if (typeof first !== 'object' || first === null || !('id' in first)) return null;
  return typeof first.id === 'string' ? first.id : null;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

function safeJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return raw.toString('utf8');
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? {});
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
