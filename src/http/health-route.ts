import type { HealthCheck } from '../bot/procedure-module.js';
import type { Database } from '../storage/database.js';
import { type RouteHandler, sendJson } from './http-server.js';

/**
 * /healthz: 200 while the database answers, 503 when it does not. A part that
 * does not work while the bot still answers (an import folder that is not
 * there) makes the status "degraded", with the part named.
 */
export function healthRoute(
  database: Database,
  startedAt: Date,
  checks: readonly HealthCheck[],
): RouteHandler {
  return async (_request, response) => {
    try {
      await database.prisma.$queryRaw`SELECT 1`;
    } catch {
      return sendJson(response, 503, { status: 'unavailable', database: database.engine });
    }
    const reports = await Promise.all(
      checks.map(async (check) => ({ key: check.key, ...(await check.report()) })),
    );
    sendJson(response, 200, {
      status: reports.some((report) => report.degraded) ? 'degraded' : 'ok',
      database: database.engine,
      ...Object.fromEntries(reports.map((report) => [report.key, report.details])),
      startedAt: startedAt.toISOString(),
    });
  };
}
