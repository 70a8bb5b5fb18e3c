import { type CloudEnvironment, PUBLIC, type TokenProvider } from '@microsoft/teams.api';
import { App } from '@microsoft/teams.apps';
import type { BotRequests } from '../../bot/bot-requests.js';
import type { RouteHandler } from '../../http/http-server.js';
import type { Logger } from '../../logging/logger.js';
import type { Message } from '../../messages/message-model.js';
import type { OpenFormStore } from '../open-form-store.js';
import type { ConversationReferenceStore } from './conversation-reference-store.js';
import { captureReference } from './handlers/capture-reference.js';
import { onCardAction } from './handlers/card-action.js';
import { onDialogOpen } from './handlers/dialog-open.js';
import { onDialogSubmit } from './handlers/dialog-submit.js';
import type { TeamsHandlerDependencies } from './handlers/handler-dependencies.js';
import { onInstallation } from './handlers/installation.js';
import { onMessage } from './handlers/message.js';
import { answerFailedTurns } from './handlers/turn-failure.js';
import { defaultMaxFileBytes } from './inbound/file-download.js';
import { OpenForms } from './inbound/open-forms.js';
import { TurnReplies } from './inbound/turn-replies.js';
import { clientSecretTokens } from './outbound/bot-token.js';
import {
  ConnectorGateway,
  noTeamsMetrics,
  type RetryPolicy,
  type TeamsMetrics,
} from './outbound/connector-gateway.js';
import { TeamsDirectory } from './outbound/teams-directory.js';
import { type FileUrlFor, type ImageUrlFor, TeamsRenderer } from './outbound/teams-renderer.js';
import type { TeamsEnvironment } from './teams-environment.js';
import { TeamsHttpAdapter } from './teams-http-adapter.js';
import { TeamsSdkLogger } from './teams-logger.js';
import { TeamsSurface } from './teams-surface.js';

export const teamsMessagesPath = '/api/messages' as const;

/** How the bot proves itself, and checks Teams' requests. */
export type TeamsAuthentication =
  | {
      readonly kind: 'bot-framework';
      readonly clientId: string;
      readonly tenantId?: string | undefined;
      readonly cloud: CloudEnvironment;
      /** The client secret (MSAL, at the cloud's login endpoint), or a token source of one's own (tests; a managed-identity wrapper). */
      readonly credential: { readonly clientSecret: string } | { readonly token: TokenProvider };
    }
  /** TEAMS_LOCAL_DEVELOPMENT=true: no inbound validation, no outbound token. */
  | { readonly kind: 'local-development' };

/** The authentication an enabled environment asks for; null when Teams is off. */
export function teamsAuthentication(environment: TeamsEnvironment): TeamsAuthentication | null {
  switch (environment.kind) {
    case 'disabled':
      return null;
    case 'local-development':
      return { kind: 'local-development' };
    case 'bot-framework':
      return {
        kind: 'bot-framework',
        clientId: environment.clientId,
        tenantId: environment.tenantId,
        cloud: environment.cloud,
        credential: { clientSecret: environment.clientSecret },
      };
  }
}

export interface TeamsBotOptions {
  readonly authentication: TeamsAuthentication;
  readonly requests: BotRequests;
  readonly references: ConversationReferenceStore;
  /** The forms behind open dialogs, shared by every instance so any of them can take the submission. */
  readonly openForms: OpenFormStore;
  readonly logger: Logger;
  readonly metrics?: TeamsMetrics;
  readonly imageUrlFor?: ImageUrlFor;
  /** Where the bot serves files posted with messages (HostedFiles); the card links to them. */
  readonly fileUrlFor?: FileUrlFor;
  /** Stores a message's pictures and files behind those URLs (HostedImages, HostedFiles) before it is rendered. */
  readonly keepFiles?: (message: Message) => Promise<void>;
  readonly maxFileBytes?: number;
  /** Connector pacing and retries; tests inject `sleep` so a Retry-After costs no time. */
  readonly connector?: {
    readonly retry?: Partial<RetryPolicy>;
    readonly sleep?: (milliseconds: number) => Promise<void>;
    readonly now?: () => number;
    readonly minIntervalMs?: number;
  };
}

export interface TeamsBot {
  readonly app: App;
  /** Mount at {@link teamsMessagesPath} on our HTTP server. */
  readonly messagesRoute: RouteHandler;
  /** The outbound side, for the core's jobs. */
  readonly surface: TeamsSurface;
}

/**
 * Wires the Teams SDK app to our HTTP server, the listeners to BotRequests and
 * the outbound surface to the same connector gateway. Nothing else.
 */
