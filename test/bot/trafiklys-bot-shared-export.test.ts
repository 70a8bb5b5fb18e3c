import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BotActor, BotReply, ConversationRef } from '../../src/bot/bot-requests.js';
import { type InstitutionConfig, parseInstitutionConfig } from '../../src/config/institution-config.js';
import type { IdentificationPeriod } from '../../src/procedures/at-risk/identification-period.js';
import { sharedExportImporter } from '../../src/procedures/at-risk/import-shared-export.js';
import { type CprCipher, createCprCipher } from '../../src/security/cpr-cipher.js';
import { CodedError } from '../../src/shared/coded-error.js';
import type { Database } from '../../src/storage/database.js';
import { mirrorInstitution } from '../../src/storage/institution-mirror.js';
import { PrismaExclusions } from '../../src/storage/prisma-exclusions.js';
import { PrismaIdentificationStorage } from '../../src/storage/prisma-identification-storage.js';
import {
  danishExcelNotation,
  type ProgressRowInput,
  progressExportCsv,
} from '../support/progress-export-builder.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';
import { TrafiklysBot } from '../support/trafiklys-bot.js';

// The bot core with the real importer on a real database; only the reminder,
// which posts on the platforms, is recorded instead of sent.
const humanitiesSecretary = 'secretary.hum@test.example';
const computingSecretary = 'secretary.dat@test.example';
const config: InstitutionConfig = (() => {
  const parsed = parseInstitutionConfig({
    institution: { name: 'Test University', language: 'en' },
    faculties: [{ code: 'HUM', name: 'Humanities' }],
    boards: [
      { code: 'SN-HIS', name: 'History', secretary: humanitiesSecretary, chair: 'chair.his@test.example' },
      {
        code: 'SN-MAT',
        name: 'Mathematics',
        secretary: humanitiesSecretary,
        chair: 'chair.mat@test.example',
      },
      {
        code: 'SN-DAT',
        name: { en: 'Computing', da: 'Datalogi' },
        secretary: computingSecretary,
        chair: 'chair.dat@test.example',
      },
    ].map((board) => ({ ...board, faculty: 'HUM' })),
    managers: [],
  });
  if (!parsed.success) throw new Error(`test config is invalid: ${parsed.error.message}`);
  return parsed.data;
})();
const spring: IdentificationPeriod = { term: 'spring', year: 2026 };

let database: Database;
let storage: PrismaIdentificationStorage;
let reminded: { boardCodes: readonly string[]; period: IdentificationPeriod }[];
let bot: TrafiklysBot;

beforeAll(async () => {
  database = await openTestDatabase();
  storage = new PrismaIdentificationStorage(database.prisma);
  await mirrorInstitution(database.prisma, config);
  bot = botWithCprKey(createCprCipher(randomBytes(32)));
});

/** The core with the real importer; `cipher` null is a deployment without TRAFIKLYS_CPR_KEY. */
function botWithCprKey(cipher: CprCipher | null): TrafiklysBot {
  const now = () => new Date('2026-04-06T06:00:00Z');
  return new TrafiklysBot({
    config,
    storage,
    exclusions: new PrismaExclusions(database.prisma, storage),
    now,
    importShared: sharedExportImporter({ config, storage, cipher, now, metrics: { import: () => {} } }),
    remind: async (boardCodes, period) => {
      reminded.push({ boardCodes, period });
      return [];
    },
  });
}
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  reminded = [];
  await database.prisma
    .$executeRaw`TRUNCATE student_result, identification_cycle, student, audit_event CASCADE`;
});

const person = (email: string): BotActor => ({
  surface: 'console',
  userId: email,
  email,
  displayName: email,
  locale: 'en-GB',
});
const directChat = (email: string): ConversationRef => ({
  surface: 'console',
  conversationId: `@${email}`,
  kind: 'direct',
});
const boardChannel = (code: string): ConversationRef => ({
  surface: 'console',
  conversationId: code.toLowerCase(),
  kind: 'channel',
});

