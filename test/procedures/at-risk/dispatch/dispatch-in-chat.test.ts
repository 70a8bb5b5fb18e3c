import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotActor, BotReply, FormOutcome } from '../../../../src/bot/bot-requests.js';
import { BotRouter } from '../../../../src/bot/bot-router.js';
import { parseInstitutionConfig, type StudyBoard } from '../../../../src/config/institution-config.js';
import type { OutboxSending } from '../../../../src/mail/outbox-sending.js';
import type { Form } from '../../../../src/messages/message-model.js';
import { plainTextOf } from '../../../../src/messages/plain-text.js';
import { excludeStudents } from '../../../../src/procedures/at-risk/exclusions/exclude-students.js';
import { defaultIdentificationRules } from '../../../../src/procedures/at-risk/identification-rules.js';
import { importIdentification } from '../../../../src/procedures/at-risk/import-identification.js';
import { MailTemplates } from '../../../../src/procedures/at-risk/mail/mail-templates.js';
import { atRiskChat } from '../../../../src/procedures/at-risk/module.js';
import { readProgressExport } from '../../../../src/procedures/at-risk/progress-export/read-progress-export.js';
import type { Database } from '../../../../src/storage/database.js';
import { mirrorInstitution } from '../../../../src/storage/institution-mirror.js';
import { PrismaDispatch } from '../../../../src/storage/prisma-dispatch.js';
import { PrismaExclusions } from '../../../../src/storage/prisma-exclusions.js';
import { PrismaIdentificationStorage } from '../../../../src/storage/prisma-identification-storage.js';
import { anInstanceSending } from '../../../mail/outbox-harness.js';
import { capturedLogger } from '../../../support/captured-logger.js';
import { type ProgressRowInput, progressExportCsv } from '../../../support/progress-export-builder.js';
import { dateOf } from '../../../support/progress-row-builder.js';
import { RecordingSurface } from '../../../support/recording-surface.js';
import { SmtpServerDouble } from '../../../support/smtp-server-double.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';

const parsed = parseInstitutionConfig({
  institution: { name: 'Test University', language: 'en' },
  faculties: [{ code: 'HUM', name: 'Humanities' }],
  boards: [
    {
      code: 'SN-MAT',
      name: 'Mathematics',
      faculty: 'HUM',
      chair: 'chair@x.example',
      secretary: 'secretary@x.example',
      channels: { console: 'sn-mat' },
    },
    { code: 'SN-HIS', name: 'History', faculty: 'HUM', chair: 'his@x.example', secretary: 'hsec@x.example' },
  ],
});
if (!parsed.success) throw new Error(parsed.error.message);
const config = parsed.data;
const mathematics = config.boards[0] as StudyBoard;

const active = { lastPassedOn: '2026-01-20', ectsExpected: 60, boardCode: 'SN-MAT' };
const rows: ProgressRowInput[] = [
  { ...active, studentId: 'R1', name: 'Rose Red', ectsPassed: 20, email: 'r1@student.example' },
  { ...active, studentId: 'Y1', name: 'Yrsa Yellow', ectsPassed: 50, email: 'y1@student.example' },
  { ...active, studentId: 'Y2', name: 'Yngve Nomail', ectsPassed: 50, email: null },
  // 16 months delayed, excluded: § 31 stk. 2 asks the chair to confirm.
  { ...active, studentId: 'R3', name: 'Rikke Excluded', ectsExpected: 120, ectsPassed: 40 },
];

const person = (email: string): BotActor => ({
  surface: 'console',
  userId: email,
  email,
  displayName: email === 'chair@x.example' ? 'Karen Blixen' : email,
  locale: 'en-GB',
});
const chair = person('chair@x.example');
const secretary = person('secretary@x.example');
const channel = { surface: 'console', conversationId: 'sn-mat', kind: 'channel' } as const;

let database: Database;
let smtp: SmtpServerDouble;
let mail: OutboxSending;
let bot: BotRouter;
let afterDispatch: string[];
const console_ = new RecordingSurface('console');

