import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../logging/logger.js';

/** A route answers one path; the chat surfaces of later issues mount theirs here too. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export interface HttpServer {
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

/** One HTTP server carries every surface and the health endpoint. */
export async function startHttpServer(options: {
  readonly host: string;
  readonly port: number;
  readonly routes: ReadonlyMap<string, RouteHandler>;
  /** Routes for every path under a prefix (e.g. `/console/images/`), tried when no exact route matches. */
  readonly prefixRoutes?: ReadonlyMap<string, RouteHandler>;
  readonly logger: Logger;
}): Promise<HttpServer> {
  const prefixRoutes = [...(options.prefixRoutes ?? new Map<string, RouteHandler>())];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route =
      options.routes.get(path) ?? prefixRoutes.find(([prefix]) => path.startsWith(prefix))?.[1] ?? undefined;
    if (!route) {
      sendJson(response, 404, { error: 'not found' });
      return;
    }
    Promise.resolve(route(request, response)).catch((error: unknown) => {
      options.logger.error({ err: error, path }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