export async function createTeamsBot(options: TeamsBotOptions): Promise<TeamsBot> {
  const { authentication, logger } = options;
  const adapter = new TeamsHttpAdapter();
  const app = new App({
    ...sdkAuthentication(authentication, logger),
    httpServerAdapter: adapter,
    ...sdkQuiet(logger),
  });
  checkAuthentication(app, authentication);
  if (authentication.kind === 'local-development') {
    logger.warn(
      { path: teamsMessagesPath },
      '!!! TEAMS_LOCAL_DEVELOPMENT=true: Teams requests are NOT authenticated. Anyone who can reach this server can act as any Teams user. Never use this outside a developer machine. !!!',
    );
  }

  const metrics = options.metrics ?? noTeamsMetrics;
  const gateway = new ConnectorGateway({ api: app.api, metrics, logger, ...options.connector });
  const directory = new TeamsDirectory({
    gateway,
    references: options.references,
    logger,
    now: options.connector?.now,
  });
  const renderer = new TeamsRenderer(directory, options.imageUrlFor, options.fileUrlFor, options.keepFiles);
  const openForms = new OpenForms(options.openForms);
  const dependencies: TeamsHandlerDependencies = {
    requests: options.requests,
    references: options.references,
    directory,
    gateway,
    renderer,
    openForms,
    replies: new TurnReplies({ gateway, renderer, references: options.references, openForms, logger }),
    logger,
    maxFileBytes: options.maxFileBytes ?? defaultMaxFileBytes,
  };

  app.use(answerFailedTurns(dependencies));
  app.use(captureReference(dependencies));
  app.on('message', onMessage(dependencies));
  app.on('card.action', onCardAction(dependencies));
  app.on('dialog.open', onDialogOpen(dependencies));
  app.on('dialog.submit', onDialogSubmit(dependencies));
  app.on('install.add', onInstallation(dependencies));
  app.on('conversationUpdate', onInstallation(dependencies));
  await app.initialize();

  return {
    app,
    messagesRoute: adapter.routeHandler(teamsMessagesPath),
    surface: new TeamsSurface({ gateway, directory, references: options.references, renderer, logger }),
  };
}

/**
 * Every option the SDK would otherwise read from process.env (CLIENT_ID,
 * CLIENT_SECRET, TENANT_ID, CLOUD, DANGEROUSLY_ALLOW_UNAUTHENTICATED_REQUESTS)
 * is given explicitly, so TEAMS_LOCAL_DEVELOPMENT stays the only switch that
 * turns inbound validation off. An empty string is "none" to the SDK without
 * falling back to the environment.
 *
 * A client secret becomes a token source of ours, not the SDK's: its MSAL
 * client would ask login.microsoftonline.com about any other login endpoint
 * (see bot-token.ts).
 */
function sdkAuthentication(authentication: TeamsAuthentication, logger: Logger) {
  if (authentication.kind === 'local-development') {
    return {
      clientId: '',
      clientSecret: '',
      tenantId: '',
      cloud: PUBLIC,
      dangerouslyAllowUnauthenticatedRequests: true,
    };
  }
  const { credential, clientId, cloud } = authentication;
  const token =
    'token' in credential
      ? credential.token
      : clientSecretTokens({
          clientId,
          clientSecret: credential.clientSecret,
          loginEndpoint: cloud.loginEndpoint,
          logger: logger.child({ component: 'teams-token' }),
        });
  return {
    clientId,
    clientSecret: '',
    token,
    tenantId: authentication.tenantId ?? '',
    cloud: authentication.cloud,
    dangerouslyAllowUnauthenticatedRequests: false,
  };
}

function sdkQuiet(logger: Logger) {
  return {
    logger: new TeamsSdkLogger(logger),
    messagingEndpoint: teamsMessagesPath,
    // The SDK's per-turn state store and telemetry baggage are not used.
    state: false,
    telemetry: { agent365: false as const },
  };
}

/** The SDK resolved the credentials we meant, whatever the process environment holds. */
function checkAuthentication(app: App, authentication: TeamsAuthentication): void {
  const credentials = app.credentials;
  if (authentication.kind === 'local-development' && credentials) {
    throw new Error('Teams: local development must run without credentials, but the SDK found some');
  }
  if (authentication.kind === 'bot-framework' && credentials?.clientId !== authentication.clientId) {
    throw new Error(
      'Teams: the SDK did not take the configured client id; inbound requests would not be validated',
    );
  }
}