beforeAll(async () => {
  database = await openTestDatabase();
  const storage = new PrismaIdentificationStorage(database.prisma);
  await mirrorInstitution(database.prisma, config);
  await importIdentification(storage, {
    progressExport: await readProgressExport(progressExportCsv(rows), { fileName: 'spring.csv' }),
    asOf: dateOf('2026-04-06'),
    rules: defaultIdentificationRules,
    knownBoards: new Set(['SN-MAT', 'SN-HIS']),
    actor: 'test',
    cipher: null,
  });
  const exclusions = new PrismaExclusions(database.prisma, storage);
  await excludeStudents(
    exclusions,
    { email: chair.email, actor: 'chair@x.example' },
    { board: mathematics, period: { term: 'spring', year: 2026 }, studentNumbers: ['R3'] },
    { reason: 'other', note: 'moved abroad for a year' },
    new Date('2026-04-07T08:00:00Z'),
  );
  smtp = await SmtpServerDouble.start();
  mail = await anInstanceSending(database.prisma, { url: `smtp://127.0.0.1:${smtp.port}` });
  afterDispatch = [];
  bot = new BotRouter(config, [
    atRiskChat({
      storage,
      exclusions,
      now: () => new Date('2026-04-08T08:00:00Z'),
      remind: async () => [],
      importShared: async () => {
        throw new Error('not in this test');
      },
      dispatch: {
        dispatch: new PrismaDispatch(database.prisma, storage),
        exclusions,
        templates: MailTemplates.fromConfig(config),
        mail,
        surfaces: [console_],
        logger: capturedLogger().logger,
        now: () => new Date('2026-04-08T08:00:00Z'),
        afterDispatch: async (cycleId) => {
          afterDispatch.push(cycleId);
        },
      },
    }),
  ]);
});
afterAll(async () => {
  await mail?.close();
  await smtp?.close();
  await database?.close();
});

function formOf(reply: BotReply | FormOutcome): Form {
  if (reply.kind !== 'form') throw new Error(`expected a form, got ${reply.kind}`);
  return reply.form;
}

function textOf(form: Form): string {
  return (form.blocks ?? [])
    .map((block) => {
      if (block.type === 'text' || block.type === 'context') return plainTextOf(block.content);
      if (block.type === 'heading') return block.text;
      if (block.type === 'facts')
        return block.facts.map((fact) => `${fact.label}: ${plainTextOf(fact.value)}`).join('\n');
      if (block.type === 'actions')
        return block.elements.map((element) => `[${'label' in element ? element.label : ''}]`).join(' ');
      return '';
    })
    .join('\n');
}

async function until(probe: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (probe()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`waited in vain for ${what}`);
}

