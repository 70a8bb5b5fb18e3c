import { webApi } from '@slack/bolt';
import { z } from 'zod';
import type { Logger } from '../../../logging/logger.js';
import { boltLogger } from '../bolt-logger.js';
import { SlackSurfaceError } from '../slack-errors.js';
import type { PacedSend } from './channel-pacer.js';
import { type SlackCallLimiter, SlackRateLimited } from './slack-call-limiter.js';

/** A Slack user as users.info and users.lookupByEmail describe them (the parts we use). */
export const slackUserSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  real_name: z.string().optional(),
  deleted: z.boolean().optional(),
  is_bot: z.boolean().optional(),
  /** Only with include_locale (users.info). */
  locale: z.string().optional(),
  profile: z
    .object({
      email: z.string().optional(),
      display_name: z.string().optional(),
      real_name: z.string().optional(),
    })
    .optional(),
});
export type SlackUser = z.output<typeof slackUserSchema>;

const postedSchema = z.object({ channel: z.string().min(1), ts: z.string().min(1) });
const userResultSchema = z.object({ user: slackUserSchema });
const openedSchema = z.object({ channel: z.object({ id: z.string().min(1) }) });
const authSchema = z.object({
  user_id: z.string().min(1),
  bot_id: z.string().min(1),
  team_id: z.string().optional(),
});
const uploadUrlSchema = z.object({ upload_url: z.string().url(), file_id: z.string().min(1) });
const viewOpenedSchema = z.object({ view: z.object({ id: z.string().min(1) }) });

/** Hosts that may receive the bot token with a file download, besides the configured API host. */
const slackFileHosts = ['https://files.slack.com', 'https://files.slack-gov.com'];

export interface MessageContent {
  readonly text: string;
  readonly blocks: readonly unknown[];
}

export interface SlackWebApiOptions {
  readonly botToken: string;
  /** null: https://slack.com/api/ */
  readonly apiUrl: string | null;
  readonly limiter: SlackCallLimiter;
  readonly logger: Logger;
  /** Largest shared file we download, in bytes. */
  readonly maxDownloadBytes?: number;
  readonly requestTimeoutMs?: number;
}

/**
 * The Web API methods Trafiklys uses, each one attempt through the limiter
 * (calls that post into a channel take the channel's paced `send` instead).
 * Answers are zod-parsed; failures become SlackSurfaceError (or
 * SlackRateLimited, which the limiter retries).
 */
export class SlackWebApi {
  readonly client: webApi.WebClient;
  private readonly allowedDownloadOrigins: readonly string[];
  private readonly maxDownloadBytes: number;

  constructor(private readonly options: SlackWebApiOptions) {
    this.client = new webApi.WebClient(options.botToken, slackClientOptions(options));
    this.allowedDownloadOrigins = [
      ...slackFileHosts,
      ...(options.apiUrl ? [new URL(options.apiUrl).origin] : []),
    ];
    this.maxDownloadBytes = options.maxDownloadBytes ?? 50 * 1024 * 1024;
  }

  async authTest(): Promise<{ botUserId: string; botId: string; teamId: string | null }> {
    const result = await this.call('auth.test', {}, authSchema);
    return { botUserId: result.user_id, botId: result.bot_id, teamId: result.team_id ?? null };
  }

  postMessage(
    send: PacedSend,
    channel: string,
    content: MessageContent,
    threadTs?: string,
  ): Promise<{ channel: string; ts: string }> {
    const args = {
      channel,
      text: content.text,
      blocks: content.blocks,
      thread_ts: threadTs,
      unfurl_links: false,
    };
    return send('chat.postMessage', () => this.invoke('chat.postMessage', args, postedSchema));
  }

  async updateMessage(send: PacedSend, channel: string, ts: string, content: MessageContent): Promise<void> {
    const args = { channel, ts, text: content.text, blocks: content.blocks };
    await send('chat.update', () => this.invoke('chat.update', args, postedSchema));
  }

