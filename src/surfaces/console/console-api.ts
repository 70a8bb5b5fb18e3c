import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type {
  BotActor,
  BotReply,
  BotRequests,
  ConversationRef,
  FormOutcome,
} from '../../bot/bot-requests.js';
import { type InstitutionConfig, nameIn } from '../../config/institution-config.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { type RouteHandler, sendJson } from '../../http/http-server.js';
import { type Translator, translatorForLocale } from '../../i18n/translator.js';
import type { Form, ImageRef } from '../../messages/message-model.js';
import { hostedFilePath } from '../hosted-files/hosted-files.js';
import { hostedImagesPrefix } from '../hosted-images/hosted-images.js';
import type { OpenFormStore } from '../open-form-store.js';
import { botAuthor, type ConsoleSurface, directChannel } from './console-surface.js';
import { type ConsoleGate, type ConsoleRefusal, type ConsoleViewer, notYours } from './console-viewer.js';
import { readConsoleFormValues, renderConsoleForm, renderConsoleMessage } from './html/index.js';
import { fromStoredMessage } from './stored-message.js';

/** Exports can be large: a 100,000-student CSV is about 15 MB. */
const maxUploadBytes = 50 * 1024 * 1024;
const maxJsonBytes = 1024 * 1024;

// Relative: the page is served by the same server as the images.
const imageUrlFor = (image: ImageRef) => `${hostedImagesPrefix}${image.id}.png`;
const renderContext = { imageUrlFor, fileUrlFor: hostedFilePath };

// `as`: who the viewer is, in local mode only; the gate refuses it in protected mode.
const asPerson = z.object({
  as: z.email().optional(),
  locale: z.string().max(35).nullable().optional(),
});
const channelId = z.string().min(1).max(320);
const inChannel = asPerson.extend({ channel: channelId });
const commandBody = inChannel.extend({ text: z.string().max(4000) });
const actionBody = inChannel.extend({
  actionId: z.string().min(1).max(255),
  value: z.string().max(2000).nullable(),
});
const formBody = asPerson.extend({ formToken: z.uuid(), values: z.record(z.string(), z.unknown()) });
const formActionBody = formBody.extend({
  actionId: z.string().min(1).max(255),
  value: z.string().max(2000).nullable(),
});
const stateQuery = z.object({ as: z.email().optional(), locale: z.string().max(35).optional() });
const messagesQuery = z.object({ as: z.email().optional(), channel: channelId });
const uploadQuery = inChannel.extend({ name: z.string().min(1).max(255) });

/** A console page may stay open all day; a form on it keeps working as long as a Slack modal would. */
export const consoleFormTtlMs = 24 * 60 * 60 * 1000;

/**
 * The console page's HTTP API: what Slack's and Teams' servers would send, as
 * JSON from the page. It translates requests into the same BotRequests calls
 * and renders replies with the console's HTML renderer. Every request passes
 * the gate first: who is asking, and whether the conversation is theirs to
 * see (another person's direct chat or a foreign board's channel is a 403,
 * with nothing read, posted or imported).
 */
