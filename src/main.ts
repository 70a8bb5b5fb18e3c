import { existsSync } from 'node:fs';
import { describeDatabase, openRuntime } from './app/runtime.js';
import { healthRoute } from './http/health-route.js';
import { type RouteHandler, startHttpServer } from './http/http-server.js';
import { importFolderJob } from './jobs/import-folder-job.js';
import { createLogger } from './logging/logger.js';
import type { ScheduledJob } from './scheduling/scheduled-job.js';
import { startScheduler } from './scheduling/scheduler.js';
import { isCodedError } from './shared/coded-error.js';
import { PrismaJobRunLedger } from './storage/prisma-job-run-ledger.js';

/**
 * `npm start`: the bot on the embedded database unless DATABASE_URL says
 * otherwise. Wires configuration, storage, the HTTP server (/healthz; the chat
 * surfaces mount here in the next issue) and the scheduler. Nothing else.
 */
async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const startedAt = new Date();
  const runtime = await openRuntime({ env: process.env, cwd: process.cwd() });
  const { environment } = runtime;
  const logger = createLogger({ level: environment.LOG_LEVEL });
  const { config, isDemo, path } = runtime.loadedConfig;
  logger.info(
    {
      config: isDemo ? 'built-in demo' : path,
      database: describeDatabase(runtime.database),
      migrated: runtime.database.migrations.applied,
    },
    'Trafiklys starting',
  );

  const jobs: ScheduledJob[] = [];
  if (config.importFolder) {
    jobs.push(
      importFolderJob({
        folder: config.importFolder,
        config,
        storage: runtime.identificationStorage,
        cipher: runtime.cprCipher,
      }),
    );
  }
  const scheduler = startScheduler({ jobs, ledger: new PrismaJobRunLedger(runtime.database.prisma), logger });
  // A file dropped while the bot was down is picked up now, not in five minutes.
  for (const job of jobs) await scheduler.runNow(job, new Date());

  const routes = new Map<string, RouteHandler>([['/healthz', healthRoute(runtime.database, startedAt)]]);
  const server = await startHttpServer({ host: environment.HOST, port: environment.PORT, routes, logger });
  logger.info({ url: server.url, health: `${server.url}/healthz` }, 'Trafiklys is listening');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Trafiklys stopping');
    await server.close();
    await scheduler.stop();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  // Start-up errors (config, environment, database) are for a person: print them plainly.
  process.stderr.write(
    isCodedError(error)
      ? `trafiklys: ${error.message}\n`
      : `trafiklys: ${error instanceof Error ? error.stack : error}\n`,
  );
  process.exit(1);
});
