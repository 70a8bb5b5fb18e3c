import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type HttpServer, startHttpServer } from '../../../src/http/http-server.js';
import type { Form } from '../../../src/messages/message-model.js';
import type { Database } from '../../../src/storage/database.js';
import { PrismaOpenFormStore } from '../../../src/storage/prisma-open-form-store.js';
import { consoleRoutes } from '../../../src/surfaces/console/console-routes.js';
import { ConsoleSurface } from '../../../src/surfaces/console/console-surface.js';
import { HostedImages } from '../../../src/surfaces/hosted-images/hosted-images.js';
import { capturedLogger } from '../../support/captured-logger.js';
import { anInstitutionConfig } from '../../support/institution-config-builder.js';
import { RecordingBotRequests } from '../../support/recording-bot-requests.js';
import { openSharedTestDatabase, testDatabaseEngine } from '../../support/test-database.js';

// Two bots sharing one database, each serving the console API: the page may
// open a form through one and submit it through the other (a load balancer,
// a restart in between).
const config = anInstitutionConfig(['SN-DAT']);
const chair = 'chair.sn-dat@test.example';

const noteForm: Form = {
  formId: 'at-risk.note',
  title: 'Note',
  submitLabel: 'Save',
  cancelLabel: 'Cancel',
  state: 'cycle-7',
  fields: [
    { id: 'note', kind: 'multiline', label: 'Note' },
    { id: 'final', kind: 'checkbox', label: 'Final' },
  ],
};

interface ConsoleInstance {
  readonly bot: RecordingBotRequests;
  post(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }>;
}

let shared: Awaited<ReturnType<typeof openSharedTestDatabase>>;
const servers: HttpServer[] = [];
let opening: ConsoleInstance;
let submitting: ConsoleInstance;
beforeAll(async () => {
  shared = await openSharedTestDatabase();
  opening = await startConsoleInstance(shared.instances[0]);
  submitting = await startConsoleInstance(shared.instances[1]);
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await shared?.close();
});

async function startConsoleInstance(database: Database): Promise<ConsoleInstance> {
  const { logger } = capturedLogger();
  const bot = new RecordingBotRequests();
  const routes = consoleRoutes({
    access: { mode: 'local' },
    prisma: database.prisma,
    config,
    surface: new ConsoleSurface(database.prisma, config, new HostedImages(database.prisma, null)),
    bot,
    openForms: new PrismaOpenFormStore(database.prisma, logger),
    now: () => new Date(),
  });
  const server = await startHttpServer({ host: '127.0.0.1', port: 0, routes, logger });
  servers.push(server);
  return {
    bot,
    async post(path, body) {
      const response = await fetch(`${server.url}${path}`, {
        method: 'POST',
        // The console page's own origin, as a browser sends it (the API refuses a POST from anywhere else).
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    },
  };
}

async function openNoteForm(): Promise<string> {
  opening.bot.commandReply = () => ({ kind: 'form', form: noteForm });
  const opened = await opening.post('/console/api/command', { as: chair, channel: 'sn-dat', text: 'note' });
  expect(opened.json).toMatchObject({ kind: 'form' });
  return String(opened.json.formToken);
}

describe(`a console form opened through one bot (${testDatabaseEngine()})`, () => {
  test('is submitted through another: its fields are read by kind, it closes, and after that it is gone for both', async () => {
    const formToken = await openNoteForm();
    submitting.bot.submitOutcome = () => ({ kind: 'close' });

    const submitted = await submitting.post('/console/api/form', {
      as: chair,
      formToken,
      values: { note: 'Called her', final: true },
    });

    expect(submitted).toEqual({ status: 200, json: { kind: 'close' } });
    expect(submitting.bot.requests.at(-1)).toEqual({
      kind: 'submitForm',
      actor: expect.objectContaining({ email: chair }),
      submission: { formId: 'at-risk.note', state: 'cycle-7', values: { note: 'Called her', final: true } },
    });
    const again = await opening.post('/console/api/form', { as: chair, formToken, values: { note: 'x' } });
    expect(again).toEqual({
      status: 410,
      json: { error: 'this form was closed or has expired; open it again' },
    });
  });

  test('field errors from one bot stay with the form: the corrected submission through the other is read with it', async () => {
    const formToken = await openNoteForm();
    submitting.bot.submitOutcome = () => ({ kind: 'errors', errors: { note: 'Write what was agreed.' } });
    const rejected = await submitting.post('/console/api/form', {
      as: chair,
      formToken,
      values: { note: '', final: false },
    });
    expect(rejected.json).toMatchObject({ kind: 'form', formToken });
    expect(String(rejected.json.html)).toContain('Write what was agreed.');

    opening.bot.submitOutcome = () => ({ kind: 'close' });
    const accepted = await opening.post('/console/api/form', {
      as: chair,
      formToken,
      values: { note: 'Meeting on Monday', final: true },
    });

    expect(accepted).toEqual({ status: 200, json: { kind: 'close' } });
    expect(opening.bot.requests.at(-1)).toMatchObject({
      kind: 'submitForm',
      submission: { values: { note: 'Meeting on Monday', final: true } },
    });
  });
});