export function consoleApiRoutes(options: {
  readonly prisma: PrismaClient;
  readonly config: InstitutionConfig;
  readonly surface: ConsoleSurface;
  readonly bot: BotRequests;
  /** Open forms by token: the page submits field values, the form gives them meaning. */
  readonly openForms: OpenFormStore;
  readonly gate: ConsoleGate;
}): Map<string, RouteHandler> {
  const { prisma, config, surface, bot, openForms, gate } = options;

  const actorFor = (email: string, locale: string | null | undefined): BotActor => ({
    surface: 'console',
    userId: email,
    email,
    displayName: email.split('@')[0] ?? email,
    locale: locale ?? null,
  });
  const conversationFor = (channel: string): ConversationRef => ({
    surface: 'console',
    conversationId: channel,
    kind: channel.startsWith('@') ? 'direct' : 'channel',
  });

  async function replyJson(reply: BotReply, channel: string | null) {
    if (reply.kind === 'none') return { kind: 'none' };
    if (reply.kind === 'form') {
      const formToken = randomUUID();
      await openForms.remember('console', formToken, reply.form, consoleFormTtlMs);
      return { kind: 'form', formToken, html: renderConsoleForm(reply.form, renderContext) };
    }
    if (reply.visibility === 'conversation' && channel) {
      await surface.store(channel, botAuthor, reply.message);
      return { kind: 'posted' };
    }
    // Her answer is shown, not stored: its charts (a deviation statistics' two) must be kept all the same.
    await surface.keepAssets(reply.message);
    return { kind: 'message', html: renderConsoleMessage(reply.message, renderContext) };
  }

  /** The viewer of a request that passed the gate's checks, or null once the refusal is sent. */
  function viewerOf(
    request: IncomingMessage,
    response: ServerResponse,
    claimed: string | null | undefined,
  ): ConsoleViewer | null {
    const outcome = gate.viewerOf(request, claimed);
    if (outcome.kind === 'viewer') return outcome.viewer;
    refuse(response, outcome.refusal);
    return null;
  }

  /** The viewer, if the conversation is theirs to see; otherwise the 403 is sent. */
  function viewerIn(
    request: IncomingMessage,
    response: ServerResponse,
    claimed: string | null | undefined,
    channel: string,
  ): ConsoleViewer | null {
    const viewer = viewerOf(request, response, claimed);
    if (viewer && !gate.mayView(viewer, channel)) {
      refuse(response, notYours);
      return null;
    }
    return viewer;
  }

  const routes = new Map<string, RouteHandler>();

  routes.set('/console/api/state', async (request, response) => {
    if (refusedByGate(gate, request, response, 'GET')) return;
    const query = readQuery(request, response, stateQuery);
    if (!query) return;
    // The page's own labels and board names in the viewer's language where the configuration gives one.
    const reader = translatorForLocale(query.locale ?? null, config.institution.language);
    const page = {
      institution: config.institution.name,
      language: reader.language,
      // The language menu's value for that language (`nb-NO` also for a reader who asked in `no`).
      locale: reader.locale,
      labels: reader.t.surfaces.console.page,
      access: gate.mode,
    };
    const people = [...surface.knownPeople()].sort();
    // Local mode: the page opens as the first person until one is picked.
    const outcome = gate.viewerOf(request, gate.mode === 'local' ? (query.as ?? people[0]) : query.as);
    if (outcome.kind === 'refused') return refuse(response, outcome.refusal, page);
    const { viewer } = outcome;
    sendJson(response, 200, {
      ...page,
      // Only in local mode, where the viewer picks who they are; a signed-in viewer is who their link said.
      people:
        gate.mode === 'local'
          ? people.map((email) => ({ email, roles: rolesOf(email, config, reader) }))
          : [],
      viewer: { email: viewer.email, roles: rolesOf(viewer.email, config, reader) },
      channels: gate.visibleBoards(viewer).map((board) => ({
        id: board.channels.console,
        label: `#${board.channels.console}`,
        title: `${board.code} · ${nameIn(board, reader.language)}`,
      })),
      direct: { id: directChannel(viewer.email), label: botAuthor, title: viewer.email },
    });
  });

  routes.set('/console/api/messages', async (request, response) => {
    if (refusedByGate(gate, request, response, 'GET')) return;
    const query = readQuery(request, response, messagesQuery);
    if (!query) return;
    if (!viewerIn(request, response, query.as, query.channel)) return;
    const rows = await prisma.consoleMessage.findMany({
      where: { channel: query.channel },
      orderBy: { id: 'asc' },
    });
    sendJson(response, 200, {
      messages: rows.map((row) => ({
        id: String(row.id),
        author: row.author,
        postedAt: row.postedAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        html: renderConsoleMessage(fromStoredMessage(row.body), renderContext),
      })),
    });
  });

  routes.set('/console/api/command', async (request, response) => {
    if (refusedByGate(gate, request, response, 'POST')) return;
    const body = await readJson(request, response, commandBody);
    if (!body) return;
    const viewer = viewerIn(request, response, body.as, body.channel);
    if (!viewer) return;
    // `/name rest` names the command as Slack's would; plain text is for the bot's own command.
    const slash = /^\s*\/(\S+)\s*([\s\S]*)$/.exec(body.text);
    const [name, text] = slash ? [slash[1] ?? null, slash[2] ?? ''] : [null, body.text];
    const reply = await bot.command(
      actorFor(viewer.email, body.locale),
      conversationFor(body.channel),
      text.trim(),
      name,
    );
    sendJson(response, 200, await replyJson(reply, body.channel));
  });

  routes.set('/console/api/action', async (request, response) => {
    if (refusedByGate(gate, request, response, 'POST')) return;
    const body = await readJson(request, response, actionBody);
    if (!body) return;
    const viewer = viewerIn(request, response, body.as, body.channel);
    if (!viewer) return;
    const reply = await bot.action(actorFor(viewer.email, body.locale), conversationFor(body.channel), {
      actionId: body.actionId,
      value: body.value,
    });
    sendJson(response, 200, await replyJson(reply, body.channel));
  });

  routes.set('/console/api/form', async (request, response) => {
    if (refusedByGate(gate, request, response, 'POST')) return;
    const body = await readJson(request, response, formBody);
    if (!body) return;
    const viewer = viewerOf(request, response, body.as);
    if (!viewer) return;
    const form = await openForms.find('console', body.formToken);
    if (!form)
      return sendJson(response, 410, { error: 'this form was closed or has expired; open it again' });
    const outcome = await bot.submitForm(actorFor(viewer.email, body.locale), {
      formId: form.formId,
      state: form.state ?? null,
      values: readConsoleFormValues(form, body.values),
    });
    sendJson(response, 200, await outcomeJson(body.formToken, form, outcome));
  });

  // A button or a menu inside the open form's panel: the answer replaces the panel's form in place.
  routes.set('/console/api/form-action', async (request, response) => {
    if (refusedByGate(gate, request, response, 'POST')) return;
    const body = await readJson(request, response, formActionBody);
    if (!body) return;
    const viewer = viewerOf(request, response, body.as);
    if (!viewer) return;
    const form = await openForms.find('console', body.formToken);
    if (!form)
      return sendJson(response, 410, { error: 'this form was closed or has expired; open it again' });
    const outcome = await bot.formAction(actorFor(viewer.email, body.locale), {
      formId: form.formId,
      state: form.state ?? null,
      actionId: body.actionId,
      value: body.value,
      values: readConsoleFormValues(form, body.values),
    });
    sendJson(response, 200, await outcomeJson(body.formToken, form, outcome));
  });

  /** The open form after an outcome, kept under its token for the next click or submission; or closed. */
  async function outcomeJson(formToken: string, form: Form, outcome: FormOutcome) {
    if (outcome.kind === 'close') {
      await openForms.close('console', formToken);
      return { kind: 'close' };
    }
    const next = outcome.kind === 'errors' ? { ...form, errors: outcome.errors } : outcome.form;
    await openForms.remember('console', formToken, next, consoleFormTtlMs);
    return { kind: 'form', formToken, html: renderConsoleForm(next, renderContext) };
  }

  routes.set('/console/api/upload', async (request, response) => {
    if (refusedByGate(gate, request, response, 'POST')) return;
    const query = readQuery(request, response, uploadQuery);
    if (!query) return;
    const viewer = viewerIn(request, response, query.as, query.channel);
    if (!viewer) return;
    const bytes = await readBody(request, maxUploadBytes);
    if (!bytes)
      return sendJson(response, 413, { error: `the file is larger than ${maxUploadBytes / 1024 / 1024} MB` });
    const reply = await bot.fileShared(actorFor(viewer.email, query.locale), conversationFor(query.channel), {
      name: query.name,
      bytes,
    });
    sendJson(response, 200, await replyJson(reply, query.channel));
  });

  return routes;
}

