import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseInstitutionConfig } from '../../../../src/config/institution-config.js';
import { defaultIdentificationRules } from '../../../../src/procedures/at-risk/identification-rules.js';
import { importIdentification } from '../../../../src/procedures/at-risk/import-identification.js';
import { readProgressExport } from '../../../../src/procedures/at-risk/progress-export/read-progress-export.js';
import {
  type ReminderComposer,
  type ReminderContent,
  sendExamPeriodReminders,
} from '../../../../src/procedures/at-risk/reminder/send-exam-period-reminders.js';
import type { Database } from '../../../../src/storage/database.js';
import { mirrorInstitution } from '../../../../src/storage/institution-mirror.js';
import { PrismaIdentificationStorage } from '../../../../src/storage/prisma-identification-storage.js';
import { PrismaReminderDeliveries } from '../../../../src/storage/prisma-reminder-deliveries.js';
import { progressExportCsv } from '../../../support/progress-export-builder.js';
import { dateOf } from '../../../support/progress-row-builder.js';
import { RecordingSurface } from '../../../support/recording-surface.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';

const parsed = parseInstitutionConfig({
  institution: { name: 'Test University' },
  faculties: [{ code: 'HUM', name: 'Humanities' }],
  departments: [{ code: 'CULT', name: 'Culture', faculty: 'HUM' }],
  boards: [
    {
      code: 'SN-HIS',
      name: 'History',
      faculty: 'HUM',
      department: 'CULT',
      chair: 'chair@x.example',
      secretary: 'secretary@x.example',
      channels: { slack: 'C0HISTORY', console: 'sn-his' },
    },
    {
      code: 'SN-PHI',
      name: 'Philosophy',
      faculty: 'HUM',
      chair: 'phi@x.example',
      secretary: 'phisec@x.example',
    },
  ],
  managers: [
    { role: 'head_of_department', email: 'hod@x.example', scope: { department: 'CULT' } },
    { role: 'student_services', email: 'services@x.example', scope: 'institution' },
    { role: 'dean', email: 'dean@x.example', scope: { faculty: 'HUM' } },
  ],
});
if (!parsed.success) throw new Error(parsed.error.message);
const config = parsed.data;
const period = { term: 'spring', year: 2026 } as const;

let database: Database;
let storage: PrismaIdentificationStorage;
beforeAll(async () => {
  database = await openTestDatabase();
  storage = new PrismaIdentificationStorage(database.prisma);
  await mirrorInstitution(database.prisma, config);
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  await database.prisma
    .$executeRaw`TRUNCATE reminder_delivery, student_result, identification_cycle, student, audit_event CASCADE`;
});

/** Writes down what it was asked to say, so tests can read it. */
class DescribingComposer implements ReminderComposer {
  readonly contents: ReminderContent[] = [];
  async compose(content: ReminderContent) {
    this.contents.push(content);
    const what = content.cycle ? `summary red=${content.cycle.counts.red}` : 'upload request';
    const to = content.copyFor ? `copy for ${content.copyFor.email}` : 'channel';
    return { fallbackText: `${content.board.code} ${what} (${to})`, blocks: [] };
  }
}

const everyone = new Map([
  ['chair@x.example', { displayName: 'Chair' }],
  ['secretary@x.example', { displayName: 'Secretary' }],
  ['hod@x.example', { displayName: 'Head', locale: 'en-GB' }],
  ['phi@x.example', { displayName: 'Phi' }],
  ['phisec@x.example', { displayName: 'Phisec' }],
]);

function remind(surfaces: RecordingSurface[], composer = new DescribingComposer()) {
  return sendExamPeriodReminders(
    {
      config,
      storage,
      deliveries: new PrismaReminderDeliveries(database.prisma, 'the-only-instance'),
      surfaces,
      composer,
      now: () => new Date('2026-04-06T07:00:00Z'),
    },
    { period },
  );
}

async function importSpring(rows: Parameters<typeof progressExportCsv>[0]) {
  await importIdentification(storage, {
    progressExport: await readProgressExport(progressExportCsv(rows), { fileName: 'spring.csv' }),
    asOf: dateOf('2026-04-06'),
    rules: defaultIdentificationRules,
    knownBoards: new Set(['SN-HIS', 'SN-PHI']),
    actor: 'test',
    cipher: null,
  });
}

