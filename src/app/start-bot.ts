import type { BotRequests } from '../bot/bot-requests.js';
import { BotRouter } from '../bot/bot-router.js';
import type { ModuleEnvironment, ProcedureModuleFactory } from '../bot/module-environment.js';
import type { ProcedureModule } from '../bot/procedure-module.js';
import { parseEnvironment } from '../config/environment.js';
import { healthRoute } from '../http/health-route.js';
import { type HttpServer, type RouteHandler, startHttpServer } from '../http/http-server.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { mailOutboxJob } from '../mail/mail-outbox-job.js';
import { outboxSending } from '../mail/outbox-sending.js';
import { smtpSettingsOf } from '../mail/smtp-settings.js';
import { Metrics } from '../observability/metrics.js';
import { jobRunPruningJob } from '../scheduling/job-run-pruning.js';
import { type AnyJob, isScheduledJob } from '../scheduling/scheduled-job.js';
import { createScheduler, type Scheduler } from '../scheduling/scheduler.js';
import { CodedError } from '../shared/coded-error.js';
import { InstanceLease } from '../storage/instance-lease.js';
import { PrismaJobRunLedger } from '../storage/prisma-job-run-ledger.js';
import { PrismaOpenFormStore } from '../storage/prisma-open-form-store.js';
import { PrismaReplayGuard } from '../storage/prisma-replay-guard.js';
import { PrismaTeamsConversations } from '../storage/prisma-teams-conversations.js';
import type { ChatSurface } from '../surfaces/chat-surface.js';
import { consoleAccessOf } from '../surfaces/console/console-access.js';
import { consoleRoutes } from '../surfaces/console/console-routes.js';
import { ConsoleSurface } from '../surfaces/console/console-surface.js';
import { HostedFiles, hostedFilesPrefix } from '../surfaces/hosted-files/hosted-files.js';
import { HostedImages, hostedImagesPrefix } from '../surfaces/hosted-images/hosted-images.js';
import { createSlackApp, type SlackRuntime } from '../surfaces/slack/slack-app.js';
import { parseSlackEnvironment } from '../surfaces/slack/slack-environment.js';
import { createTeamsBot, teamsAuthentication, teamsMessagesPath } from '../surfaces/teams/teams-app.js';
import { parseTeamsEnvironment } from '../surfaces/teams/teams-environment.js';
import { loadDemoDataOnFirstStart } from './demo-data.js';
import { procedureModules } from './procedure-modules.js';
import { openRuntime, type Runtime } from './runtime.js';

export interface RunningBot {
  readonly url: string;
  readonly runtime: Runtime;
  readonly logger: Logger;
  close(): Promise<void>;
}

/**
 * Wires the bot: storage, the surfaces that are configured, the bot core, the
 * one HTTP server (health, metrics, console, Slack, Teams) and the scheduler.
 * Nothing here decides anything; it only connects.
 */