/** Sends the gate's refusal of the request's method, host or origin; true when it refused. */
export function refusedByGate(
  gate: ConsoleGate,
  request: IncomingMessage,
  response: ServerResponse,
  method: 'GET' | 'POST',
): boolean {
  const refusal = gate.refusalOf(request, method);
  if (refusal) refuse(response, refusal);
  return refusal !== null;
}

function refuse(
  response: ServerResponse,
  refusal: ConsoleRefusal,
  extra: Record<string, unknown> = {},
): void {
  sendJson(response, refusal.status, { ...extra, code: refusal.code, error: refusal.error });
}

/** The person's places on study boards and as a manager, in the reader's words: `chair of SN-DAT`, `dean`. */
function rolesOf(email: string, config: InstitutionConfig, reader: Translator): string[] {
  const { boardRole, managerRole } = reader.t.surfaces.console;
  const address = email.toLowerCase();
  const is = (person: string) => person.toLowerCase() === address;
  const roles = config.boards.flatMap((board) => [
    ...(is(board.chair) ? [boardRole({ role: 'chair', board: board.code })] : []),
    ...(is(board.secretary) ? [boardRole({ role: 'secretary', board: board.code })] : []),
    ...(board.delegates.some(is) ? [boardRole({ role: 'delegate', board: board.code })] : []),
  ]);
  return [
    ...roles,
    ...config.managers.filter((manager) => is(manager.email)).map((manager) => managerRole[manager.role]),
  ];
}

async function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > limit) return null;
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

async function readJson<Schema extends z.ZodType>(
  request: IncomingMessage,
  response: ServerResponse,
  schema: Schema,
): Promise<z.output<Schema> | null> {
  const bytes = await readBody(request, maxJsonBytes);
  if (!bytes) {
    sendJson(response, 413, { error: 'request too large' });
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    sendJson(response, 400, { error: 'the body is not JSON' });
    return null;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    sendJson(response, 400, { error: describeIssues(parsed.error) });
    return null;
  }
  return parsed.data;
}

/** The query string's parameters, zod-parsed; a 400 naming the parameter otherwise. */
function readQuery<Schema extends z.ZodType>(
  request: IncomingMessage,
  response: ServerResponse,
  schema: Schema,
): z.output<Schema> | null {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  if (parsed.success) return parsed.data;
  sendJson(response, 400, { error: describeIssues(parsed.error) });
  return null;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}