describe(`the exam-period reminder (${testDatabaseEngine()})`, () => {
  it('posts each board’s summary in its channel on every surface it has one, and copies it to the managers over the board', async () => {
    await importSpring([
      { boardCode: 'SN-HIS', lastPassedOn: '2026-01-20', ectsExpected: 60, ectsPassed: 30 },
      { boardCode: 'SN-PHI', lastPassedOn: '2026-01-20' },
    ]);
    const slack = new RecordingSurface('slack', everyone);
    const consoleSurface = new RecordingSurface('console', everyone);
    const reports = await remind([slack, consoleSurface]);

    // The channel and the copies go out side by side, and boards in parallel: posts may come in any order.
    expect(slack.posts.map((post) => [post.destination, post.message.fallbackText])).toEqual(
      expect.arrayContaining([
        [{ kind: 'channel', channelId: 'C0HISTORY' }, 'SN-HIS summary red=1 (channel)'],
        [{ kind: 'direct', email: 'hod@x.example' }, 'SN-HIS summary red=1 (copy for hod@x.example)'],
      ]),
    );
    expect(slack.posts).toHaveLength(2);
    expect(consoleSurface.posts.map((post) => post.message.fallbackText).sort()).toEqual([
      'SN-HIS summary red=1 (channel)',
      'SN-HIS summary red=1 (copy for hod@x.example)',
      'SN-PHI summary red=0 (channel)',
    ]);
    // The dean gets no copy (not one of the procedure's roles); student services could not be reached.
    expect(reports).toContainEqual({
      boardCode: 'SN-HIS',
      surface: 'slack',
      recipient: 'services@x.example',
      outcome: 'unreachable',
    });
    expect(reports).toContainEqual({
      boardCode: 'SN-PHI',
      surface: 'slack',
      recipient: 'channel',
      outcome: 'no_channel',
    });
  });

  it('the channel summary names who could not be reached, and a copy is written in its reader’s language', async () => {
    await importSpring([{ boardCode: 'SN-HIS', lastPassedOn: '2026-01-20' }]);
    const composer = new DescribingComposer();
    await remind([new RecordingSurface('slack', everyone)], composer);
    const [channel, copy] = composer.contents;
    expect(channel?.unreachable.map((person) => person.email)).toEqual(['services@x.example']);
    expect(channel?.locale).toBeNull();
    expect(copy).toMatchObject({ copyFor: { email: 'hod@x.example' }, locale: 'en-GB' });
    expect(channel?.recipients).toMatchObject({
      chair: { email: 'chair@x.example' },
      secretary: { email: 'secretary@x.example' },
    });
  });

  it('without an export it asks for one; after the import the same message becomes the summary', async () => {
    const slack = new RecordingSurface('slack', everyone);
    await remind([slack]);
    // The channel and the copies go out side by side: in either order.
    expect(slack.posts.map((post) => post.message.fallbackText).sort()).toEqual([
      'SN-HIS upload request (channel)',
      'SN-HIS upload request (copy for hod@x.example)',
    ]);
    await importSpring([
      { boardCode: 'SN-HIS', lastPassedOn: '2026-01-20', ectsExpected: 60, ectsPassed: 40 },
    ]);
    await remind([slack]);
    expect(slack.posts).toHaveLength(2);
    expect(slack.updates.map((update) => update.message.fallbackText).sort()).toEqual([
      'SN-HIS summary red=1 (channel)',
      'SN-HIS summary red=1 (copy for hod@x.example)',
    ]);
  });

  it('running it again posts nothing twice', async () => {
    await importSpring([{ boardCode: 'SN-HIS', lastPassedOn: '2026-01-20' }]);
    const slack = new RecordingSurface('slack', everyone);
    await remind([slack]);
    const again = await remind([slack]);
    expect(slack.posts).toHaveLength(2);
    expect(slack.updates).toHaveLength(0);
    expect(again.filter((report) => report.outcome === 'unchanged')).toHaveLength(2);
  });
});