export async function startBot(options: {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly now?: () => Date;
  /** Where log lines go; stdout unless a test reads them. */
  readonly logDestination?: NodeJS.WritableStream;
}): Promise<RunningBot> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  // The platforms' settings are checked before anything is opened, so a mistake stops the start cleanly.
  const slackEnvironment = parseSlackEnvironment(options.env);
  const teamsAuth = teamsAuthentication(parseTeamsEnvironment(options.env));
  const bootEnvironment = parseEnvironment(options.env);
  const consoleAccess = consoleAccessOf(bootEnvironment, slackEnvironment.enabled || teamsAuth !== null);
  // The logger first, so that everything after it, the database included, can report.
  const logger = createLogger({
    level: bootEnvironment.LOG_LEVEL,
    ...(options.logDestination ? { destination: options.logDestination } : {}),
  });
  const runtime = await openRuntime({
    env: options.env,
    environment: bootEnvironment,
    cwd: options.cwd,
    onConnectionError: (error) =>
      logger.error({ err: error }, 'a PostgreSQL connection failed; the pool opens a new one'),
  });
  const { environment, database } = runtime;
  const { config, isDemo, path } = runtime.loadedConfig;
  const metrics = new Metrics();
  logger.info(
    {
      config: isDemo ? 'built-in demo' : path,
      database: database.engine,
      migrated: database.migrations.applied,
    },
    'Trafiklys starting',
  );

  const consoleOn = consoleAccess !== null;
  if (teamsAuth?.kind === 'bot-framework' && !environment.PUBLIC_URL) {
    await runtime.close();
    throw new CodedError(
      'env.invalid',
      'PUBLIC_URL: required when Teams is configured: Teams shows the charts by URL (a Teams message holds 40 KB), e.g. PUBLIC_URL=https://trafiklys.example.dk',
    );
  }
  // Every claim this process makes ends with this lease: if the process dies,
  // another instance takes over its unfinished work within one lease length.
  const lease = await InstanceLease.start({
    prisma: database.prisma,
    lengthMs: environment.TRAFIKLYS_LEASE_SECONDS * 1000,
    logger,
    soleUser: database.engine === 'pglite',
  }).catch(async (error: unknown) => {
    await runtime.close();
    throw error;
  });
  const images = new HostedImages(database.prisma, environment.PUBLIC_URL ?? null);
  const files = new HostedFiles(database.prisma, environment.PUBLIC_URL ?? null);
  const consoleSurface = new ConsoleSurface(database.prisma, config, images, files);
  // Filled below once the platforms' apps exist; the jobs read it when they run.
  const surfaces: ChatSurface[] = consoleOn ? [consoleSurface] : [];
  // One SMTP pool and one send rate for every drain of this process; none without SMTP_URL.
  const smtp = smtpSettingsOf(environment);
  const mail = smtp
    ? outboxSending({ prisma: database.prisma, holder: lease.id, smtp, config: config.smtp, logger, now })
    : null;
  const outboxJob = mail
    ? mailOutboxJob({ drain: (options) => mail.drain(options), timeZone: config.institution.timeZone })
    : null;
  // The scheduler is made from the modules' jobs, and the modules ask it for runs: resolved once both exist.
  let scheduler: Scheduler | null = null;
  const modules = await createModules(procedureModules, {
    config,
    prisma: database.prisma,
    identificationStorage: runtime.identificationStorage,
    cprCipher: runtime.cprCipher,
    surfaces,
    instanceId: lease.id,
    logger,
    metrics,
    now,
    mail,
    journalToken: environment.JOURNAL_TOKEN ?? null,
    requestRun: (job, params) => {
      if (!scheduler) throw new Error(`${job.name} was requested before the scheduler exists`);
      return scheduler.request(job, params);
    },
  });
  const jobs: AnyJob[] = [...modules.flatMap((module) => module.jobs), ...(outboxJob ? [outboxJob.job] : [])];
  const ledger = new PrismaJobRunLedger(database.prisma);
  jobs.push(jobRunPruningJob({ jobs: [...jobs], ledger, timeZone: config.institution.timeZone, now }));
  const healthChecks = modules.flatMap((module) => module.healthChecks ?? []);
  for (const check of healthChecks) {
    const { problem } = await check.report();
    if (problem) logger.error({ check: check.key }, `${problem}; /healthz says "degraded"`);
  }
  const running = createScheduler({
    jobs,
    ledger,
    holder: { id: lease.id, recoverEveryMs: Math.max(1000, lease.lengthMs / 2) },
    logger,
  });
  scheduler = running;
  const bot: BotRequests = new BotRouter(config, modules);

  await loadDemoDataOnFirstStart(runtime, now(), logger);

  // In the database, so a form opened through one instance can be submitted through any other.
  const openForms = new PrismaOpenFormStore(database.prisma, logger);
  const routes = new Map<string, RouteHandler>([
    ['/healthz', healthRoute(database, startedAt, healthChecks)],
    ['/metrics', metrics.route()],
  ]);
  if (consoleAccess) {
    const consolePaths = consoleRoutes({
      access: consoleAccess,
      prisma: database.prisma,
      config,
      surface: consoleSurface,
      bot,
      openForms,
      now,
    });
    for (const [path, route] of consolePaths) routes.set(path, route);
  }
  let slack: SlackRuntime | null = null;
  let server: HttpServer;
  try {
    if (slackEnvironment.enabled) {
      slack = createSlackApp({
        environment: slackEnvironment,
        bot,
        logger: logger.child({ surface: 'slack' }),
        replayGuard: new PrismaReplayGuard(database.prisma),
        openForms,
        outbound: { metrics: { increment: (name) => countChatEvent(metrics, 'slack', name) } },
      });
      surfaces.push(slack.surface);
      if (slack.route) routes.set(slack.route.path, slack.route.handler);
    }
    if (teamsAuth) {
      const teams = await createTeamsBot({
        authentication: teamsAuth,
        requests: bot,
        references: new PrismaTeamsConversations(database.prisma),
        openForms,
        logger: logger.child({ surface: 'teams' }),
        metrics: { increment: (name) => countChatEvent(metrics, 'teams', name) },
        imageUrlFor: (image) => images.urlFor(image),
        fileUrlFor: (file) => files.urlFor(file),
        keepFiles: async (message) => {
          await images.store(message);
          await files.store(message);
        },
      });
      surfaces.push(files.around(images.around(teams.surface)));
      routes.set(teamsMessagesPath, teams.messagesRoute);
    }
    server = await startHttpServer({
      host: environment.HOST,
      port: environment.PORT,
      routes,
      prefixRoutes: new Map([
        [hostedImagesPrefix, images.route()],
        [hostedFilesPrefix, files.route()],
      ]),
      logger,
    });
    images.useServerUrlUnlessPublic(server.url);
    files.useServerUrlUnlessPublic(server.url);
    await slack?.start();
  } catch (error) {
    await mail?.close().catch(() => {});
    await lease.stop().catch(() => {});
    await runtime.close();
    throw error;
  }

  running.start();
  await catchUp(running, jobs, now(), logger);
  // Runs a dead instance left unfinished, and failed runs whose retry is due.
  await running.recover();

  // Which surfaces are on, and the console's address only when it is (its address behind a proxy if set).
  const onSurfaces = [
    ...(slack ? ['slack'] : []),
    ...(teamsAuth ? ['teams'] : []),
    ...(consoleOn ? ['console'] : []),
  ];
  const consoleLine = consoleAccess
    ? { console: `${environment.PUBLIC_URL ?? server.url}/console`, consoleAccess: consoleAccess.mode }
    : {};
  logger.info(
    { url: server.url, surfaces: onSurfaces, ...consoleLine, health: `${server.url}/healthz` },
    'Trafiklys is listening',
  );
  return {
    url: server.url,
    runtime,
    logger,
    async close() {
      await slack?.stop();
      await server.close();
      outboxJob?.stop();
      await running.stop();
      await mail?.close();
      await lease.stop();
      await runtime.close();
    },
  };
}

