import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotActor, BotReply, ConversationRef } from '../../src/bot/bot-requests.js';
import { parseInstitutionConfig } from '../../src/config/institution-config.js';
import type { Block } from '../../src/messages/message-model.js';
import { defaultIdentificationRules } from '../../src/procedures/at-risk/identification-rules.js';
import { importIdentification } from '../../src/procedures/at-risk/import-identification.js';
import { readProgressExport } from '../../src/procedures/at-risk/progress-export/read-progress-export.js';
import type { Database } from '../../src/storage/database.js';
import { mirrorInstitution } from '../../src/storage/institution-mirror.js';
import { PrismaIdentificationStorage } from '../../src/storage/prisma-identification-storage.js';
import { progressExportCsv } from '../support/progress-export-builder.js';
import { dateOf } from '../support/progress-row-builder.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';
import { TrafiklysBot } from '../support/trafiklys-bot.js';

const parsed = parseInstitutionConfig({
  institution: { name: 'Test University', language: 'en' },
  faculties: [{ code: 'HUM', name: 'Humanities' }],
  boards: [
    { code: 'SN-HIS', name: 'History', faculty: 'HUM', chair: 'his@x.example', secretary: 'hsec@x.example' },
    {
      code: 'SN-MAT',
      name: 'Mathematics',
      faculty: 'HUM',
      chair: 'mat@x.example',
      secretary: 'msec@x.example',
    },
  ],
});
if (!parsed.success) throw new Error(parsed.error.message);
const config = parsed.data;

let database: Database;
let bot: TrafiklysBot;
beforeAll(async () => {
  database = await openTestDatabase();
  const storage = new PrismaIdentificationStorage(database.prisma);
  await mirrorInstitution(database.prisma, config);
  const active = { lastPassedOn: '2026-01-20', ectsExpected: 60 };
  await importIdentification(storage, {
    progressExport: await readProgressExport(
      progressExportCsv([
        { ...active, studentId: 'M1', name: 'Mads Own', boardCode: 'SN-MAT', ectsPassed: 40 },
        // A History student with Mathematics as her side subject: Mathematics receives her.
        {
          ...active,
          studentId: 'H1',
          name: 'Hanne Side',
          boardCode: 'SN-HIS',
          sideSubjectBoard: 'SN-MAT',
          ectsPassed: 30,
        },
        // A guest with more ECTS than expected: counted, not assessed.
        {
          ...active,
          studentId: 'M2',
          name: 'Gita Guest',
          boardCode: 'SN-MAT',
          enrolmentType: 'guest',
          ectsPassed: 75,
        },
      ]),
      { fileName: 'spring.csv' },
    ),
    asOf: dateOf('2026-04-06'),
    rules: defaultIdentificationRules,
    knownBoards: new Set(['SN-HIS', 'SN-MAT']),
    actor: 'test',
    cipher: null,
  });
  bot = new TrafiklysBot({
    config,
    storage,
    now: () => new Date('2026-04-06T06:00:00Z'),
    remind: async () => [],
    importShared: async () => {
      throw new Error('not in this test');
    },
  });
});
afterAll(async () => {
  await database?.close();
});

const chair: BotActor = {
  surface: 'console',
  userId: 'mat',
  email: 'mat@x.example',
  displayName: 'Mat',
  locale: 'en-GB',
};
const channel: ConversationRef = { surface: 'console', conversationId: 'sn-mat', kind: 'channel' };

function blocksOf(reply: BotReply): readonly Block[] {
  if (reply.kind !== 'message') throw new Error(`expected a message, got ${reply.kind}`);
  return reply.message.blocks;
}

describe(`the review list (${testDatabaseEngine()})`, () => {
  it('says why it holds more students than the reminder counts: side-subject students received from other boards', async () => {
    const blocks = blocksOf(
      await bot.action(chair, channel, { actionId: 'at-risk.review', value: 'SN-MAT|spring|2026' }),
    );

    expect(blocks).toContainEqual({
      type: 'context',
      content: [
        "The list also holds 1 side-subject student received from another study board. The reminder's counts leave that student out: they count at the home board.",
      ],
    });
  });

  it('shows no ECTS behind or delay for an out-of-scope student, who is counted but not assessed', async () => {
    const blocks = blocksOf(
      await bot.action(chair, channel, { actionId: 'at-risk.review', value: 'SN-MAT|spring|2026' }),
    );
    const table = blocks.find((block) => block.type === 'table');
    if (table?.type !== 'table') throw new Error('no table in the review list');

    const guest = table.rows.find((row) => row.includes('Gita Guest'));
    expect(guest?.slice(3, 6)).toEqual(['Out of scope', '–', '–']);
    const own = table.rows.find((row) => row.includes('Mads Own'));
    expect(own?.slice(3, 6)).toEqual(['Red', '20', '4.0']);
  });
});
