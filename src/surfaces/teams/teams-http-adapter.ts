import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpMethod, HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';
import { type RouteHandler, sendJson } from '../../http/http-server.js';

/** Bot Framework activities are small; a card submission with a long text field stays far below this. */
export const maxActivityBytes = 1024 * 1024;

/**
 * Transport only: plugs the Teams SDK's HTTP server (which owns token
 * validation and activity processing) into our one HTTP server instead of its
 * own express. It reads the body, hands body + headers to the SDK's handler
 * and writes the SDK's answer; nothing else.
 */
export class TeamsHttpAdapter implements IHttpServerAdapter {
  readonly #handlers = new Map<string, HttpRouteHandler>();

  /** Called by the SDK during `app.initialize()` for the messaging endpoint. */
  registerRoute(method: HttpMethod, path: string, handler: HttpRouteHandler): void {
    if (method !== 'POST') throw new Error(`Teams adapter: unsupported method ${String(method)}`);
    this.#handlers.set(path, handler);
  }

  /** Our server's route for `path` (the SDK's messaging endpoint, `/api/messages`). */
  routeHandler(path = '/api/messages'): RouteHandler {
    return async (request, response) => {
      const handler = this.#handlers.get(path);
      if (!handler) {
        sendJson(response, 503, { error: 'the Teams app is not initialized' });
        return;
      }
      if (request.method !== 'POST') {
        response.setHeader('allow', 'POST');
        sendJson(response, 405, { error: 'method not allowed' });
        return;
      }
      const body = await readJsonBody(request);
      if (body.kind === 'problem') {
        sendJson(response, body.status, { error: body.message });
        return;
      }
      const answer = await handler({ body: body.value, headers: headersOf(request) });
      writeAnswer(response, answer.status, answer.body);
    };
  }
}

type BodyResult =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'problem'; readonly status: number; readonly message: string };

async function readJsonBody(request: IncomingMessage): Promise<BodyResult> {
  const contentType = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(contentType)) {
    return { kind: 'problem', status: 415, message: 'expected application/json' };
  }
  if (Number(request.headers['content-length'] ?? 0) > maxActivityBytes) {
    return { kind: 'problem', status: 413, message: 'activity too large' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // Drain to the end even past the limit: leaving the loop early would destroy
  // the socket before the 413 is written.
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size <= maxActivityBytes) chunks.push(buffer);
  }
  if (size > maxActivityBytes) return { kind: 'problem', status: 413, message: 'activity too large' };
  try {
    return { kind: 'json', value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { kind: 'problem', status: 400, message: 'the body is not JSON' };
  }
}

function headersOf(request: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = value;
  }
  return headers;
}

function writeAnswer(response: ServerResponse, status: number, body: unknown): void {
  if (body === undefined || body === null) {
    response.writeHead(status, { 'content-length': 0 });
    response.end();
    return;
  }
  sendJson(response, status, body);
}
