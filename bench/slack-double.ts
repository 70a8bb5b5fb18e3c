/**
 * Slack's Web API on 127.0.0.1 for the reminder benchmark: the methods the
 * Slack surface calls when it posts reminders (chat.postMessage, chat.update,
 * conversations.open, users.lookupByEmail, the three steps of a file upload,
 * auth.test), with Slack's limits enforced the way Slack enforces them: a call
 * over a limit is answered 429 with `Retry-After` and has no effect.
 *
 * - A post in a channel (chat.postMessage, or files.completeUploadExternal,
 *   which puts the files into the channel as a message) sooner than
 *   `channelIntervalMs` after the channel's last accepted post.
 * - A call of a tiered method when its tier's number of calls was already
 *   accepted within the tier's window (Slack: Tier 3 50, Tier 4 100 a minute).
 *
 * Every accepted post is recorded with its channel and arrival time; 429s are
 * counted per method. The bench runs it in a worker thread of its own
 * (slack-double-thread.ts), so that arrival times, like Slack's, do not wait
 * for the client's event loop. The bench's own double: bench never imports test/.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQuery } from 'node:querystring';
import { z } from 'zod';

export type SlackTier = 'tier3' | 'tier4';

/** Slack's published tiers for the methods the double serves (chat.postMessage has its own per-channel limit). */
export const slackMethodTiers: Readonly<Record<string, SlackTier>> = {
  'chat.update': 'tier3',
  'conversations.open': 'tier3',
  'users.lookupByEmail': 'tier3',
  'users.info': 'tier4',
  'files.getUploadURLExternal': 'tier4',
  'files.completeUploadExternal': 'tier4',
};

export interface TierLimit {
  readonly calls: number;
  readonly perMs: number;
}

export interface SlackLimits {
  /** Least time between the arrivals of two accepted posts in one channel (Slack: about a second). */
  readonly channelIntervalMs: number;
  readonly tiers: Readonly<Record<SlackTier, TierLimit>>;
}

/** Slack's limits, with the tiers' minute divided by `tierSpeedup` (1: Slack's own). */
export function slackLimits(options: { channelIntervalMs: number; tierSpeedup: number }): SlackLimits {
  const perMs = 60_000 / options.tierSpeedup;
  return {
    channelIntervalMs: options.channelIntervalMs,
    tiers: { tier3: { calls: 50, perMs }, tier4: { calls: 100, perMs } },
  };
}

export interface SlackUser {
  readonly id: string;
  readonly email: string;
  readonly realName: string;
  /** Returned by users.info with include_locale, as Slack does. */
  readonly locale: string;
}

/** A message that appeared in a channel: a chat.postMessage, or files shared by files.completeUploadExternal. */
export interface AcceptedPost {
  readonly channel: string;
  readonly method: 'chat.postMessage' | 'files.completeUploadExternal';
  /** Arrival, in milliseconds since the epoch at sub-millisecond resolution: comparable across threads. */
  readonly at: number;
  /** The post's fallback text; for shared files their upload file names, in order, joined by a space. */
  readonly content: string;
  readonly threadTs: string | null;
}

export interface MethodCounts {
  readonly accepted: number;
  readonly rateLimited: number;
  /** Arrival of the first and of the last accepted call (epoch milliseconds, like AcceptedPost.at). */
  readonly firstAcceptedAt: number | null;
  readonly lastAcceptedAt: number | null;
}

export interface SlackDoubleOptions {
  readonly limits: SlackLimits;
  readonly users: readonly SlackUser[];
  readonly botToken?: string;
  /** Each answer leaves this long after the request arrived: the network's round trip to Slack. */
  readonly latencyMs?: number;
}

/** Arguments whose form value is JSON, as the WebClient encodes them. */
const jsonArguments = ['blocks', 'files'];
const maxBlocks = 50;
const filesArgument = z.array(z.looseObject({ id: z.string() }));

export class SlackDouble {
  readonly posts: AcceptedPost[] = [];
  /** Answers posted to slash commands' response URLs. */
  responses = 0;
  /** Requests Slack would not answer the way the surface expects; a correct run has none. */
  readonly violations: string[] = [];