const active = { lastPassedOn: '2026-01-20', ectsExpected: 60, ectsPassed: 60 };
const row = (studentId: string, boardCode: string, input: ProgressRowInput = {}): ProgressRowInput => ({
  ...active,
  studentId,
  name: `Student ${studentId}`,
  boardCode,
  ...input,
});

/** The institution's export: every board's students in one file, as the register writes it. */
const institutionExport = [
  row('H1', 'SN-HIS', { ectsPassed: 30 }),
  row('H2', 'SN-HIS'),
  row('M1', 'SN-MAT'),
  row('D1', 'SN-DAT', { name: 'Dorte Datalog', nationalId: '010190-1234' }),
];

async function share(
  actor: BotActor,
  conversation: ConversationRef,
  rows: readonly ProgressRowInput[],
  name = 'spring.csv',
): Promise<BotReply> {
  return bot.fileShared(actor, conversation, { name, bytes: progressExportCsv(rows) });
}

function textOf(reply: BotReply): string {
  return reply.kind === 'message' ? reply.message.fallbackText : `(${reply.kind})`;
}

async function ownStudentsOf(boardCode: string): Promise<string[]> {
  const cycle = await storage.findCycle(boardCode, spring);
  if (!cycle) return [];
  return (await storage.reviewList(cycle.id))
    .filter((student) => student.routing !== 'forwarded_in')
    .map((student) => student.studentNumber)
    .sort();
}