  async deleteMessage(send: PacedSend, channel: string, ts: string): Promise<void> {
    await send('chat.delete', () => this.invoke('chat.delete', { channel, ts }, z.object({})));
  }

  async postEphemeral(
    channel: string,
    user: string,
    content: MessageContent,
    threadTs?: string,
  ): Promise<void> {
    const args = { channel, user, text: content.text, blocks: content.blocks, thread_ts: threadTs };
    await this.call('chat.postEphemeral', args, z.object({}));
  }

  /** The user, or null when Slack knows no one by that address (`users_not_found`). */
  async lookupUserByEmail(email: string): Promise<SlackUser | null> {
    try {
      return (await this.call('users.lookupByEmail', { email }, userResultSchema)).user;
    } catch (error) {
      if (error instanceof SlackSurfaceError && isUnknownUser(error.detail)) return null;
      throw error;
    }
  }

  async userInfo(userId: string): Promise<SlackUser> {
    return (await this.call('users.info', { user: userId, include_locale: true }, userResultSchema)).user;
  }

  async openDirectMessage(userId: string): Promise<string> {
    return (await this.call('conversations.open', { users: userId }, openedSchema)).channel.id;
  }

  async openView(triggerId: string, view: unknown): Promise<string> {
    try {
      return (await this.call('views.open', { trigger_id: triggerId, view }, viewOpenedSchema)).view.id;
    } catch (error) {
      if (error instanceof SlackSurfaceError && error.detail === 'expired_trigger_id') {
        throw new SlackSurfaceError(
          'slack.trigger_expired',
          'the form could not be opened in time',
          error.detail,
          {
            cause: error,
          },
        );
      }
      throw error;
    }
  }

  /**
   * Replaces an open modal's view in place. With `hash` (the view's hash from
   * the click), Slack refuses the update when the view has changed since
   * (`hash_conflict`): a click answered late does not overwrite a newer one.
   */
  async updateView(viewId: string, hash: string | null, view: unknown): Promise<void> {
    await this.call('views.update', { view_id: viewId, ...(hash ? { hash } : {}), view }, viewOpenedSchema);
  }

