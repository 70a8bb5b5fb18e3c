import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { BotActor, BotReply, BotRequests, ConversationRef } from '../../bot/bot-requests.js';
import { type InstitutionConfig, nameIn } from '../../config/institution-config.js';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { type RouteHandler, sendJson } from '../../http/http-server.js';
import { languageForLocale } from '../../i18n/languages.js';
import type { ImageRef } from '../../messages/message-model.js';
import { hostedImagesPrefix } from '../hosted-images/hosted-images.js';
import type { OpenFormStore } from '../open-form-store.js';
import { botAuthor, type ConsoleSurface, directChannel } from './console-surface.js';
import { readConsoleFormValues, renderConsoleForm, renderConsoleMessage } from './html/index.js';
import { fromStoredMessage } from './stored-message.js';

/** Exports can be large: a 100,000-student CSV is about 15 MB. */
const maxUploadBytes = 50 * 1024 * 1024;
const maxJsonBytes = 1024 * 1024;

// Relative: the page is served by the same server as the images.
const imageUrlFor = (image: ImageRef) => `${hostedImagesPrefix}${image.id}.png`;
const renderContext = { imageUrlFor };

const asPerson = z.object({
  as: z.email(),
  locale: z.string().max(35).nullable().optional(),
});
const inChannel = asPerson.extend({ channel: z.string().min(1).max(320) });
const commandBody = inChannel.extend({ text: z.string().max(4000) });
const actionBody = inChannel.extend({
  actionId: z.string().min(1).max(255),
  value: z.string().max(2000).nullable(),
});
const formBody = asPerson.extend({ formToken: z.uuid(), values: z.record(z.string(), z.unknown()) });

/** A console page may stay open all day; a form on it keeps working as long as a Slack modal would. */
export const consoleFormTtlMs = 24 * 60 * 60 * 1000;

/**
 * The console page's HTTP API: what Slack's and Teams' servers would send, as
 * JSON from the page. It translates requests into the same BotRequests calls
 * and renders replies with the console's HTML renderer. No business logic.
 */
export function consoleApiRoutes(options: {
  readonly prisma: PrismaClient;
  readonly config: InstitutionConfig;
  readonly surface: ConsoleSurface;
  readonly bot: BotRequests;
  /** Open forms by token: the page submits field values, the form gives them meaning. */
  readonly openForms: OpenFormStore;
}): Map<string, RouteHandler> {
  const { prisma, config, surface, bot, openForms } = options;

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
      return { kind: 'form', formToken, html: renderConsoleForm(reply.form) };
    }
    if (reply.visibility === 'conversation' && channel) {
      await surface.store(channel, botAuthor, reply.message);
      return { kind: 'posted' };
    }
    return { kind: 'message', html: renderConsoleMessage(reply.message, renderContext) };
  }

  const routes = new Map<string, RouteHandler>();

  routes.set('/console/api/state', async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const people = [...surface.knownPeople()]
      .sort()
      .map((email) => ({ email, roles: rolesOf(email, config) }));
    const as = url.searchParams.get('as') ?? people[0]?.email ?? null;
    // Board names in the viewer's language where the configuration gives one.
    const language = languageForLocale(url.searchParams.get('locale'), config.institution.language);
    sendJson(response, 200, {
      institution: config.institution.name,
      language: config.institution.language,
      people,
      as,
      channels: config.boards.map((board) => ({
        id: board.channels.console,
        label: `#${board.channels.console}`,
        title: `${board.code} · ${nameIn(board, language)}`,
      })),
      direct: as ? { id: directChannel(as), label: 'Trafiklys', title: as } : null,
    });
  });

  routes.set('/console/api/messages', async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const channel = z.string().min(1).max(320).safeParse(url.searchParams.get('channel'));
    if (!channel.success) return sendJson(response, 400, { error: 'channel: required' });
    const rows = await prisma.consoleMessage.findMany({
      where: { channel: channel.data },
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
    const body = await readJson(request, response, commandBody);
    if (!body) return;
    const text = body.text.replace(/^\s*\/trafiklys\b/i, '').trim();
    const reply = await bot.command(actorFor(body.as, body.locale), conversationFor(body.channel), text);
    sendJson(response, 200, await replyJson(reply, body.channel));
  });

  routes.set('/console/api/action', async (request, response) => {
    const body = await readJson(request, response, actionBody);
    if (!body) return;
    const reply = await bot.action(actorFor(body.as, body.locale), conversationFor(body.channel), {
      actionId: body.actionId,
      value: body.value,
    });
    sendJson(response, 200, await replyJson(reply, body.channel));
  });

  routes.set('/console/api/form', async (request, response) => {
    const body = await readJson(request, response, formBody);
    if (!body) return;
    const form = await openForms.find('console', body.formToken);
    if (!form)
      return sendJson(response, 410, { error: 'this form was closed or has expired; open it again' });
    const outcome = await bot.submitForm(actorFor(body.as, body.locale), {
      formId: form.formId,
      state: form.state ?? null,
      values: readConsoleFormValues(form, body.values),
    });
    if (outcome.kind === 'close') {
      await openForms.close('console', body.formToken);
      return sendJson(response, 200, { kind: 'close' });
    }
    const next = outcome.kind === 'errors' ? { ...form, errors: outcome.errors } : outcome.form;
    await openForms.remember('console', body.formToken, next, consoleFormTtlMs);
    sendJson(response, 200, { kind: 'form', formToken: body.formToken, html: renderConsoleForm(next) });
  });

  routes.set('/console/api/upload', async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const query = inChannel.extend({ name: z.string().min(1).max(255) }).safeParse({
      as: url.searchParams.get('as'),
      locale: url.searchParams.get('locale'),
      channel: url.searchParams.get('channel'),
      name: url.searchParams.get('name'),
    });
    if (!query.success) return sendJson(response, 400, { error: describeIssues(query.error) });
    const bytes = await readBody(request, maxUploadBytes);
    if (!bytes)
      return sendJson(response, 413, { error: `the file is larger than ${maxUploadBytes / 1024 / 1024} MB` });
    const reply = await bot.fileShared(
      actorFor(query.data.as, query.data.locale),
      conversationFor(query.data.channel),
      {
        name: query.data.name,
        bytes,
      },
    );
    sendJson(response, 200, await replyJson(reply, query.data.channel));
  });

  return routes;
}

function rolesOf(email: string, config: InstitutionConfig): string[] {
  const roles = config.boards.flatMap((board) => [
    ...(board.chair === email ? [`chair ${board.code}`] : []),
    ...(board.secretary === email ? [`secretary ${board.code}`] : []),
    ...(board.delegates.includes(email) ? [`delegate ${board.code}`] : []),
  ]);
  return [
    ...roles,
    ...config.managers.filter((manager) => manager.email === email).map((manager) => manager.role),
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

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
}
