import { readFile } from 'node:fs/promises';
import { demoConfigPath, parseConfigText } from '../../../src/config/load-config.js';
import { type HttpServer, startHttpServer } from '../../../src/http/http-server.js';
import type { Database } from '../../../src/storage/database.js';
import { PrismaOpenFormStore } from '../../../src/storage/prisma-open-form-store.js';
import type { ConsoleAccess } from '../../../src/surfaces/console/console-access.js';
import { consoleRoutes } from '../../../src/surfaces/console/console-routes.js';
import { ConsoleSurface } from '../../../src/surfaces/console/console-surface.js';
import { HostedFiles, hostedFilesPrefix } from '../../../src/surfaces/hosted-files/hosted-files.js';
import { HostedImages } from '../../../src/surfaces/hosted-images/hosted-images.js';
import { capturedLogger } from '../../support/captured-logger.js';
import { RecordingBotRequests, textMessage } from '../../support/recording-bot-requests.js';

/** The demo university's people: boards in several faculties and managers of every scope. */
export async function demoConfig() {
  return parseConfigText(await readFile(demoConfigPath(), 'utf8'), demoConfigPath());
}

export interface ConsoleUnderTest {
  readonly url: string;
  readonly bot: RecordingBotRequests;
  readonly surface: ConsoleSurface;
  /** How many console messages are stored, in every conversation. */
  storedMessages(): Promise<number>;
  close(): Promise<void>;
}

/**
 * The console's routes as `startBot` mounts them, on a real database and a
 * real HTTP server, with a recording core behind them (so a test sees
 * whether a refused request reached the bot at all).
 */
export async function startConsole(options: {
  readonly database: Database;
  readonly access: ConsoleAccess;
  readonly now: () => Date;
}): Promise<ConsoleUnderTest> {
  const { database } = options;
  const config = await demoConfig();
  const { logger } = capturedLogger();
  const bot = new RecordingBotRequests();
  bot.commandReply = (text) => ({
    kind: 'message',
    message: textMessage(`posted: ${text}`),
    visibility: 'conversation',
  });
  const files = new HostedFiles(database.prisma, null);
  const surface = new ConsoleSurface(database.prisma, config, new HostedImages(database.prisma, null), files);
  const routes = consoleRoutes({
    access: options.access,
    prisma: database.prisma,
    config,
    surface,
    bot,
    openForms: new PrismaOpenFormStore(database.prisma, logger),
    now: options.now,
  });
  const server: HttpServer = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    routes,
    prefixRoutes: new Map([[hostedFilesPrefix, files.route()]]),
    logger,
  });
  return {
    url: server.url,
    bot,
    surface,
    storedMessages: () => database.prisma.consoleMessage.count(),
    close: () => server.close(),
  };
}