  /**
   * Steps one and two of Slack's upload: an upload URL, then the bytes. The
   * file is nobody's until `shareFiles` completes the upload into a channel.
   */
  async uploadBytes(file: { filename: string; bytes: Uint8Array; altText: string }): Promise<string> {
    const target = await this.call(
      'files.getUploadURLExternal',
      { filename: file.filename, length: file.bytes.byteLength, alt_txt: file.altText },
      uploadUrlSchema,
    );
    await this.options.limiter.call('files.upload', async () => {
      const response = await this.fetchOrFail(target.upload_url, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: file.bytes,
      });
      if (!response.ok) {
        throw new SlackSurfaceError(
          'slack.unreachable',
          `uploading ${file.filename} failed: HTTP ${response.status}`,
        );
      }
      await response.arrayBuffer();
    });
    return target.file_id;
  }

  /** Step three: completes uploads by sharing them in a channel (a thread when `threadTs` is given). */
  async shareFiles(
    send: PacedSend,
    channel: string,
    files: readonly { readonly id: string; readonly title: string }[],
    threadTs?: string,
  ): Promise<void> {
    const args = { files, channel_id: channel, thread_ts: threadTs };
    await send('files.completeUploadExternal', () =>
      this.invoke('files.completeUploadExternal', args, z.object({})),
    );
  }

  /**
   * A shared file's bytes from its url_private_download, with the bot token.
   * The token only goes to Slack's file hosts (or the configured API host).
   */
  async downloadFile(url: string): Promise<Uint8Array> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new SlackSurfaceError('slack.file_unavailable', 'the file has no valid download address');
    }
    if (!this.allowedDownloadOrigins.includes(parsed.origin)) {
      throw new SlackSurfaceError(
        'slack.file_unavailable',
        `files are only downloaded from Slack, not ${parsed.host}`,
      );
    }
    return this.options.limiter.call('files.download', async () => {
      const response = await this.fetchOrFail(parsed, {
        headers: { authorization: `Bearer ${this.options.botToken}` },
      });
      if (!response.ok) {
        throw new SlackSurfaceError(
          'slack.file_unavailable',
          `Slack answered HTTP ${response.status} for the file`,
        );
      }
      // Without a valid token Slack answers 200 with its sign-in page instead of the file.
      if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
        throw new SlackSurfaceError('slack.file_unavailable', 'Slack sent a web page instead of the file');
      }
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > this.maxDownloadBytes) throw this.tooLarge();
      const bytes = new Uint8Array(await response.arrayBuffer());
      if (bytes.byteLength > this.maxDownloadBytes) throw this.tooLarge();
      return bytes;
    });
  }

  /** The largest file `downloadFile` accepts, in whole megabytes (for the user's message). */
  get maxDownloadMegabytes(): number {
    return Math.floor(this.maxDownloadBytes / 1024 / 1024);
  }

  private tooLarge(): SlackSurfaceError {
    const limit = `${this.maxDownloadMegabytes} MB`;
    return new SlackSurfaceError(
      'slack.file_unavailable',
      `the file is larger than ${limit}`,
      'file_too_large',
    );
  }

  private async fetchOrFail(url: string | URL, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, {
        ...init,
        signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new SlackSurfaceError('slack.unreachable', 'Slack could not be reached', null, { cause: error });
    }
  }

  /** One method through the limiter (with its 429 retries). */
  private call<S extends z.ZodType>(
    method: string,
    args: Record<string, unknown>,
    schema: S,
  ): Promise<z.output<S>> {
    return this.options.limiter.call(method, () => this.invoke(method, args, schema));
  }

  /** One attempt at one method, its answer parsed, its failure translated. */
  private async invoke<S extends z.ZodType>(
    method: string,
    args: Record<string, unknown>,
    schema: S,
  ): Promise<z.output<S>> {
    let result: webApi.WebAPICallResult;
    try {
      result = await this.client.apiCall(method, args);
    } catch (error) {
      throw translate(method, error);
    }
    const parsed = schema.safeParse(result);
    if (!parsed.success) {
      throw new SlackSurfaceError(
        'slack.api_error',
        `${method} answered in an unexpected shape`,
        'unexpected_answer',
      );
    }
    return parsed.data;
  }
}

/**
 * WebClient settings for every client we create: our API URL, our logger, and
 * no retries of its own (the limiter retries 429s in order; nothing else is
 * retried, because a retried post may be a duplicate post).
 */
export function slackClientOptions(options: {
  readonly apiUrl: string | null;
  readonly logger: Logger;
  readonly requestTimeoutMs?: number;
}): webApi.WebClientOptions {
  return {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    logger: boltLogger(options.logger),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: options.requestTimeoutMs ?? 30_000,
    // Method names only: an absolute URL must never receive the bot token.
    allowAbsoluteUrls: false,
  };
}

function translate(method: string, error: unknown): Error {
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new SlackRateLimited(method, Math.max(0, error.retryAfter) * 1000);
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const details = error.data.response_metadata?.messages?.join('; ');
    return new SlackSurfaceError(
      'slack.api_error',
      `${method} failed: ${error.data.error}${details ? ` (${details})` : ''}`,
      error.data.error,
      { cause: error },
    );
  }
  if (error instanceof webApi.WebAPIHTTPError || error instanceof webApi.WebAPIRequestError) {
    return new SlackSurfaceError(
      'slack.unreachable',
      `${method} could not reach Slack: ${error.message}`,
      null,
      {
        cause: error,
      },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}

function isUnknownUser(detail: string | null): boolean {
  return detail === 'users_not_found' || detail === 'user_not_found';
}
