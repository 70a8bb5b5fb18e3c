import type { ImportFolderState } from '../jobs/import-folder-job.js';
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
  importFolder: { readonly path: string; state(): Promise<ImportFolderState> } | null,
): RouteHandler {
  return async (_request, response) => {
    try {
      await database.prisma.$queryRaw`SELECT 1`;
    } catch {
      return sendJson(response, 503, { status: 'unavailable', database: database.engine });
    }
    const folderState = importFolder ? await importFolder.state() : null;
    sendJson(response, 200, {
      status: folderState === null || folderState === 'ok' ? 'ok' : 'degraded',
      database: database.engine,
      ...(importFolder ? { importFolder: { path: importFolder.path, state: folderState } } : {}),
      startedAt: startedAt.toISOString(),
    });
  };
}
