import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { z } from 'zod';

const undiciRequest = z.object({ request: z.object({ origin: z.string(), path: z.string() }) });
const httpRequest = z.object({
  request: z.object({ protocol: z.string(), host: z.string(), path: z.string() }),
});

/**
 * Every HTTP request this process starts, by origin, whichever client makes
 * it: `fetch` (undici: MSAL) and `node:http` (axios: the Teams SDK's
 * connector client; jwks-rsa). A test lists the origins it allows and fails
 * on any other.
 */
export class OutboundRequests {
  readonly #requests: string[] = [];

  readonly #onFetch = (message: unknown) => {
    const parsed = undiciRequest.safeParse(message);
    if (parsed.success) this.#requests.push(`${parsed.data.request.origin}${parsed.data.request.path}`);
    else this.#requests.push('a fetch this recorder could not read');
  };

  readonly #onHttp = (message: unknown) => {
    const parsed = httpRequest.safeParse(message);
    if (!parsed.success) {
      this.#requests.push('an http request this recorder could not read');
      return;
    }
    const { request } = parsed.data;
    this.#requests.push(`${request.protocol}//${hostHeaderOf(message) ?? request.host}${request.path}`);
  };

  static start(): OutboundRequests {
    const recorder = new OutboundRequests();
    subscribe('undici:request:create', recorder.#onFetch);
    subscribe('http.client.request.start', recorder.#onHttp);
    return recorder;
  }

  /** Every request so far, as `origin/path`. */
  get requests(): readonly string[] {
    return [...this.#requests];
  }

  /** The requests to none of `origins` (each like `https://127.0.0.1:1234`). */
  elsewhere(origins: readonly string[]): string[] {
    const allowed = origins.map((origin) => new URL(origin).origin);
    return this.#requests.filter((request) => {
      try {
        return !allowed.includes(new URL(request).origin);
      } catch {
        return true;
      }
    });
  }

  /** Forgets the requests so far. */
  clear(): void {
    this.#requests.length = 0;
  }

  stop(): void {
    unsubscribe('undici:request:create', this.#onFetch);
    unsubscribe('http.client.request.start', this.#onHttp);
  }
}

/** `host:port` as the request will send it. */
function hostHeaderOf(message: unknown): string | null {
  if (typeof message !== 'object' || message === null || !('request' in message)) return null;
  const { request } = message;
  if (typeof request !== 'object' || request === null || !('getHeader' in request)) return null;
  if (typeof request.getHeader !== 'function') return null;
  const host: unknown = request.getHeader('host');
  return typeof host === 'string' ? host : null;
}
