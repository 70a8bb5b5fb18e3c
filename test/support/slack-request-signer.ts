import { createHmac } from 'node:crypto';

/**
 * Builds requests the way Slack sends them to a request URL: slash commands and
 * interactions form-encoded (interactions as `payload=<JSON>`), events as JSON,
 * each signed `v0=HMAC-SHA256(secret, "v0:{timestamp}:{body}")`.
 */

export interface SigningOptions {
  /** Seconds added to the signer's clock for the timestamp header (negative: in the past). */
  readonly timestampOffsetSeconds?: number;
  /** Sign with another secret, as a forger would. */
  readonly badSignature?: boolean;
  /** Slack's retry headers for events it delivers again. */
  readonly retryNum?: number;
  readonly retryReason?: string;
  /** Override the content type (e.g. with `; charset=utf-8`). */
  readonly contentType?: string;
}

export interface SignedRequest {
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

export class SlackRequestSigner {
  constructor(
    private readonly signingSecret: string,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  /** A slash command: form fields exactly as Slack names them. */
  command(fields: Readonly<Record<string, string>>, options: SigningOptions = {}): SignedRequest {
    return this.sign(new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', options);
  }

  /** block_actions, view_submission…: `payload=` with the JSON. */
  interaction(payload: unknown, options: SigningOptions = {}): SignedRequest {
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    return this.sign(body, 'application/x-www-form-urlencoded', options);
  }

  /** Events API: the event_callback (or url_verification) envelope as JSON. */
  event(envelope: unknown, options: SigningOptions = {}): SignedRequest {
    return this.sign(JSON.stringify(envelope), 'application/json', options);
  }

  sign(body: string, contentType: string, options: SigningOptions = {}): SignedRequest {
    const timestamp = this.nowSeconds() + (options.timestampOffsetSeconds ?? 0);
    const secret = options.badSignature ? `${this.signingSecret}-forged` : this.signingSecret;
    const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
    const headers: Record<string, string> = {
      'content-type': options.contentType ?? contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    };
    if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
    if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
    return { body, headers };
  }
}

/** POSTs a signed request and returns the status and the body text. */
export async function postSigned(
  url: string,
  request: SignedRequest,
): Promise<{ status: number; body: string }> {
  const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
  return { status: response.status, body: await response.text() };
}