describe(`the chair's dispatch in chat (${testDatabaseEngine()})`, () => {
  it('someone outside the board gets a private refusal, and the attempt is audited', async () => {
    const reply = await bot.command(person('student@x.example'), channel, 'dispatch');

    expect(reply).toMatchObject({ kind: 'message', visibility: 'only_actor' });
    expect(await database.prisma.auditEvent.count({ where: { action: 'dispatch.preview_refused' } })).toBe(1);
  });

  it('the secretary sees the preview, cannot send or test, and a forged confirmation by her queues nothing', async () => {
    const form = formOf(await bot.command(secretary, channel, 'dispatch'));

    expect(textOf(form)).toContain('Only the chair or a delegate of the study board can send the mails.');
    expect(textOf(form)).not.toContain('[Send me a test');
    expect(form.fields).toEqual([]);
    const submitted = await bot.submitForm(secretary, {
      formId: form.formId,
      state: form.state ?? null,
      values: {},
    });
    expect(submitted).toEqual({ kind: 'close' });
    expect(await database.prisma.mailOutbox.count()).toBe(0);
    expect(await database.prisma.auditEvent.count({ where: { action: 'dispatch.refused' } })).toBe(1);
  });

  it.each([
    ["another board's chair", 'his@x.example'],
    ['a student', 'r1@student.example'],
    ['the secretary', 'secretary@x.example'],
  ])(
    '%s who forges the confirmation or a test mail changes nothing and sends nothing',
    async (_who, email) => {
      const preview = formOf(await bot.command(chair, channel, 'dispatch'));
      const mailsBefore = smtp.received.length;
      const forger = person(email);

      const confirmed = await bot.submitForm(forger, {
        formId: preview.formId,
        state: preview.state ?? null,
        values: { confirmOverdue: true },
      });
      const tested = await bot.formAction(forger, {
        formId: preview.formId,
        state: preview.state ?? null,
        actionId: 'at-risk.dispatch.test',
        value: 'red/da',
        values: {},
      });

      expect(confirmed).toEqual({ kind: 'close' });
      expect(tested.kind === 'form' ? textOf(tested.form) : '').toContain(
        'Only the chair or a delegate of the study board can send the mails.',
      );
      expect(await database.prisma.mailOutbox.count()).toBe(0);
      const cycle = await database.prisma.identificationCycle.findFirstOrThrow({
        where: { boardCode: 'SN-MAT' },
      });
      expect(cycle.status).toBe('draft');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(smtp.received.length).toBe(mailsBefore);
    },
  );

  it('the chair previews who gets which mail, tests one to herself, must confirm the § 31 stk. 2 exclusion, then sends: the progress ends in the board’s channel with what to follow up by hand', async () => {
    const preview = formOf(await bot.command(chair, channel, 'dispatch'));
    const text = textOf(preview);
    expect(text).toContain('Red mail (§ 31 stk. 2), Danish: 1 student');
    expect(text).toContain('Yellow mail (§ 31 stk. 1), Danish: 1 student');
    expect(text).toContain('Without an e-mail address (1), follow them up yourself: Yngve Nomail (Y2)');
    expect(text).toContain('Rikke Excluded (R3): other, “moved abroad for a year”');
    expect(text).toContain('1 excluded student is more than 12 months delayed: Rikke Excluded.');
    expect(preview.submitLabel).toBe('Send 2 mails');

    const tested = formOf(
      await bot.formAction(chair, {
        formId: preview.formId,
        state: preview.state ?? null,
        actionId: 'at-risk.dispatch.test',
        value: 'red/da',
        values: {},
      }),
    );
    expect(textOf(tested)).toContain('Test sent to chair@x.example: Red mail (§ 31 stk. 2), Danish.');
    await smtp.waitForMails(1);
    expect(smtp.received[0]?.to).toEqual(['chair@x.example']);
    expect((await smtp.received[0]?.parsed())?.subject).toMatch(/^\[Test\] /);

    const unconfirmed = await bot.submitForm(chair, {
      formId: preview.formId,
      state: preview.state ?? null,
      values: {},
    });
    expect(unconfirmed).toEqual({
      kind: 'errors',
      errors: {
        confirmOverdue:
          'Confirm the exclusion of the students more than 12 months delayed, or undo it in the review list.',
      },
    });
    expect(await database.prisma.mailOutbox.count()).toBe(0);

    const sent = await bot.submitForm(chair, {
      formId: preview.formId,
      state: preview.state ?? null,
      values: { confirmOverdue: true },
    });
    expect(sent).toEqual({ kind: 'close' });
    await until(() => afterDispatch.length === 1, 'the dispatch to settle');

    expect(
      smtp.received
        .slice(1)
        .flatMap((received) => received.to)
        .sort(),
    ).toEqual(['r1@student.example', 'y1@student.example']);
    const progress = console_.posts.find((post) =>
      post.message.fallbackText.startsWith('Mails for Mathematics'),
    );
    expect(progress?.destination).toEqual({ kind: 'channel', channelId: 'sn-mat' });
    const last = console_.updates.at(-1)?.message;
    expect(last?.fallbackText).toBe('Mails for Mathematics, spring 2026: 2 sent, 0 failed, 0 waiting.');
    expect(
      plainTextOf(last?.blocks.flatMap((block) => (block.type === 'text' ? block.content : [])) ?? []),
    ).toContain(
      'Follow these up by hand:\nWithout an e-mail address (1), follow them up yourself: Yngve Nomail (Y2)',
    );

    const afterwards = formOf(await bot.command(chair, channel, 'dispatch'));
    expect(textOf(afterwards)).toContain(
      'The mails were sent on 8 April 2026; the list can no longer change.',
    );
    expect(afterwards.fields).toEqual([]);
  });
});