describe(`an export shared with the bot (${testDatabaseEngine()})`, () => {
  it('when the reminders cannot be updated just now, the export is still imported and the reply says both', async () => {
    const now = () => new Date('2026-04-06T06:00:00Z');
    const stalled = new TrafiklysBot({
      config,
      storage,
      exclusions: new PrismaExclusions(database.prisma, storage),
      now,
      importShared: sharedExportImporter({
        config,
        storage,
        cipher: null,
        now,
        metrics: { import: () => {} },
      }),
      remind: async () => {
        throw new CodedError('reminder.failed', 'the reminder could not be sent (deadlock_detected)');
      },
    });

    const reply = await stalled.fileShared(person(computingSecretary), boardChannel('SN-DAT'), {
      name: 'spring.csv',
      bytes: progressExportCsv([row('D1', 'SN-DAT')]),
    });
    const remindNow = await stalled.command(person(computingSecretary), boardChannel('SN-DAT'), 'remind now');

    expect(await ownStudentsOf('SN-DAT')).toEqual(['D1']);
    expect(textOf(reply)).toContain('The export has been imported: spring.csv as of 6 April 2026, 1 student');
    expect(textOf(reply)).toContain(
      "The reminder could not be sent just now. Trafiklys tries again in a minute and for some hours after, and tells the board's secretary if it never gets through.",
    );
    expect(textOf(remindNow)).toBe(
      "The reminder could not be sent just now. Trafiklys tries again in a minute and for some hours after, and tells the board's secretary if it never gets through.",
    );
  });

  it('a secretary of two boards shares the institution’s export in a direct chat: both boards are imported, both reminders updated', async () => {
    const reply = await share(
      person(humanitiesSecretary),
      directChat(humanitiesSecretary),
      institutionExport,
    );

    expect(await ownStudentsOf('SN-HIS')).toEqual(['H1', 'H2']);
    expect(await ownStudentsOf('SN-MAT')).toEqual(['M1']);
    expect(reminded).toEqual([{ boardCodes: ['SN-HIS', 'SN-MAT'], period: spring }]);
    expect(reply).toMatchObject({ kind: 'message', visibility: 'conversation' });
    expect(textOf(reply)).toBe(
      [
        'The export has been imported: spring.csv as of 6 April 2026, 3 students, 0 of them out of scope.',
        'History: 2 students, imported for spring 2026.',
        'Mathematics: 1 student, imported for spring 2026.',
        '1 row of another study board was left out.',
      ].join('\n'),
    );
  });

  it('rows of a board the secretary does not import for are left out unstored and unnamed; a board of theirs missing from the file is named and left as it was', async () => {
    await share(
      person(humanitiesSecretary),
      directChat(humanitiesSecretary),
      [row('M0', 'SN-MAT')],
      'mat.csv',
    );
    const mathematicsBefore = await storage.findCycle('SN-MAT', spring);

    const reply = await share(person(humanitiesSecretary), directChat(humanitiesSecretary), [
      row('H1', 'SN-HIS'),
      row('D1', 'SN-DAT', { name: 'Dorte Datalog', nationalId: '010190-1234' }),
      row('D2', 'SN-DAT'),
    ]);

    expect(await storage.findCycle('SN-DAT', spring)).toBeNull();
    expect(await database.prisma.student.count({ where: { studentNumber: { in: ['D1', 'D2'] } } })).toBe(0);
    expect(await storage.findCycle('SN-MAT', spring)).toEqual(mathematicsBefore);
    expect(reminded.at(-1)).toEqual({ boardCodes: ['SN-HIS'], period: spring });
    const text = textOf(reply);
    expect(text).toContain('History: 1 student, imported for spring 2026.');
    expect(text).toContain(
      'The file has no rows for Mathematics, so its own students were left as they were.',
    );
    expect(text).toContain('2 rows of other study boards were left out.');
    for (const detail of ['Dorte', 'D1', 'D2', '010190', '1234', 'Computing', 'SN-DAT'])
      expect(text).not.toContain(detail);
  });

  it('a file with none of the secretary’s boards stores nothing and says which boards they import for', async () => {
    const reply = await share(person(humanitiesSecretary), directChat(humanitiesSecretary), [
      row('D1', 'SN-DAT'),
    ]);

    expect(textOf(reply)).toBe(
      'You import exports for History and Mathematics, and spring.csv has no rows for any of them, so nothing was stored.',
    );
    expect(await database.prisma.identificationCycle.count()).toBe(0);
    expect(await database.prisma.student.count()).toBe(0);
    expect(reminded).toEqual([]);
  });

  it('the secretary of one board imports that board from a direct chat, as before', async () => {
    const reply = await share(person(computingSecretary), directChat(computingSecretary), institutionExport);

    expect(await ownStudentsOf('SN-DAT')).toEqual(['D1']);
    expect(await storage.findCycle('SN-HIS', spring)).toBeNull();
    expect(reminded).toEqual([{ boardCodes: ['SN-DAT'], period: spring }]);
    expect(textOf(reply)).toBe(
      [
        'The export has been imported: spring.csv as of 6 April 2026, 1 student, 0 of them out of scope.',
        '3 rows of other study boards were left out.',
      ].join('\n'),
    );
  });

  it('in a board’s channel the export is imported for that board only, even from a secretary of several boards', async () => {
    const reply = await share(person(humanitiesSecretary), boardChannel('SN-HIS'), institutionExport);
    const again = await share(person(humanitiesSecretary), boardChannel('SN-HIS'), institutionExport);

    expect(await ownStudentsOf('SN-HIS')).toEqual(['H1', 'H2']);
    expect(await storage.findCycle('SN-MAT', spring)).toBeNull();
    expect(reminded).toEqual([
      { boardCodes: ['SN-HIS'], period: spring },
      { boardCodes: ['SN-HIS'], period: spring },
    ]);
    expect(textOf(reply)).toBe(
      [
        'The export has been imported: spring.csv as of 6 April 2026, 2 students, 0 of them out of scope.',
        '2 rows of other study boards were left out.',
      ].join('\n'),
    );
    expect(textOf(again)).toContain(
      'spring.csv has already been imported for spring 2026; nothing has changed.',
    );
  });

  it('in a board’s channel, a file without a row of that board stores nothing and says so', async () => {
    const reply = await share(person(humanitiesSecretary), boardChannel('SN-HIS'), [row('M1', 'SN-MAT')]);

    expect(textOf(reply)).toBe('spring.csv has no rows for History, so nothing was stored.');
    expect(await database.prisma.identificationCycle.count()).toBe(0);
    expect(reminded).toEqual([]);
  });

  it('a bad row anywhere in the file rejects it whole, even in a board the secretary does not import for', async () => {
    const reply = await share(person(humanitiesSecretary), directChat(humanitiesSecretary), [
      row('H1', 'SN-HIS'),
      row('D1', 'SN-DAT', { rawCells: { ects_passed: 'fifteen' } }),
    ]);

    expect(textOf(reply)).toBe(
      [
        'spring.csv could not be used, and nothing from it was stored:',
        'line 3, column ects_passed: "fifteen" is not a number',
        'Please correct the file and upload it again.',
      ].join('\n'),
    );
    expect(await database.prisma.identificationCycle.count()).toBe(0);
  });

  it('a Danish reader is told in Danish what is wrong with a file, an English reader in English, and neither sees the CPR number', async () => {
    const file = {
      name: 'forår.csv',
      bytes: progressExportCsv(
        [
          row('H1', 'SN-HIS'),
          row('H2', 'SN-HIS', {
            nationalId: '320190-1234',
            rawCells: { ects_passed: 'femten', enrolment_type: 'fuldtid' },
          }),
        ],
        { notation: danishExcelNotation },
      ),
    };
    const dane = { ...person(humanitiesSecretary), locale: 'da-DK' };

    const danish = textOf(await bot.fileShared(dane, boardChannel('SN-HIS'), file));
    const english = textOf(await bot.fileShared(person(humanitiesSecretary), boardChannel('SN-HIS'), file));

    expect(danish).toBe(
      [
        'Filen forår.csv kunne ikke bruges, og intet fra den er gemt:',
        'linje 3, kolonne CPR: værdien er ikke et CPR-nummer (DDMMÅÅ-XXXX eller DDMMÅÅXXXX)',
        'linje 3, kolonne Indskrivningstype: »fuldtid« er ikke en indskrivningstype (ordinær, enkeltfag, gæst, udveksling eller ordinary, single-subject, guest, exchange)',
        'linje 3, kolonne Beståede ECTS: »femten« er ikke et tal',
        'Ret filen og upload den igen.',
      ].join('\n'),
    );
    expect(english).toBe(
      [
        'forår.csv could not be used, and nothing from it was stored:',
        'line 3, column CPR: not a CPR number (DDMMYY-XXXX or DDMMYYXXXX)',
        'line 3, column Indskrivningstype: "fuldtid" is not an enrolment type (ordinary, single-subject, guest, exchange or ordinær, enkeltfag, gæst, udveksling)',
        'line 3, column Beståede ECTS: "femten" is not a number',
        'Please correct the file and upload it again.',
      ].join('\n'),
    );
    for (const digits of ['320190', '3201901234']) {
      expect(danish).not.toContain(digits);
      expect(english).not.toContain(digits);
    }
    expect(await database.prisma.identificationCycle.count()).toBe(0);
  });

  it('a file with CPR numbers while no key is set stores nothing and tells the reader, in their language, what to ask for', async () => {
    const withoutKey = botWithCprKey(null);
    const danishSecretary = { ...person(computingSecretary), locale: 'da-DK' };

    const reply = await withoutKey.fileShared(danishSecretary, boardChannel('SN-DAT'), {
      name: 'dat.csv',
      bytes: progressExportCsv([row('D1', 'SN-DAT', { nationalId: '010190-1234' })]),
    });

    expect(textOf(reply)).toBe(
      'dat.csv indeholder CPR-numre, og de gemmes kun krypteret, men Trafiklys har ingen nøgle til det (TRAFIKLYS_CPR_KEY). Intet er gemt. Bed den, der driver Trafiklys, om at oprette en nøgle (npx trafiklys key generate), og del så filen igen.',
    );
    // The command is code on every surface (Slack, Teams, the console), not backticks shown as they are.
    expect(reply).toMatchObject({
      message: {
        blocks: [
          {
            type: 'text',
            content: expect.arrayContaining([
              { kind: 'styled', text: 'npx trafiklys key generate', code: true },
            ]),
          },
        ],
      },
    });
    expect(await storage.findCycle('SN-DAT', spring)).toBeNull();
  });

  it('a board is named in its reader’s language where the configuration gives one', async () => {
    const reply = await share({ ...person(computingSecretary), locale: 'da-DK' }, boardChannel('SN-DAT'), [
      row('H1', 'SN-HIS'),
    ]);
    expect(textOf(reply)).toContain('Datalogi');
    const english = await share(person(computingSecretary), boardChannel('SN-DAT'), [row('H1', 'SN-HIS')]);
    expect(textOf(english)).toContain('Computing');
    expect(textOf(english)).not.toContain('Datalogi');
  });

  it('a board’s channel the person does not import for refuses the file', async () => {
    const reply = await share(person(computingSecretary), boardChannel('SN-HIS'), institutionExport);

    expect(reply).toMatchObject({ visibility: 'only_actor' });
    expect(textOf(reply)).toContain('You are not allowed to import exports');
    expect(await database.prisma.identificationCycle.count()).toBe(0);
  });

  it('when the mails of one of the secretary’s boards were sent, nothing from the file is stored for any board, and the reply names that board', async () => {
    await share(person(humanitiesSecretary), boardChannel('SN-MAT'), [row('M1', 'SN-MAT')], 'mat.csv');
    await database.prisma.identificationCycle.updateMany({
      where: { boardCode: 'SN-MAT' },
      data: { status: 'dispatched', mailsSentAt: new Date() },
    });
    reminded = [];

    const reply = await share(
      person(humanitiesSecretary),
      directChat(humanitiesSecretary),
      institutionExport,
    );

    expect(textOf(reply)).toBe(
      'The mails for Mathematics, spring 2026, have already been sent, so its identification can no longer be replaced by a new export. Nothing from spring.csv was stored: a file is imported whole or not at all.',
    );
    expect(await storage.findCycle('SN-HIS', spring)).toBeNull();
    expect(await storage.findCycle('SN-MAT', spring)).toMatchObject({ sourceFileName: 'mat.csv' });
    expect(reminded).toEqual([]);
  });

  it('shared first in one board’s channel, the same export shared in a direct chat still stores the other board’s own students', async () => {
    // H1 takes a side subject at SN-MAT: importing SN-HIS creates SN-MAT's cycle for her.
    const file = [row('H1', 'SN-HIS', { sideSubjectBoard: 'SN-MAT' }), row('M1', 'SN-MAT')];
    await share(person(humanitiesSecretary), boardChannel('SN-HIS'), file);

    await share(person(humanitiesSecretary), directChat(humanitiesSecretary), file);

    expect(await ownStudentsOf('SN-MAT')).toEqual(['M1']);
  });

  it('someone who imports for no board is refused in a direct chat; a channel of no board is not the place', async () => {
    const dean = person('dean@test.example');

    const direct = await share(dean, directChat('dean@test.example'), institutionExport);
    const elsewhere = await share(person(humanitiesSecretary), boardChannel('random'), institutionExport);

    expect(textOf(direct)).toContain('You are not allowed to import exports');
    expect(textOf(elsewhere)).toBe(
      'Exports are imported in a study board’s own channel, or in a direct message to Trafiklys. Share the file there.',
    );
    expect(await database.prisma.identificationCycle.count()).toBe(0);
  });
});
