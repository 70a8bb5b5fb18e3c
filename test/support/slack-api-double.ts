import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';

/**
 * Slack's Web API on 127.0.0.1, for tests: the methods Trafiklys uses, with
 * realistic answers, every call recorded, and the rules a test must not break
 * recorded as violations (a post to a channel sooner than the pace allows, a
 * retry before Retry-After, a message over Slack's limits, a wrong token, a
 * method it does not implement). `assertNoUnexpectedCalls()` fails on any.
 */

export interface SeedUser {
  readonly id: string;
  readonly email: string;
  readonly realName: string;
  readonly displayName?: string;
  /** Returned by users.info with include_locale. */
  readonly locale?: string;
  readonly deleted?: boolean;
}

export interface SlackApiDoubleOptions {
  readonly botToken?: string;
  readonly appToken?: string;
  readonly users?: readonly SeedUser[];
  /** Two chat.postMessage calls to one channel closer than this are a violation (Slack: about 1 s). */
  readonly postIntervalMs?: number;
  /** Answer 429 to every nth call of the methods (default chat.postMessage). */
  readonly rateLimit?: {
    readonly everyNth: number;
    readonly retryAfterSeconds: number;
    readonly methods?: readonly string[];
  };
  /** Where apps.connections.open sends the Socket Mode client. */
  readonly socketModeUrl?: string;
  /**
   * The bot token's scopes (e.g. the manifest's): a method or a file download
   * needing another one is refused with missing_scope, as Slack does, and
   * recorded as a violation. Unset: every scope.
   */
  readonly grantedScopes?: readonly string[];
}

/** The scope each Web API method the double implements needs (Slack's method pages). */
const requiredScopes: Readonly<Record<string, string | null>> = {
  'auth.test': null,
  'chat.postMessage': 'chat:write',
  'chat.update': 'chat:write',
  'chat.delete': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'conversations.open': 'im:write',
  'users.lookupByEmail': 'users:read.email',
  'users.info': 'users:read',
  'views.open': null,
  'views.update': null,
  'files.getUploadURLExternal': 'files:write',
  'files.completeUploadExternal': 'files:write',
  // The app-level token's scope, not the bot's.
  'apps.connections.open': null,
};
/** Downloading a shared file (url_private_download) with the bot token. */
const downloadScope = 'files:read';

export interface RecordedCall {
  readonly method: string;
  /** Form or JSON arguments; `blocks`, `view`, `files` JSON-decoded. */
  readonly args: Readonly<Record<string, unknown>>;
  /** performance.now() at arrival. */
  readonly at: number;
  /** What the double answered: 'ok', Slack's error string, 'ratelimited' or 'unimplemented'. */
  readonly outcome: string;
}

export interface StoredMessage {
  readonly ts: string;
  readonly text: string;
  readonly blocks: readonly RecordedBlock[];
  readonly threadTs: string | null;
}

interface StoredFile {
  readonly id: string;
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** What the double (and a test) reads of a block; everything else passes through. */
const recordedBlockSchema = z.looseObject({
  type: z.string(),
  text: z.looseObject({ text: z.string() }).optional(),
  slack_file: z.looseObject({ id: z.string() }).optional(),
});
export type RecordedBlock = z.output<typeof recordedBlockSchema>;

/** The blocks of a recorded chat.postMessage or chat.update, parsed (none when it had none). */
export function blocksOf(args: Readonly<Record<string, unknown>>): RecordedBlock[] {
  return z.array(recordedBlockSchema).catch([]).parse(args.blocks);
}

const fileListSchema = z.array(z.looseObject({ id: z.string() })).catch([]);

const jsonArguments = ['blocks', 'view', 'files', 'attachments'];
const maxBlocks = 50;
const maxSectionText = 3_000;
const maxViewBlocks = 100;
const maxViewTitle = 24;
const maxPrivateMetadata = 3_000;

export class SlackApiDouble {
  readonly calls: RecordedCall[] = [];
  /** JSON bodies posted to response URLs, by the URL's id. */
  readonly responses: { readonly responseId: string; readonly body: Record<string, unknown> }[] = [];
  readonly violations: string[] = [];
  /** Bytes received at upload URLs, by file id. */
  readonly uploads = new Map<string, { filename: string; bytes: Uint8Array; completed: boolean }>();
  /** Modals opened with views.open, with the id the double gave each and the caller's external_id ("" when none). */
  readonly openedViews: { readonly id: string; readonly externalId: string; readonly view: unknown }[] = [];
  /** Views replaced with views.update, by the id of the modal they replaced. */
  readonly updatedViews: { readonly id: string; readonly view: unknown }[] = [];
  /** Each open modal's current hash: views.update with an older one is refused (`hash_conflict`). */
  private readonly viewHashes = new Map<string, string>();
  socketModeUrl: string | undefined;

