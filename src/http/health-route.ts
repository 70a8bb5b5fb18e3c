import type { Database } from '../storage/database.js';
import { type RouteHandler, sendJson } from './http-server.js';

/** /healthz: 200 while the database answers, 503 when it does not. */
export function healthRoute(database: Database, startedAt: Date): RouteHandler {
  return async (_request, response) => {
    try {
      await database.prisma.$queryRaw`SELECT 1`;
      sendJson(response, 200, {
        status: 'ok',
        database: database.engine,
        startedAt: startedAt.toISOString(),
      });
    } catch {
      sendJson(response, 503, { status: 'unavailable', database: database.engine });
    }
  };
}