/** The platforms' counters by their own names, as the bot's metrics. */
function countChatEvent(metrics: Metrics, surface: 'slack' | 'teams', name: string): void {
  if (name.endsWith('_posts')) metrics.chatPost(surface);
  else if (name.endsWith('_failures')) metrics.chatFailure(surface);
  else if (name.endsWith('_retries')) metrics.chatRetry(surface);
}

/** Each scheduled job's run missed while no instance ran (the import folder: now) runs at start-up, once. */
async function catchUp(
  scheduler: Scheduler,
  jobs: readonly AnyJob[],
  now: Date,
  logger: Logger,
): Promise<void> {
  for (const job of jobs) {
    if (!isScheduledJob(job)) continue;
    const slot = job.missedRun?.(now) ?? null;
    if (!slot) continue;
    const outcome = await scheduler.runNow(job, slot);
    if (outcome.kind !== 'skipped')
      logger.info({ job: job.name, scheduledFor: slot.toISOString() }, 'caught up at start-up');
  }
}

/** Each listed procedure built for this instance; a module that fails to build stops the start. */
async function createModules(
  factories: readonly ProcedureModuleFactory[],
  environment: ModuleEnvironment,
): Promise<ProcedureModule[]> {
  const modules: ProcedureModule[] = [];
  for (const factory of factories) modules.push(await factory.create(environment));
  return modules;
}