  private readonly messages = new Map<string, Map<string, StoredMessage>>();
  private readonly lastPostAt = new Map<string, number>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly rateLimitCounts = new Map<string, number>();
  private readonly failures = new Map<string, string[]>();
  private readonly files = new Map<string, StoredFile>();
  private holding: {
    readonly which: (method: string, args: Record<string, unknown>) => boolean;
    readonly released: Promise<void>;
    release(): void;
  } | null = null;
  private heldCount = 0;
  /** Held calls whose client went away before they were released: never performed, as if they never arrived. */
  readonly droppedCalls: { readonly method: string; readonly args: Readonly<Record<string, unknown>> }[] = [];
  private sequence = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly options: SlackApiDoubleOptions,
  ) {
    this.socketModeUrl = options.socketModeUrl;
  }

  static async start(options: SlackApiDoubleOptions = {}): Promise<SlackApiDouble> {
    let double: SlackApiDouble | undefined;
    const server = createServer((request, response) => {
      double?.handle(request, response).catch((error: unknown) => {
        double?.violations.push(`the double failed: ${String(error)}`);
        if (!response.headersSent) response.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    double = new SlackApiDouble(server, `http://127.0.0.1:${port}`, options);
    return double;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  get botToken(): string {
    return this.options.botToken ?? 'xoxb-test-token';
  }

  /** The hash Slack would send with a click in the open modal now (it changes with every views.update). */
  viewHash(viewId: string): string {
    const hash = this.viewHashes.get(viewId);
    if (hash === undefined) throw new Error(`no open view ${viewId}`);
    return hash;
  }

  /** Calls of one method, in arrival order. */
  callsOf(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** chat.postMessage calls Slack accepted, optionally for one channel. */
  acceptedPosts(channel?: string): RecordedCall[] {
    return this.callsOf('chat.postMessage').filter(
      (call) => call.outcome === 'ok' && (channel === undefined || call.args.channel === channel),
    );
  }

  /** A channel's messages now (after updates and deletions), oldest first. */
  messagesIn(channel: string): StoredMessage[] {
    return [...(this.messages.get(channel)?.values() ?? [])].sort((a, b) => a.ts.localeCompare(b.ts));
  }

  /** A fresh response_url on this double. */
  responseUrl(): string {
    this.sequence += 1;
    return `${this.url}/response/R${this.sequence}`;
  }

  /** A file someone shared, downloadable with the bot token; returns Slack's file object. */
  addSharedFile(name: string, bytes: Uint8Array, mimetype: string): Record<string, unknown> {
    this.sequence += 1;
    const id = `F${String(this.sequence).padStart(9, '0')}`;
    this.files.set(id, { id, name, bytes });
    return {
      id,
      name,
      title: name,
      mimetype,
      filetype: name.split('.').pop() ?? '',
      size: bytes.byteLength,
      url_private: `${this.url}/files-pri/T0001-${id}/${encodeURIComponent(name)}`,
      url_private_download: `${this.url}/files-pri/T0001-${id}/download/${encodeURIComponent(name)}`,
    };
  }

  /**
   * Holds the calls `which` picks unanswered and unperformed until `release()`
   * (a platform that stalls); a held call whose client goes away meanwhile
   * (a killed process) is dropped at once, never performed. `held()`: how
   * many are waiting.
   */
  hold(which: (method: string, args: Record<string, unknown>) => boolean): {
    release(): void;
    held(): number;
  } {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holding = { which, released, release };
    return {
      release: () => {
        this.holding = null;
        release();
      },
      held: () => this.heldCount,
    };
  }

  /** The next calls of `method` fail with these Slack errors, one each. */
  failNext(method: string, ...errors: string[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...errors]);
  }

  assertNoUnexpectedCalls(): void {
    if (this.violations.length > 0) {
      throw new Error(
        `The Slack API double saw ${this.violations.length} problem(s):\n${this.violations.join('\n')}`,
      );
    }
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', this.url).pathname;
    const body = await readBody(request);
    if (path.startsWith('/api/')) return this.handleMethod(path.slice(5), request, body, response);
    if (path.startsWith('/response/')) {
      this.responses.push({ responseId: path.slice(10), body: JSON.parse(body.toString('utf8')) });
      return send(response, 200, 'ok', 'text/plain');
    }
    if (path.startsWith('/upload/')) {
      const upload = this.uploads.get(path.slice(8));
      if (!upload) return send(response, 404, 'no such upload', 'text/plain');
      upload.bytes = new Uint8Array(body);
      return send(response, 200, `OK - ${body.byteLength}`, 'text/plain');
    }
    const download = /^\/files-pri\/T0001-(F\d+)\/download\//.exec(path);
    if (download && request.method === 'GET') {
      // Like Slack: without the token, a sign-in page with status 200.
      if (request.headers.authorization !== `Bearer ${this.botToken}`) {
        return send(response, 200, '<html>Sign in</html>', 'text/html');
      }
      if (!this.hasScope(downloadScope)) {
        this.violations.push(
          `a file download needs the ${downloadScope} scope, which the app does not request`,
        );
        return send(response, 403, 'missing_scope', 'text/plain');
      }
      const file = this.files.get(download[1]!);
      if (!file) return send(response, 404, 'not found', 'text/plain');
      return send(response, 200, Buffer.from(file.bytes), 'application/octet-stream');
    }
    this.violations.push(`unexpected request ${request.method} ${path}`);
    return send(response, 404, 'not found', 'text/plain');
  }

  private async handleMethod(
    method: string,
    request: IncomingMessage,
    body: Buffer,
    response: ServerResponse,
  ): Promise<void> {
    let at = performance.now();
    const args = parseArguments(request.headers['content-type'] ?? '', body);
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? args.token;
    const answer = (outcome: string, result: Record<string, unknown>, status = 200) => {
      this.calls.push({ method, args, at, outcome });
      return send(response, status, JSON.stringify(result), 'application/json; charset=utf-8');
    };
    const expectedToken = method === 'apps.connections.open' ? this.options.appToken : this.botToken;
    if (token !== expectedToken) {
      this.violations.push(`${method} called with a wrong or missing token`);
      return answer('invalid_auth', { ok: false, error: 'invalid_auth' });
    }
    const holding = this.holding;
    if (holding?.which(method, args)) {
      this.heldCount += 1;
      // Released, or its client went away first (a killed process): then it never arrives.
      const clientGone = new Promise<'gone'>((resolve) => response.once('close', () => resolve('gone')));
      const outcome = await Promise.race([holding.released.then(() => 'released' as const), clientGone]);
      this.heldCount -= 1;
      if (outcome === 'gone') {
        this.droppedCalls.push({ method, args });
        return;
      }
      // Released: it arrives now, as far as Slack's pace is concerned.
      at = performance.now();
    }
    const needed = requiredScopes[method];
    if (needed && !this.hasScope(needed)) {
      this.violations.push(`${method} needs the ${needed} scope, which the app does not request`);
      return answer('missing_scope', { ok: false, error: 'missing_scope', needed });
    }
    if (method === 'chat.postMessage') {
      const problem = this.checkPace(String(args.channel), at);
      if (problem) this.violations.push(problem);
    }
    const limited = this.rateLimited(method);
    if (limited !== null) {
      if (method === 'chat.postMessage') this.blockedUntil.set(String(args.channel), at + limited * 1000);
      this.calls.push({ method, args, at, outcome: 'ratelimited' });
      response.writeHead(429, { 'retry-after': String(limited), 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const injected = this.failures.get(method)?.shift();
    if (injected) return answer(injected, { ok: false, error: injected });
    const result = this.perform(method, args);
    if (result === undefined) {
      this.violations.push(`unexpected Web API method ${method}`);
      return answer('unimplemented', { ok: false, error: 'unknown_method' }, 500);
    }
    return answer(result.ok === true ? 'ok' : String(result.error), result);
  }

  private hasScope(scope: string): boolean {
    return this.options.grantedScopes === undefined || this.options.grantedScopes.includes(scope);
  }

  private checkPace(channel: string, at: number): string | null {
    const interval = this.options.postIntervalMs ?? 1_000;
    const previous = this.lastPostAt.get(channel);
    this.lastPostAt.set(channel, at);
    const blockedUntil = this.blockedUntil.get(channel);
    if (blockedUntil !== undefined && at < blockedUntil) {
      return `chat.postMessage to ${channel} retried ${(blockedUntil - at).toFixed(1)} ms before Retry-After ended`;
    }
    if (previous !== undefined && at - previous < interval) {
      return `two posts to ${channel} ${(at - previous).toFixed(1)} ms apart (the pace is ${interval} ms)`;
    }
    return null;
  }

  private rateLimited(method: string): number | null {
    const rule = this.options.rateLimit;
    if (!rule || !(rule.methods ?? ['chat.postMessage']).includes(method)) return null;
    const count = (this.rateLimitCounts.get(method) ?? 0) + 1;
    this.rateLimitCounts.set(method, count);
    return count % rule.everyNth === 0 ? rule.retryAfterSeconds : null;
  }

  private perform(method: string, args: Record<string, unknown>): Record<string, unknown> | undefined {
    switch (method) {
      case 'auth.test':
        return {
          ok: true,
          url: `${this.url}/`,
          team: 'Test University',
          team_id: 'T0001',
          user: 'trafiklys',
          user_id: 'UBOT',
          bot_id: 'BBOT',
        };
      case 'chat.postMessage':
        return this.post(args);
      case 'chat.update':
        return this.update(args);
      case 'chat.delete': {
        const deleted = this.messages.get(String(args.channel))?.delete(String(args.ts));
        return deleted
          ? { ok: true, channel: args.channel, ts: args.ts }
          : { ok: false, error: 'message_not_found' };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'conversations.open': {
        const user = this.users().find((candidate) => candidate.id === args.users);
        return user
          ? { ok: true, channel: { id: `D${user.id.slice(1)}` } }
          : { ok: false, error: 'user_not_found' };
      }
      case 'users.lookupByEmail': {
        const email = String(args.email).toLowerCase();
        const user = this.users().find((candidate) => candidate.email.toLowerCase() === email);
        return user ? { ok: true, user: userObject(user, false) } : { ok: false, error: 'users_not_found' };
      }
      case 'users.info': {
        const user = this.users().find((candidate) => candidate.id === args.user);
        const withLocale = args.include_locale === 'true' || args.include_locale === true;
        return user
          ? { ok: true, user: userObject(user, withLocale) }
          : { ok: false, error: 'user_not_found' };
      }
      case 'views.open': {
        const problem = this.checkView(args.view);
        if (problem)
          return { ok: false, error: 'invalid_arguments', response_metadata: { messages: [problem] } };
        this.sequence += 1;
        const id = `V${String(this.sequence).padStart(9, '0')}`;
        const externalId = String(objectOf(args.view).external_id ?? '');
        const hash = `${this.sequence}.hash`;
        this.openedViews.push({ id, externalId, view: args.view });
        this.viewHashes.set(id, hash);
        return { ok: true, view: { ...objectOf(args.view), id, hash } };
      }
      case 'views.update': {
        const viewId = String(args.view_id);
        const current = this.viewHashes.get(viewId);
        if (current === undefined) return { ok: false, error: 'not_found' };
        if (args.hash !== undefined && args.hash !== current) return { ok: false, error: 'hash_conflict' };
        const problem = this.checkView(args.view);
        if (problem)
          return { ok: false, error: 'invalid_arguments', response_metadata: { messages: [problem] } };
        this.sequence += 1;
        const hash = `${this.sequence}.hash`;
        this.viewHashes.set(viewId, hash);
        this.updatedViews.push({ id: viewId, view: args.view });
        return { ok: true, view: { ...objectOf(args.view), id: viewId, hash } };
      }
      case 'files.getUploadURLExternal': {
        this.sequence += 1;
        const id = `F${String(this.sequence).padStart(9, '0')}`;
        this.uploads.set(id, { filename: String(args.filename), bytes: new Uint8Array(), completed: false });
        return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return this.completeUploads(args);
      case 'apps.connections.open':
        return this.socketModeUrl
          ? { ok: true, url: this.socketModeUrl }
          : { ok: false, error: 'invalid_auth' };
      default:
        return undefined;
    }
  }

  private post(args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args.channel);
    const problem = this.checkMessage(args);
    if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
    const ts = this.nextTs();
    const threadTs = typeof args.thread_ts === 'string' ? args.thread_ts : null;
    const stored = { ts, text: String(args.text), blocks: blocksOf(args), threadTs };
    if (!this.messages.has(channel)) this.messages.set(channel, new Map());
    this.messages.get(channel)!.set(ts, stored);
    return { ok: true, channel, ts, message: { text: stored.text, ts } };
  }

  private update(args: Record<string, unknown>): Record<string, unknown> {
    const channel = String(args.channel);
    const existing = this.messages.get(channel)?.get(String(args.ts));
    if (!existing) return { ok: false, error: 'message_not_found' };
    const problem = this.checkMessage(args);
    if (problem) return { ok: false, error: 'invalid_blocks', errors: [problem] };
    this.messages
      .get(channel)!
      .set(existing.ts, { ...existing, text: String(args.text), blocks: blocksOf(args) });
    return { ok: true, channel, ts: existing.ts, text: args.text };
  }

  private completeUploads(args: Record<string, unknown>): Record<string, unknown> {
    const files = fileListSchema.parse(args.files);
    for (const file of files) {
      const upload = this.uploads.get(file.id);
      if (!upload || upload.bytes.byteLength === 0) return { ok: false, error: 'file_not_found' };
      upload.completed = true;
    }
    return { ok: true, files: files.map((file) => ({ id: file.id })) };
  }

  /** Slack's limits for a message; a breach is a violation and answered invalid_blocks, as Slack does. */
  private checkMessage(args: Record<string, unknown>): string | null {
    const blocks = blocksOf(args);
    let problem: string | null = null;
    if (typeof args.text !== 'string' || args.text === '') problem = 'a message without fallback text';
    if (blocks.length > maxBlocks) problem = `${blocks.length} blocks (at most ${maxBlocks})`;
    for (const block of blocks) {
      const text = block.text?.text ?? '';
      if (block.type === 'section' && text.length > maxSectionText) {
        problem = `a section of ${text.length} characters (at most ${maxSectionText})`;
      }
      if (block.type === 'image' && block.slack_file && !this.uploads.get(block.slack_file.id)?.completed) {
        problem = `an image of a file that was not uploaded: ${block.slack_file.id}`;
      }
    }
    if (Array.isArray(args.blocks) && blocks.length !== args.blocks.length) problem = 'blocks without a type';
    if (problem) this.violations.push(`${String(args.channel)}: ${problem}`);
    return problem;
  }

  /** Slack's limits for a modal view; a breach is a violation and refused, as Slack does. */
  private checkView(value: unknown): string | null {
    const view = objectOf(value);
    const blocks = blocksOf({ blocks: view.blocks });
    const title = String(objectOf(view.title).text ?? '');
    let problem: string | null = null;
    if (view.type !== 'modal') problem = 'a view that is not a modal';
    if (title === '' || title.length > maxViewTitle) problem = `a title of ${title.length} characters`;
    if (blocks.length > maxViewBlocks) problem = `${blocks.length} blocks (at most ${maxViewBlocks})`;
    if (blocks.some((block) => block.type === 'input') && view.submit === undefined) {
      problem = 'input blocks without a submit button';
    }
    if (String(view.private_metadata ?? '').length > maxPrivateMetadata)
      problem = 'private_metadata too long';
    for (const block of blocks) {
      if (block.type === 'section' && (block.text?.text ?? '').length > maxSectionText) {
        problem = `a section of ${block.text?.text.length} characters (at most ${maxSectionText})`;
      }
    }
    if (Array.isArray(view.blocks) && blocks.length !== view.blocks.length) problem = 'blocks without a type';
    if (problem) this.violations.push(`view: ${problem}`);
    return problem;
  }

  private users(): readonly SeedUser[] {
    return this.options.users ?? [];
  }

  // Increasing like Slack's, unique per double: seconds since 2026-01-01 plus a counter.
  private nextTs(): string {
    this.sequence += 1;
    return `${1_767_225_600 + this.sequence}.${String(this.sequence).padStart(6, '0')}`;
  }
}

function userObject(user: SeedUser, withLocale: boolean): Record<string, unknown> {
  return {
    id: user.id,
    team_id: 'T0001',
    name: user.email.split('@')[0],
    real_name: user.realName,
    deleted: user.deleted ?? false,
    is_bot: false,
    ...(withLocale && user.locale ? { locale: user.locale } : {}),
    profile: { email: user.email, real_name: user.realName, display_name: user.displayName ?? '' },
  };
}

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? { ...value } : {};
}

function parseArguments(contentType: string, body: Buffer): Record<string, unknown> {
  const text = body.toString('utf8');
  if (text === '') return {};
  if (contentType.startsWith('application/json'))
    return z.record(z.string(), z.unknown()).parse(JSON.parse(text));
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parseQuery(text))) {
    const single = Array.isArray(value) ? value[0] : value;
    args[key] = jsonArguments.includes(key) && typeof single === 'string' ? JSON.parse(single) : single;
  }
  return args;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, body: string | Buffer, contentType: string): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}