  private readonly counts = new Map<string, Mutable<MethodCounts>>();
  private readonly lastPostAt = new Map<string, number>();
  /** Accepted call arrivals per tiered method, oldest first, within the tier's window. */
  private readonly recentCalls = new Map<string, number[]>();
  private readonly uploads = new Map<string, { filename: string; bytes: number }>();
  private readonly usersByEmail: ReadonlyMap<string, SlackUser>;
  private readonly userIds: ReadonlySet<string>;
  private readonly usersById: ReadonlyMap<string, SlackUser>;
  private sequence = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
    readonly botToken: string,
    readonly limits: SlackLimits,
    users: readonly SlackUser[],
    private readonly latencyMs: number,
  ) {
    this.usersByEmail = new Map(users.map((user) => [user.email.toLowerCase(), user]));
    this.userIds = new Set(users.map((user) => user.id));
    this.usersById = new Map(users.map((user) => [user.id, user]));
  }

  static async start(options: SlackDoubleOptions): Promise<SlackDouble> {
    let double: SlackDouble | undefined;
    const server = createServer((request, response) => {
      double?.handle(request, response).catch((error: unknown) => {
        double?.violations.push(`the double failed: ${String(error)}`);
        if (!response.headersSent) response.writeHead(500).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const botToken = options.botToken ?? 'xoxb-bench-token';
    double = new SlackDouble(
      server,
      `http://127.0.0.1:${port}`,
      botToken,
      options.limits,
      options.users,
      options.latencyMs ?? 0,
    );
    return double;
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** Accepted and 429-answered calls, by method. */
  methodCounts(): ReadonlyMap<string, MethodCounts> {
    return this.counts;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', this.url).pathname;
    const body = await readBody(request);
    const arrivedAt = now();
    const reply = this.reply(path, request, body, arrivedAt);
    const wait = arrivedAt + this.latencyMs - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    response.writeHead(reply.status, {
      ...reply.headers,
      'content-type': reply.contentType,
      'content-length': Buffer.byteLength(reply.body),
    });
    response.end(reply.body);
  }

  private reply(path: string, request: IncomingMessage, body: Buffer, at: number): Reply {
    if (path.startsWith('/api/')) return this.handleMethod(path.slice(5), request, body, at);
    // A slash command's response_url: the answer the person sees.
    if (path.startsWith('/response/') && request.method === 'POST') {
      this.responses += 1;
      return { status: 200, body: 'ok', contentType: 'text/plain' };
    }
    const upload = path.startsWith('/upload/') ? this.uploads.get(path.slice(8)) : undefined;
    if (upload && request.method === 'POST') {
      upload.bytes = body.byteLength;
      return { status: 200, body: `OK - ${body.byteLength}`, contentType: 'text/plain' };
    }
    this.violations.push(`unexpected request ${request.method} ${path}`);
    return { status: 404, body: 'not found', contentType: 'text/plain' };
  }

  private handleMethod(method: string, request: IncomingMessage, body: Buffer, at: number): Reply {
    const args = parseArguments(request.headers['content-type'] ?? '', body);
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? args.token;
    if (token !== this.botToken) {
      this.violations.push(`${method} called with a wrong or missing token`);
      return answer({ ok: false, error: 'invalid_auth' });
    }
    const channel = postChannel(method, args);
    const retryAfterMs = Math.max(
      channel === null ? 0 : this.channelWait(channel, at),
      this.tierWait(method, at),
    );
    const counts = this.countsOf(method);
    if (retryAfterMs > 0) {
      counts.rateLimited += 1;
      const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      return {
        ...answer({ ok: false, error: 'ratelimited' }, 429),
        headers: { 'retry-after': String(retryAfterSeconds) },
      };
    }
    const result = this.perform(method, args);
    if (result === undefined) {
      this.violations.push(`unexpected Web API method ${method}`);
      return answer({ ok: false, error: 'unknown_method' }, 404);
    }
    if (result.ok === true) {
      counts.accepted += 1;
      counts.firstAcceptedAt ??= at;
      counts.lastAcceptedAt = at;
      this.recentCalls.get(method)?.push(at);
      if (channel !== null) this.accept(channel, method, at, args);
    }
    return answer(result);
  }

  /** How long before a post in `channel` would be allowed; 0: now. */
  private channelWait(channel: string, at: number): number {
    const last = this.lastPostAt.get(channel);
    return last === undefined ? 0 : last + this.limits.channelIntervalMs - at;
  }

  /** How long before a call of `method` fits its tier's window; 0: now (or an untiered method). */
  private tierWait(method: string, at: number): number {
    const tier = slackMethodTiers[method];
    if (tier === undefined) return 0;
    const limit = this.limits.tiers[tier];
    let starts = this.recentCalls.get(method);
    if (!starts) {
      starts = [];
      this.recentCalls.set(method, starts);
    }
    while (starts.length > 0 && starts[0]! <= at - limit.perMs) starts.shift();
    return starts.length < limit.calls ? 0 : starts[0]! + limit.perMs - at;
  }

  private accept(channel: string, method: string, at: number, args: Record<string, unknown>): void {
    this.lastPostAt.set(channel, at);
    const threadTs = typeof args.thread_ts === 'string' ? args.thread_ts : null;
    if (method === 'chat.postMessage') {
      this.posts.push({ channel, method, at, content: String(args.text), threadTs });
      return;
    }
    const files = filesArgument.parse(args.files);
    const names = files.map((file) => this.uploads.get(file.id)?.filename ?? file.id);
    this.posts.push({
      channel,
      method: 'files.completeUploadExternal',
      at,
      content: names.join(' '),
      threadTs,
    });
  }

  private perform(method: string, args: Record<string, unknown>): Record<string, unknown> | undefined {
    switch (method) {
      case 'auth.test':
        return { ok: true, team_id: 'T0BENCH', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'chat.postMessage':
        return this.postMessage(args);
      case 'chat.update':
        return this.checkMessage(args) ?? { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'conversations.open': {
        const user = String(args.users);
        return this.userIds.has(user)
          ? { ok: true, channel: { id: directChannelOf(user) } }
          : { ok: false, error: 'user_not_found' };
      }
      case 'users.lookupByEmail': {
        const user = this.usersByEmail.get(String(args.email).toLowerCase());
        return user ? { ok: true, user: userObject(user) } : { ok: false, error: 'users_not_found' };
      }
      case 'users.info': {
        const user = this.usersById.get(String(args.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        const withLocale = args.include_locale === true || args.include_locale === 'true';
        return { ok: true, user: { ...userObject(user), ...(withLocale ? { locale: user.locale } : {}) } };
      }
      case 'files.getUploadURLExternal': {
        const id = `F${this.nextNumber()}`;
        this.uploads.set(id, { filename: String(args.filename), bytes: 0 });
        return { ok: true, upload_url: `${this.url}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return this.completeUploads(args);
      default:
        return undefined;
    }
  }

  private postMessage(args: Record<string, unknown>): Record<string, unknown> {
    const problem = this.checkMessage(args);
    if (problem) return problem;
    const ts = `${1_767_225_600 + this.sequence}.${this.nextNumber()}`;
    return { ok: true, channel: args.channel, ts, message: { text: args.text, ts } };
  }

  /** Slack's answer to a message it refuses, or null; a refusal is also a violation. */
  private checkMessage(args: Record<string, unknown>): Record<string, unknown> | null {
    const blocks = Array.isArray(args.blocks) ? args.blocks.length : 0;
    const problem =
      typeof args.text !== 'string' || args.text === ''
        ? 'a message without fallback text'
        : blocks > maxBlocks
          ? `${blocks} blocks (at most ${maxBlocks})`
          : null;
    if (problem === null) return null;
    this.violations.push(`${String(args.channel)}: ${problem}`);
    return { ok: false, error: 'invalid_blocks', errors: [problem] };
  }

  private completeUploads(args: Record<string, unknown>): Record<string, unknown> {
    const files = filesArgument.safeParse(args.files);
    if (!files.success || files.data.length === 0) return { ok: false, error: 'invalid_arguments' };
    for (const file of files.data) {
      if ((this.uploads.get(file.id)?.bytes ?? 0) === 0) {
        this.violations.push(`files.completeUploadExternal of ${file.id}, whose bytes never arrived`);
        return { ok: false, error: 'file_not_found' };
      }
    }
    return { ok: true, files: files.data.map((file) => ({ id: file.id })) };
  }

  private countsOf(method: string): Mutable<MethodCounts> {
    let counts = this.counts.get(method);
    if (!counts) {
      counts = { accepted: 0, rateLimited: 0, firstAcceptedAt: null, lastAcceptedAt: null };
      this.counts.set(method, counts);
    }
    return counts;
  }

  private nextNumber(): string {
    this.sequence += 1;
    return String(this.sequence).padStart(9, '0');
  }
}

/** Milliseconds since the epoch, high resolution (performance.now() alone differs between threads). */
function now(): number {
  return performance.timeOrigin + performance.now();
}

/** The direct-message channel conversations.open gives for a user. */
export function directChannelOf(userId: string): string {
  return `D${userId.slice(1)}`;
}

/** The channel a call posts into, or null for a call that posts nothing. */
function postChannel(method: string, args: Record<string, unknown>): string | null {
  if (method === 'chat.postMessage') return String(args.channel);
  if (method === 'files.completeUploadExternal' && typeof args.channel_id === 'string')
    return args.channel_id;
  return null;
}

function userObject(user: SlackUser): Record<string, unknown> {
  return {
    id: user.id,
    team_id: 'T0BENCH',
    name: user.email.split('@')[0],
    real_name: user.realName,
    deleted: false,
    is_bot: false,
    profile: { email: user.email, real_name: user.realName, display_name: '' },
  };
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

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** What the double answers a request. */
interface Reply {
  readonly status: number;
  readonly body: string;
  readonly contentType: string;
  readonly headers?: Readonly<Record<string, string>>;
}

function answer(result: Record<string, unknown>, status = 200): Reply {
  return { status, body: JSON.stringify(result), contentType: 'application/json; charset=utf-8' };
}
