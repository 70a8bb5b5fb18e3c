import { describe, expect, it } from 'vitest';
import { parseInstitutionConfig } from '../../../../../src/config/institution-config.js';
import type { Block, ImageRef } from '../../../../../src/messages/message-model.js';
import type { CycleRecord } from '../../../../../src/procedures/at-risk/identification-store.js';
import { ReminderMessageComposer } from '../../../../../src/procedures/at-risk/reminder/presenters/reminder-message.js';
import { recipientsOf } from '../../../../../src/procedures/at-risk/reminder/reminder-recipients.js';
import type { ReminderContent } from '../../../../../src/procedures/at-risk/reminder/send-exam-period-reminders.js';
import { parseIsoDate } from '../../../../../src/shared/calendar-date.js';

const parsed = parseInstitutionConfig({
  institution: { name: 'Test University', language: 'da' },
  faculties: [{ code: 'TECH', name: { da: 'Det Tekniske Fakultet', en: 'Faculty of Engineering' } }],
  departments: [{ code: 'CS', name: 'Computer Science', faculty: 'TECH' }],
  boards: [
    {
      code: 'SN-DAT',
      name: { da: 'Studienævn for Datalogi', en: 'Study Board of Computer Science' },
      faculty: 'TECH',
      department: 'CS',
      chair: 'chair@x.example',
      secretary: 'secretary@x.example',
    },
  ],
  managers: [{ role: 'head_of_department', email: 'hod@x.example', scope: { department: 'CS' } }],
});
if (!parsed.success) throw new Error(parsed.error.message);
const config = parsed.data;
const board = config.boards[0]!;
const period = { term: 'spring', year: 2026 } as const;

const cycle = (term: 'spring' | 'autumn', year: number, red: number): CycleRecord => ({
  id: `${term}-${year}`,
  boardCode: board.code,
  term,
  year,
  referenceDate: parseIsoDate(`${year}-${term === 'spring' ? '04' : '10'}-01`)!,
  sourceFileName: 'export.csv',
  sourceFileHash: 'hash',
  status: 'draft',
  importCount: 1,
  importedAt: new Date('2026-04-06T07:00:00Z'),
  mailsSentAt: null,
  counts: { green: 100, yellow: 12, red, blue: 3, out_of_scope: 4 },
  forwardedOut: 0,
  forwardedIn: 0,
  noEmail: 0,
  uncontactedOverdue: 0,
});
const autumn = cycle('autumn', 2025, 7);
const spring = cycle('spring', 2026, 9);

function content(reader: { copyFor: string; locale: string } | null): ReminderContent {
  return {
    board,
    period,
    cycle: spring,
    comparison: {
      previous: { id: autumn.id, term: 'autumn', year: 2025, counts: autumn.counts },
      change: { green: 0, yellow: 0, red: 2, blue: 0 },
      newlyRed: ['S1', 'S2'],
      leftRed: [],
    },
    history: [autumn, spring],
    recipients: recipientsOf(board, config),
    unreachable: [],
    copyFor: reader ? { email: reader.copyFor, displayName: 'Head' } : null,
    locale: reader?.locale ?? null,
  };
}

const imagesOf = (blocks: readonly Block[]): ImageRef[] =>
  blocks.flatMap((block) => (block.type === 'image' ? [block.image] : []));

describe('the reminder as a message', () => {
  it('names the board in the reader’s language: the channel in the institution’s, a copy in its reader’s', async () => {
    const composer = new ReminderMessageComposer('da', 12);

    const inChannel = await composer.compose(content(null));
    const englishCopy = await composer.compose(content({ copyFor: 'hod@x.example', locale: 'en-GB' }));

    expect(inChannel.fallbackText).toBe(
      'Identifikation af frafaldstruede studerende – forår 2026 – Studienævn for Datalogi',
    );
    expect(englishCopy.fallbackText).toBe('At-risk students – spring 2026 – Study Board of Computer Science');
    expect(JSON.stringify(inChannel)).not.toContain('Study Board of Computer Science');
  });

  it('shows the category and trend charts, drawn once for the channel and a copy in the same language', async () => {
    const composer = new ReminderMessageComposer('da', 12);

    const inChannel = imagesOf((await composer.compose(content(null))).blocks);
    const danishCopy = imagesOf(
      (await composer.compose(content({ copyFor: 'hod@x.example', locale: 'da-DK' }))).blocks,
    );
    const englishCopy = imagesOf(
      (await composer.compose(content({ copyFor: 'hod@x.example', locale: 'en-GB' }))).blocks,
    );

    expect(inChannel).toHaveLength(2);
    expect(danishCopy[0]).toBe(inChannel[0]);
    expect(danishCopy[1]).toBe(inChannel[1]);
    expect(englishCopy.map((image) => image.id)).not.toEqual(inChannel.map((image) => image.id));
  });
});
