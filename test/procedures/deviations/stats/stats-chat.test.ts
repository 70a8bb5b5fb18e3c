import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotActor, BotReply } from '../../../../src/bot/bot-requests.js';
import { BotRouter } from '../../../../src/bot/bot-router.js';
import { localeFormat } from '../../../../src/i18n/locale-format.js';
import type { Block, Message, RichText } from '../../../../src/messages/message-model.js';
import { plainTextOf } from '../../../../src/messages/plain-text.js';
import { deviationsChat } from '../../../../src/procedures/deviations/module.js';
import { statisticsCsv } from '../../../../src/procedures/deviations/presenters/stats/statistics-csv.js';
import { deviationTexts } from '../../../../src/procedures/deviations/texts/deviation-texts.js';
import { UnitDirectory } from '../../../../src/procedures/deviations/unit-directory.js';
import { askForStatistics } from '../../../../src/procedures/deviations/use-cases/stats/ask-for-statistics.js';
import { statisticsReport } from '../../../../src/procedures/deviations/use-cases/stats/statistics-report.js';
import type { Database } from '../../../../src/storage/database.js';
import { hasPngSignature } from '../../../charts/png-header.js';
import {
  deviationDependencies,
  deviationsInstitution,
  people,
  TestClock,
} from '../../../support/deviations-fixture.js';
import { RecordingSurface } from '../../../support/recording-surface.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';
import { expectedIe2026, expectedLastThirteenMonths } from './statistics-expected.js';
import {
  fileFixtureCases,
  handler,
  ordinaryDescription,
  reporter,
  sensitiveDescription,
  sensitiveWhereWhen,
  statisticsNow,
} from './statistics-fixture.js';

const config = deviationsInstitution();
const section = config.deviations;
if (section === null) throw new Error('the test institution has no deviations section');

function actor(email: string | null, locale = 'en-GB'): BotActor {
  return { surface: 'slack', userId: `U-${email}`, email, displayName: email ?? 'someone', locale };
}
const directMessage = { surface: 'slack', conversationId: 'D1', kind: 'direct' } as const;

function messageOf(reply: BotReply): Message {
  if (reply.kind !== 'message') throw new Error(`expected a message, got ${reply.kind}`);
  expect(reply.visibility).toBe('only_actor');
  return reply.message;
}

/** Every word a message carries: fallback, headings, texts, facts, table cells, alt texts and image titles. */
function wordsOf(message: Message): string {
  const inline = (content: RichText) => plainTextOf(content);
  const blockWords = (block: Block): string => {
    switch (block.type) {
      case 'heading':
        return block.text;
      case 'text':
      case 'context':
        return inline(block.content);
      case 'facts':
        return block.facts.map((fact) => `${fact.label}: ${inline(fact.value)}`).join('\n');
      case 'table':
        return [block.columns.map((column) => column.header), ...block.rows]
          .map((row) => row.join(' | '))
          .join('\n');
      case 'image':
        return `${block.title ?? ''} ${block.altText}`;
      default:
        return '';
    }
  };
  return [message.fallbackText, ...message.blocks.map(blockWords)].join('\n');
}

const factsOf = (message: Message) =>
  message.blocks.flatMap((block) =>
    block.type === 'facts' ? block.facts.map((fact) => [fact.label, fact.value.join('')]) : [],
  );
const tablesOf = (message: Message) =>
  message.blocks.flatMap((block) =>
    block.type === 'table' ? [[block.columns[0]?.header, ...block.rows]] : [],
  );
const imagesOf = (message: Message) =>
  message.blocks.flatMap((block) => (block.type === 'image' ? [block] : []));

