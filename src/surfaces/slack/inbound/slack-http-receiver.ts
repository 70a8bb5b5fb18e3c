import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import {
  type App,
  type BufferedIncomingMessage,
  HTTPModuleFunctions,
  HTTPResponseAck,
  type Receiver,
  type ReceiverEvent,
  verifySlackRequest,
} from '@slack/bolt';
import type { RouteHandler } from '../../../http/http-server.js';
import type { Logger } from '../../../logging/logger.js';
import { boltLogger } from '../bolt-logger.js';
import type { ReplayGuard } from './replay-guard.js';

/** Where our HTTP server mounts the route: commands, interactions and events all arrive here. */
export const slackEventsPath = '/slack/events';

/** Slack signs with the time; Bolt refuses older than five minutes, we also refuse that far ahead. */
const maxClockSkewSeconds = 5 * 60;
/** A signed request is acceptable for ±5 minutes around its timestamp, so remember it a little longer. */
const requestReplayTtlMs = (2 * maxClockSkewSeconds + 60) * 1000;

export interface SlackHttpReceiverOptions {
  readonly signingSecret: string;
  readonly replayGuard: ReplayGuard;
  readonly logger: Logger;
  /** Wall clock in milliseconds (tests move it). */
  readonly now?: () => number;
  /** Answered 404 by Bolt when no listener acknowledged within this time; Slack gives up after 3 s. */
  readonly ackTimeoutMs?: number;
  readonly bodyLimitBytes?: number;
}

/**
 * A Bolt receiver without a server of its own: `route` is mounted on our one
 * HTTP server. It verifies Slack's signature with Bolt's own function, also
 * refuses timestamps more than five minutes ahead (Bolt accepts them), takes
 * form bodies with or without `; charset=utf-8`, answers url_verification and
 * ssl_check, acknowledges at once what needs no answer body, and passes a
 * request it has seen before (same signature and timestamp) no further. Retried events are caught by event id in
 * `deduplicateEvents`, which serves Socket Mode too.
 */
export class SlackHttpReceiver implements Receiver {
  readonly route: RouteHandler;
  private app: App | null = null;
  private readonly now: () => number;

  constructor(private readonly options: SlackHttpReceiverOptions) {
    this.now = options.now ?? Date.now;
    this.route = (request, response) => this.handle(request, response);
  }

  init(app: App): void {
    this.app = app;
  }

  /** The server is ours and already running: nothing to start or stop. */
  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const log = this.options.logger;
    if (request.method !== 'POST') return reply(response, 405, { allow: 'POST' });

