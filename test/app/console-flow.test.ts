import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleClient } from '../support/console-client.js';
import { progressExportCsv } from '../support/progress-export-builder.js';
import { startTestBot } from '../support/running-bot.js';
import { testDatabaseEngine } from '../support/test-database.js';

// 08:00 in Copenhagen on the first Monday of April 2026: before the scheduled
// 09:00 run, so nothing is posted until someone asks.
const now = () => new Date('2026-04-06T06:00:00Z');
let bot: Awaited<ReturnType<typeof startTestBot>>;

beforeAll(async () => {
  bot = await startTestBot({ now });
});
afterAll(async () => {
  await bot?.dispose();
});

const chair = 'chair.dat@demo.example';
const asChair = () => consoleClient(bot.url, { as: chair });
const post = (path: string, body: Record<string, unknown>) => asChair().post(path, body);
const messagesIn = (channel: string) => asChair().messagesIn(channel);

describe(`the console (${testDatabaseEngine()})`, () => {
  it('lists the demo university’s board channels and people', async () => {
    const state = (await (await asChair().get('/console/api/state', { locale: 'en-GB' })).json()) as {
      institution: string;
      channels: { id: string }[];
      people: { email: string; roles: string[] }[];
    };
    expect(state.institution).toBe('Demo University');
    expect(state.channels.map((channel) => channel.id)).toContain('sn-dat');
    expect(state.people.find((person) => person.email === chair)?.roles).toContain('chair of SN-DAT');
  });

  it('/trafiklys remind now posts the board’s summary once, with its chart and review button', async () => {
    const first = await post('/console/api/command', {
      locale: 'en-GB',
      channel: 'sn-dat',
      text: '/trafiklys remind now',
    });
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ kind: 'message' });
    expect(String(first.json.html)).toContain('spring 2026');
    const messages = await messagesIn('sn-dat');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.html).toContain('data-action-id="at-risk.review"');
    expect(messages[0]?.html).toMatch(/<img [^>]*src="\/images\/[0-9a-f]{64}\.png"/);
    const image = /src="(\/images\/[0-9a-f]{64}\.png)"/.exec(messages[0]?.html ?? '')?.[1];
    const png = await fetch(`${bot.url}${image}`);
    expect(png.headers.get('content-type')).toBe('image/png');

    await post('/console/api/command', { channel: 'sn-dat', text: 'remind now' });
    expect(await messagesIn('sn-dat')).toHaveLength(1);
  });

  it('the head of the board’s department gets a copy as a direct message; other heads do not', async () => {
    const copiesTo = (head: string) => consoleClient(bot.url, { as: head }).messagesIn(`@${head}`);
    expect(await copiesTo('hod.cs@demo.example')).toHaveLength(1);
    expect(await copiesTo('hod.cult@demo.example')).toHaveLength(0);
  });

  it('“Review students” opens the board’s list as one panel for its chair, pages it, and audits the opening', async () => {
    const review = await post('/console/api/action', {
      locale: 'en-GB',
      channel: 'sn-dat',
      actionId: 'at-risk.review',
      value: 'SN-DAT|spring|2026',
    });
    expect(review.json.kind).toBe('form');
    const html = String(review.json.html);
    expect(html).toContain('<h4>Students to review – spring 2026 – ');
    expect(html).toContain('<table>');
    const pages = Number(/Page 1 of (\d+)/.exec(html)?.[1]);
    expect(pages).toBeGreaterThan(1);
    // Nothing was posted: the list is the chair's alone, in the panel.
    expect(await messagesIn('sn-dat')).toHaveLength(1);

    const next = await post('/console/api/form-action', {
      locale: 'en-GB',
      formToken: review.json.formToken,
      actionId: 'at-risk.review-list.next',
      value: '2',
      values: { search: '' },
    });
    expect(next.json).toMatchObject({ kind: 'form', formToken: review.json.formToken });
    expect(String(next.json.html)).toContain(`Page 2 of ${pages}`);

    const audited = await bot.runtime.database.prisma.auditEvent.findMany({
      where: { action: 'review.opened' },
    });
    expect(audited.map(({ actor, boardCode, details }) => ({ actor, boardCode, details }))).toEqual([
      {
        actor: chair,
        boardCode: 'SN-DAT',
        details: {
          surface: 'console',
          surfaceUserId: chair,
          term: 'spring',
          year: 2026,
          category: 'at_risk',
          programme: null,
        },
      },
    ]);
  });

  it('“Review students” from another board’s reminder is refused privately, and the attempt audited', async () => {
    // In her own channel, a button from another board's reminder (a forwarded message, say) is refused by the bot.
    const outsider = await consoleClient(bot.url, { as: 'chair.hist@demo.example' }).post(
      '/console/api/action',
      {
        locale: 'en-GB',
        channel: 'sn-hist',
        actionId: 'at-risk.review',
        value: 'SN-DAT|spring|2026',
      },
    );
    expect(outsider.json.kind).toBe('message');
    expect(String(outsider.json.html)).toContain('not allowed');
    const refused = await bot.runtime.database.prisma.auditEvent.findMany({
      where: { action: 'review.refused' },
    });
    expect(refused.map(({ actor, boardCode }) => ({ actor, boardCode }))).toEqual([
      { actor: 'chair.hist@demo.example', boardCode: 'SN-DAT' },
    ]);
  });

  it('an export uploaded in the board channel is imported for that board and updates the posted reminder', async () => {
    const [before] = await messagesIn('sn-dat');
    const csv = progressExportCsv([
      { studentId: 'X1', boardCode: 'SN-DAT', lastPassedOn: '2026-01-20', ectsExpected: 60, ectsPassed: 20 },
      { studentId: 'X2', boardCode: 'SN-HIST', lastPassedOn: '2026-01-20' },
    ]);
    const response = await asChair().upload('sn-dat', 'sn-dat.csv', csv, 'en-GB');
    expect(((await response.json()) as { kind: string }).kind).toBe('posted');
    const after = await messagesIn('sn-dat');
    expect(after.at(-1)?.html).toContain('sn-dat.csv');
    expect(after[0]?.id).toBe(before?.id);
    expect(after[0]?.updatedAt).not.toBe(before?.updatedAt);
  });

  it('an export sent in a direct message by the chair of one board is imported for that board', async () => {
    const csv = progressExportCsv([{ studentId: 'D1', boardCode: 'SN-DAT', lastPassedOn: '2026-01-20' }]);
    const response = await asChair().upload(`@${chair}`, 'direct.csv', csv, 'en-GB');
    expect(((await response.json()) as { kind: string }).kind).toBe('posted');
    expect((await messagesIn(`@${chair}`)).at(-1)?.html).toContain('direct.csv');
  });

  it.each(['nb-NO', 'no', 'nn-NO'])(
    'a reader whose browser says %s gets the page and the answers in Bokmål, and the menu set to nb-NO',
    async (locale) => {
      const state = (await (await asChair().get('/console/api/state', { locale })).json()) as {
        language: string;
        locale: string;
        labels: { title: string; boardChannels: string };
        viewer: { roles: string[] };
      };
      expect(state).toMatchObject({
        language: 'nb',
        locale: 'nb-NO',
        labels: { title: 'Trafiklys-konsoll', boardChannels: 'Studieutvalgenes kanaler' },
        viewer: { roles: ['leder for SN-DAT'] },
      });

      const reminded = await post('/console/api/command', { locale, channel: 'sn-dat', text: 'påminn nå' });
      expect(String(reminded.json.html)).toContain(
        'vår 2026: finnes allerede i studieutvalgets kanal på konsollen',
      );
      const status = await post('/console/api/command', {
        locale,
        channel: 'sn-dat',
        text: '/trafiklys status',
      });
      expect(String(status.json.html)).toMatch(/Periode.*Status/s);
      expect(String(status.json.html)).toContain('Utkast');
    },
  );

  it('/metrics counts the reminders delivered, by surface and outcome', async () => {
    const metrics = await (await fetch(`${bot.url}/metrics`)).text();
    expect(metrics).toMatch(
      /trafiklys_reminder_deliveries_total\{surface="console",outcome="posted"\} [1-9]/,
    );
    expect(metrics).toMatch(/trafiklys_imports_total\{outcome="imported"\} [1-9]/);
  });

  it('bad requests are refused with the field that is wrong', async () => {
    const missing = await consoleClient(bot.url, { as: 'not-an-address' }).post('/console/api/command', {
      channel: 'sn-dat',
      text: 'help',
    });
    expect(missing.status).toBe(400);
    expect(String(missing.json.error)).toContain('as:');
  });
});
