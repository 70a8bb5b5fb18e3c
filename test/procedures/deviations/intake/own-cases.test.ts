import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BotActor, BotReply } from '../../../../src/bot/bot-requests.js';
import type { Database } from '../../../../src/storage/database.js';
import { people } from '../../../support/deviations-fixture.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';
import { actorOf, aReport, intakeBot, messageText } from './intake-harness.js';

let database: Database;
let bot: ReturnType<typeof intakeBot>;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());
beforeEach(async () => {
  await database.prisma.deviationCase.deleteMany();
  await database.prisma.deviationCaseNumber.deleteMany();
  bot = intakeBot(database);
});

const student = actorOf(people.student);
const otherStudent = actorOf(people.otherStudent, { locale: 'en-GB' });

async function files(actor: BotActor, values: Record<string, string | boolean>): Promise<void> {
  const form = await bot.openForm(actor);
  await bot.submit(actor, form, { ...aReport, ...values });
}

function privateText(reply: BotReply): string {
  if (reply.kind !== 'message' || reply.visibility !== 'only_actor')
    throw new Error(`expected a private message, got ${JSON.stringify(reply)}`);
  return messageText(reply.message);
}

describe(`/avvik status (${testDatabaseEngine()})`, () => {
  it('lists her own cases, newest first, and not another student’s', async () => {
    await files(student, { category: 'timetabling' });
    await files(otherStudent, { unit: 'course:MA1101', description: 'Not hers.' });
    bot.clock.advanceDays(2);
    await files(student, { unit: 'programme:MTDT', category: 'information_flow' });
    // A report owner rejected her first report (with a reason meant for her only).
    const [, first] = await bot.store.casesOfReporter(people.student);
    await bot.store.step(
      first?.id ?? '',
      'reject',
      { email: people.ownerIe1, name: 'Ida Owner' },
      {
        reason: 'Handled by the timetabling office.',
        closedAt: bot.clock.now(),
      },
    );

    const text = privateText(await bot.command(student, 'status'));
    expect(text).toBe(
      [
        'Your deviation reports',
        'No. | Category | Programme or course | Status | Received | Deadline',
        '2026-0003 | Information flow | Computer Science (MSc) (MTDT) | Received | 15 October 2026 | 12 November 2026',
        '2026-0001 | Timetabling | Object-oriented programming (TDT4100) | Rejected | 13 October 2026 | –',
      ].join('\n'),
    );
    // Nothing of the internal handling, and nothing of another's case.
    expect(text).not.toContain('timetabling office');
    expect(text).not.toContain('2026-0002');
  });

  it('any configured name and any case of the word works; in the reader’s language', async () => {
    await files(student, {});
    const danish = actorOf(people.student, { locale: 'da-DK' });
    const text = privateText(await bot.command(danish, 'STATUS', 'afvigelse'));
    expect(text).toContain('Dine indberetninger');
    expect(text).toContain('Nr. | Kategori | Uddannelse eller kursus | Status | Modtaget | Frist');
    expect(text).toContain('2026-0001 | Skemalægning | Object-oriented programming (TDT4100) | Modtaget');
  });

  it('the word followed by more text is a report beginning with it, not the list', async () => {
    const reply = await bot.command(student, 'status screens in R7 show the wrong timetable');
    expect(
      reply.kind === 'form' && reply.form.fields.find((field) => field.id === 'description'),
    ).toMatchObject({
      initialValue: 'status screens in R7 show the wrong timetable',
    });
  });

  it('with no cases it says how to report one', async () => {
    expect(privateText(await bot.command(otherStudent, 'status'))).toBe(
      'You have not reported any deviations. Type /deviation to report one.',
    );
    const onTeams = actorOf(people.otherStudent, { locale: 'en-GB', surface: 'teams' });
    const reply = await bot.router.command(
      onTeams,
      { surface: 'teams', conversationId: 'T1', kind: 'direct' },
      'deviation status',
    );
    expect(privateText(reply)).toBe(
      'You have not reported any deviations. Type @Trafiklys deviation to report one.',
    );
  });

  it('without an e-mail address there is nobody to look up', async () => {
    expect(privateText(await bot.command(actorOf(null, { locale: 'en-GB' }), 'status'))).toBe(
      'Trafiklys does not know your e-mail address, so a report cannot be filed in your name. Ask your administrator to link your account to your e-mail address.',
    );
  });
});