describe(`deviation statistics in chat (${testDatabaseEngine()})`, () => {
  let database: Database;
  let slack: RecordingSurface;
  let dependencies: ReturnType<typeof deviationDependencies>;
  let bot: BotRouter;
  const ask = (email: string | null, text: string, locale = 'en-GB') =>
    bot.command(actor(email, locale), directMessage, text, 'deviation');

  beforeAll(async () => {
    database = await openTestDatabase();
    slack = new RecordingSurface('slack');
    dependencies = deviationDependencies({
      database,
      surfaces: [slack],
      clock: new TestClock(statisticsNow),
      config,
    });
    await fileFixtureCases(dependencies.store, new UnitDirectory(config, section));
    bot = new BotRouter(config, [deviationsChat(dependencies)]);
  }, 120_000);
  afterAll(async () => database.close());

  it('agree with the hand-computed 200-case fixture when read back from the database', async () => {
    const units = await dependencies.units();
    const common = { timeZone: 'Europe/Oslo', now: statisticsNow };
    const all = await statisticsReport(dependencies.store, {
      ...common,
      facultyCode: null,
      period: { from: { year: 2025, month: 10 }, to: { year: 2026, month: 10 } },
      faculties: units.facultiesWithOwners(),
    });
    expect(all.statistics).toEqual(expectedLastThirteenMonths);
    expect(all.cases).toHaveLength(190);
    const ie = await statisticsReport(dependencies.store, {
      ...common,
      facultyCode: 'IE',
      period: { from: { year: 2026, month: 1 }, to: { year: 2026, month: 12 } },
      faculties: ['IE'],
    });
    expect(ie.statistics).toEqual(expectedIe2026);
  });

  it('the quality department asks without arguments and gets every faculty over the last twelve months and this one, privately', async () => {
    const message = messageOf(await ask(people.quality, 'stats'));
    expect(message.blocks[0]).toEqual({
      type: 'heading',
      text: 'Deviation statistics for all faculties, October 2025\u2009–\u2009October 2026',
    });
    expect(factsOf(message)).toEqual([
      ['Deviations received', '190'],
      ['Median handling time', '15 days (110 finished cases)'],
      ['Open cases past the deadline', '55'],
      ['Finished after the deadline', '33'],
    ]);
    const [byCategory, byFaculty, byState, byMonth] = tablesOf(message);
    expect(byCategory).toEqual([
      'Category',
      ['Information flow', '20'],
      ['Feedback and guidance', '20'],
      ['Teaching and learning forms', '25'],
      ['Exam and assessment forms', '30'],
      ['Timetabling', '30'],
      ['Grading and examiners', '12'],
      ['Reference groups', '8'],
      ['Equipment and premises', '20'],
      ['Universal design and digital learning environment', '10'],
      ['Other', '15'],
    ]);
    expect(byFaculty).toEqual([
      'Faculty',
      ['IE – Faculty of Information Technology and Electrical Engineering', '108'],
      ['NV – Faculty of Natural Sciences', '82'],
    ]);
    expect(byState).toEqual([
      'Status',
      ['Received', '30'],
      ['In handling', '50'],
      ['Closed', '75'],
      ['Rejected', '25'],
      ['Redirected to whistleblowing', '10'],
    ]);
    expect(byMonth?.[0]).toBe('Month');
    expect(byMonth?.slice(1)).toHaveLength(13);
    expect(byMonth?.[1]).toEqual(['Oct 2025', '5', '0']);
    expect(byMonth?.[11]).toEqual(['Aug 2026', '0', '8']);
    expect(byMonth?.[13]).toEqual(['Oct 2026', '15', '0']);

    const [categoryChart, trendChart] = imagesOf(message);
    expect(categoryChart?.altText).toBe(
      'Bar chart of deviations by category: Information flow 20, Feedback and guidance 20, Teaching and learning forms 25, Exam and assessment forms 30, Timetabling 30, Grading and examiners 12, Reference groups 8, Equipment and premises 20, Universal design and digital learning environment 10, Other 15.',
    );
    expect(trendChart?.altText).toMatch(
      /^Bar chart of deviations received and finished by month: Oct 2025: 5 received, 0 finished; Nov 2025: 10 received, 5 finished; .*; Oct 2026: 15 received, 0 finished\.$/,
    );
    expect(categoryChart && hasPngSignature(categoryChart.image.png)).toBe(true);
    expect(trendChart && hasPngSignature(trendChart.image.png)).toBe(true);
    expect(message.blocks.at(-1)).toEqual({
      type: 'context',
      content: [
        'The figures cover cases received in the period (time zone Europe/Oslo). Handling time is calendar days from the day a case was received to the day it was closed, rejected or redirected to whistleblowing, for the cases that have got that far. “Past the deadline” counts open cases as of 15 October 2026 at 12:00. Cases with sensitive personal data are counted, but no text from any case is shown.',
      ],
    });
    // Read only: nobody else is told anything.
    expect(slack.posts).toEqual([]);
  });

  it('a sensitive case’s words, the reporter and the handler never reach the statistics', async () => {
    const message = messageOf(await ask(people.quality, 'stats 2025-01..2026-12'));
    const words = wordsOf(message);
    for (const secret of [
      sensitiveDescription,
      sensitiveWhereWhen,
      'Kari Nordmann',
      ordinaryDescription,
      reporter.name,
      reporter.email,
      handler.name,
      handler.email,
    ])
      expect(words).not.toContain(secret);
    // The sensitive cases (G4 and G9, 20 in all) are counted like any other.
    expect(factsOf(message)[0]).toEqual(['Deviations received', '200']);

    // Nor the statistics object (the CLI's --json) or the export (--csv) of the same cases.
    const report = await statisticsReport(dependencies.store, {
      facultyCode: null,
      period: { from: { year: 2025, month: 1 }, to: { year: 2026, month: 12 } },
      faculties: ['IE', 'NV'],
      timeZone: 'Europe/Oslo',
      now: statisticsNow,
    });
    const exported = `${JSON.stringify(report.statistics)}\n${statisticsCsv(report.cases, statisticsNow, 'Europe/Oslo')}`;
    expect(exported.match(/;yes\r\n/g)).toHaveLength(20);
    for (const secret of [
      sensitiveDescription,
      sensitiveWhereWhen,
      'Kari',
      ordinaryDescription,
      reporter.name,
      reporter.email,
      handler.name,
      handler.email,
    ])
      expect(exported).not.toContain(secret);
  });

  it('a report owner of IE sees IE’s statistics for a year, and her own faculty’s when she names none', async () => {
    const named = messageOf(await ask(people.ownerIe1, 'stats IE 2026'));
    expect(named.blocks[0]).toEqual({ type: 'heading', text: 'Deviation statistics for IE, 2026' });
    expect(factsOf(named)).toEqual([
      ['Deviations received', '93'],
      ['Median handling time', '10 days (58 finished cases)'],
      ['Open cases past the deadline', '25'],
      ['Finished after the deadline', '28'],
    ]);
    // One faculty: no table by faculty.
    expect(tablesOf(named).map((table) => table[0])).toEqual(['Category', 'Status', 'Month']);

    const unnamed = messageOf(await ask(people.ownerIe2, 'stats 2026'));
    expect(unnamed.blocks[0]).toEqual({ type: 'heading', text: 'Deviation statistics for IE, 2026' });
  });

  it('arguments come in any order and the faculty in any case', async () => {
    const message = messageOf(await ask(people.ownerIe1, 'stats spring-2026 ie'));
    // English ranges have thin spaces around the dash (ICU's own way).
    expect(message.blocks[0]).toEqual({
      type: 'heading',
      text: 'Deviation statistics for IE, January\u2009–\u2009June 2026',
    });
    // G1 30 + G2 20 + G5 25.
    expect(factsOf(message)[0]).toEqual(['Deviations received', '75']);
  });

  it('a Danish reader asks in Danish and reads Danish', async () => {
    const message = messageOf(await ask(people.deanIe, 'statistik forår-2026', 'da-DK'));
    expect(message.blocks[0]).toEqual({
      type: 'heading',
      text: 'Afvigelsesstatistik for IE, januar–juni 2026',
    });
    expect(factsOf(message)).toEqual([
      ['Modtagne afvigelser', '75'],
      ['Median sagsbehandlingstid', '10 dage (50 afsluttede sager)'],
      ['Åbne sager over fristen', '25'],
      ['Afsluttet efter fristen', '20'],
    ]);
  });

  describe('who may see which statistics', () => {
    it.each([
      ['the report owner of IE, for IE', people.ownerIe1, 'stats IE'],
      ['the other report owner of IE, for IE', people.ownerIe2, 'stats IE'],
      ['the dean of IE, for IE', people.deanIe, 'stats IE'],
      ['the report owner of NV, for NV', people.ownerNv, 'stats NV'],
      ['the quality department, for NV', people.quality, 'stats NV'],
      ['the quality department, for all', people.quality, 'stats'],
    ])('%s: yes', async (_who, email, text) => {
      const message = messageOf(await ask(email, text));
      expect(message.blocks[0]?.type).toBe('heading');
      expect(factsOf(message)).toHaveLength(4);
    });

    it.each([
      ['the report owner of IE, for NV', people.ownerIe1, 'NV'],
      ['the dean of IE, for NV', people.deanIe, 'NV'],
      ['the report owner of NV, for IE', people.ownerNv, 'IE'],
    ])('%s: no, and nothing of NV is shown', async (_who, email, faculty) => {
      const message = messageOf(await ask(email, `stats ${faculty} 2026`));
      expect(message.blocks).toEqual([
        {
          type: 'text',
          content: [
            `You do not have access to the deviation statistics of ${faculty}. The faculty’s report owners, its line managers and the quality department do.`,
          ],
        },
      ]);
    });

    it.each([
      ['a student', people.student],
      ['a lecturer', people.employee],
      // Decided: a head of department is a line manager over the department's cases, not the
      // faculty's; faculty statistics are for the faculty's report owners, dean and the quality department.
      ['the head of department IDI, for IE', people.headIdi],
      ['someone the platform could not name', null],
    ])('%s: no statistics at all', async (_who, email) => {
      for (const text of ['stats', 'stats IE', 'stats XY 2026-13']) {
        const message = messageOf(await ask(email, text));
        expect(message.blocks).toEqual([
          {
            type: 'text',
            content: [
              'Deviation statistics are for the faculties’ report owners, line managers and the quality department.',
            ],
          },
        ]);
      }
      expect(slack.posts).toEqual([]);
    });

    it('someone who may see two faculties and names none is asked which', async () => {
      const twoFaculties = deviationsInstitution({
        reportOwners: [
          { faculty: 'IE', people: [people.ownerIe1] },
          { faculty: 'NV', people: [people.ownerIe1] },
        ],
      });
      const twoFacultySection = twoFaculties.deviations;
      if (twoFacultySection === null) throw new Error('no deviations section');
      const answer = await askForStatistics(
        {
          ...dependencies,
          config: twoFaculties,
          section: twoFacultySection,
          units: async () => new UnitDirectory(twoFaculties, twoFacultySection),
        },
        people.ownerIe1,
        [],
      );
      expect(answer).toEqual({ kind: 'choose_faculty', faculties: ['IE', 'NV'] });
      expect(
        deviationTexts.en(localeFormat('en-GB')).deviations.stats.chooseFaculty({ faculties: ['IE', 'NV'] }),
      ).toBe('You see the deviation statistics of several faculties. Name one: IE or NV.');
    });
  });

  describe('arguments it cannot use are answered, naming them', () => {
    it.each([
      [
        'stats 2026-13',
        '“2026-13” is not a period. Write, for example, 2026, 2026-03, 2026-01..2026-06, spring-2026 or autumn-2026.',
      ],
      [
        'stats IE vinter-2026',
        '“vinter-2026” is not a period. Write, for example, 2026, 2026-03, 2026-01..2026-06, spring-2026 or autumn-2026.',
      ],
      ['stats 2026-06..2026-01', 'In the period “2026-06..2026-01” the end comes before the start.'],
      ['stats 2020-01..2026-01', 'The period “2020-01..2026-01” is too long: it may be at most 60 months.'],
      ['stats XY', '“XY” is neither a faculty nor a period. The faculties are IE and NV.'],
      ['stats IE NV', '“NV”: give at most one faculty and one period, for example “IE 2026”.'],
    ])('“%s”', async (text, answer) => {
      expect(messageOf(await ask(people.quality, text)).blocks).toEqual([
        { type: 'text', content: [answer] },
      ]);
    });
  });

  it('a period without cases says so, without tables or charts', async () => {
    const message = messageOf(await ask(people.quality, 'stats 2024'));
    expect(message.blocks.map((block) => block.type)).toEqual(['heading', 'text', 'context']);
    expect(message.blocks[1]).toEqual({
      type: 'text',
      content: ['No deviations were received in the period.'],
    });
  });
});

describe('the statistics texts in Norwegian (bokmål)', () => {
  const stats = deviationTexts.nb(localeFormat('nb-NO')).deviations.stats;

  it('name the period the Norwegian way, and the median with its cases', () => {
    expect(
      stats.heading({
        faculty: 'IE',
        period: stats.periodName({ from: { year: 2026, month: 1 }, to: { year: 2026, month: 6 } }),
      }),
    ).toBe('Avviksstatistikk for IE, januar–juni 2026');
    expect(stats.medianDays({ median: 1, finished: 1 })).toBe('1 dag (1 avsluttet sak)');
    expect(stats.medianDays({ median: 15.5, finished: 110 })).toBe('15,5 dager (110 avsluttede saker)');
    expect(stats.badPeriod({ argument: '2026-13' })).toBe(
      '«2026-13» er ikke en periode. Skriv for eksempel 2026, 2026-03, 2026-01..2026-06, vår-2026 eller høst-2026.',
    );
  });
});
