import type { BotRequests } from '../../bot/bot-requests.js';
import type { InstitutionConfig } from '../../config/institution-config.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import type { RouteHandler } from '../../http/http-server.js';
import { translator } from '../../i18n/translator.js';
import type { OpenFormStore } from '../open-form-store.js';
import type { ConsoleAccess } from './console-access.js';
import { consoleApiRoutes } from './console-api.js';
import { consolePageRoute, consoleRootRedirect } from './console-page.js';
import { consoleSignInRoutes } from './console-sign-in.js';
import type { ConsoleSurface } from './console-surface.js';
import { ConsoleGate } from './console-viewer.js';

/** Everything the console serves: `/` (to the console), the page, its API and, when protected, sign-in and sign-out. */
export function consoleRoutes(options: {
  readonly access: ConsoleAccess;
  readonly prisma: PrismaClient;
  readonly config: InstitutionConfig;
  readonly surface: ConsoleSurface;
  readonly bot: BotRequests;
  readonly openForms: OpenFormStore;
  readonly now: () => Date;
}): Map<string, RouteHandler> {
  const { access, config, surface, now } = options;
  const gate = new ConsoleGate(access, config, () => surface.knownPeople(), now);
  const { language, t } = translator(config.institution.language);
  const routes = new Map<string, RouteHandler>([
    ['/', consoleRootRedirect()],
    ['/console', consolePageRoute({ language, labels: t.surfaces.console.page, mode: access.mode })],
    ...consoleApiRoutes({ ...options, gate }),
  ]);
  if (access.mode === 'protected') {
    for (const [path, route] of consoleSignInRoutes({ access, gate, config, now })) routes.set(path, route);
  }
  return routes;
}