    let buffered: BufferedIncomingMessage;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(
        request,
        this.options.bodyLimitBytes ?? HTTPModuleFunctions.defaultBodyLimit,
      );
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
      log.warn({ tooLarge }, 'Slack request body could not be read');
      return reply(response, tooLarge ? 413 : 400);
    }
    const rawBody = buffered.rawBody.toString('utf8');
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const isForm = mediaType === 'application/x-www-form-urlencoded';
    if (!isForm && mediaType !== 'application/json') return reply(response, 415);

    // Slack's SSL check is unsigned and carries nothing to act on (as in Bolt's HTTPReceiver).
    if (isForm && parseQuery(rawBody).ssl_check === '1') return reply(response, 200);

    const refusal = this.refusalOf(request, rawBody);
    if (refusal) {
      log.warn({ reason: refusal }, 'Slack request refused');
      return reply(response, 401);
    }

    let body: Record<string, unknown>;
    try {
      body = parseBody(rawBody, isForm);
    } catch {
      log.warn('Slack request body is not valid JSON or form data');
      return reply(response, 400);
    }
    if (body.type === 'url_verification')
      return HTTPModuleFunctions.buildUrlVerificationResponse(response, body);

    // Slack waits 3 seconds for the acknowledgement and counts it from its
    // side. What needs no answer in the acknowledgement (a command, a click,
    // an event) gets it now, before the replay guard's database round trip
    // and before any work: under load, neither may hold it up.
    const acknowledgedAtOnce = needsNoAnswerBody(body);
    if (acknowledgedAtOnce) reply(response, 200);
    const signature = header(request, 'x-slack-signature') ?? '';
    const timestamp = header(request, 'x-slack-request-timestamp') ?? '';
    if (
      !(await this.options.replayGuard.firstTime(
        `slack:request:${timestamp}:${signature}`,
        requestReplayTtlMs,
      ))
    ) {
      log.info('Slack request replayed; acknowledged without effect');
      if (!acknowledgedAtOnce) reply(response, 200);
      return;
    }
    await this.dispatch(buffered, body, acknowledgedAtOnce ? null : response);
  }

  /** Why a request is not from Slack (or too old, or too far ahead), or null when it is. */
  private refusalOf(request: IncomingMessage, rawBody: string): string | null {
    const signature = header(request, 'x-slack-signature');
    const timestamp = header(request, 'x-slack-request-timestamp');
    if (signature === undefined || timestamp === undefined) return 'signature headers missing';
    const timestampSeconds = Number(timestamp);
    if (!/^\d+$/.test(timestamp)) return 'timestamp is not a number';
    try {
      verifySlackRequest({
        signingSecret: this.options.signingSecret,
        body: rawBody,
        headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestampSeconds },
        nowMilliseconds: this.now(),
      });
    } catch (error) {
      return error instanceof Error ? error.message : 'signature verification failed';
    }
    if (timestampSeconds > Math.floor(this.now() / 1000) + maxClockSkewSeconds) {
      return 'timestamp is more than five minutes in the future';
    }
    return null;
  }

  /** Hands the request to Bolt; `response` null: it was acknowledged already, Bolt's ack does nothing. */
  private async dispatch(
    request: BufferedIncomingMessage,
    body: Record<string, unknown>,
    response: ServerResponse | null,
  ): Promise<void> {
    const app = this.app;
    if (!response) {
      if (!app) return;
      try {
        await app.processEvent({
          body,
          ack: async () => {},
          retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(request),
          retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(request),
        });
      } catch (error) {
        this.options.logger.error({ err: error }, 'Slack request failed in Bolt');
      }
      return;
    }
    if (!app) return reply(response, 503);
    const ack = new HTTPResponseAck({
      logger: boltLogger(this.options.logger),
      processBeforeResponse: false,
      unhandledRequestTimeoutMillis: this.options.ackTimeoutMs ?? 2_900,
      httpRequest: request,
      httpRequestBody: body,
      httpResponse: response,
    });
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(request),
      retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(request),
    };
    try {
      await app.processEvent(event);
    } catch (error) {
      this.options.logger.error({ err: error }, 'Slack request failed in Bolt');
      if (!response.headersSent) {
        ack.ack();
        reply(response, 500);
      }
    }
  }
}

/**
 * Whether Slack expects nothing in the acknowledgement's body: a slash
 * command (its answer follows by response_url), a button click or menu
 * choice, a shortcut, a closed modal, an event. A modal's submission (whose
 * acknowledgement may carry errors or the next view) and a select's options
 * are answered by their listener, as Bolt does.
 */
function needsNoAnswerBody(body: Record<string, unknown>): boolean {
  if (typeof body.command === 'string') return true;
  return ['event_callback', 'block_actions', 'shortcut', 'message_action', 'view_closed'].includes(
    String(body.type),
  );
}

function parseBody(rawBody: string, isForm: boolean): Record<string, unknown> {
  const parsed: unknown = isForm ? formBody(rawBody) : JSON.parse(rawBody);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('not an object');
  return { ...parsed };
}

/** Interactions carry their JSON in `payload`; slash commands are plain fields. */
function formBody(rawBody: string): unknown {
  const fields = parseQuery(rawBody);
  if (typeof fields.payload === 'string') return JSON.parse(fields.payload);
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? undefined : value;
}

function reply(response: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  response.writeHead(status, headers);
  response.end();
}
