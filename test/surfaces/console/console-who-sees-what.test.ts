import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/storage/database.js';
import { consoleClient } from '../../support/console-client.js';
import { progressExportCsv } from '../../support/progress-export-builder.js';
import { textMessage } from '../../support/recording-bot-requests.js';
import { openTestDatabase, testDatabaseEngine } from '../../support/test-database.js';
import { type ConsoleUnderTest, startConsole } from './console-harness.js';

// Local mode: the viewer says who they are (`as`), and the console believes
// it, but shows them only what is theirs: their own direct chat and the
// channels of the study boards they follow.
let database: Database;
let console_: ConsoleUnderTest;

beforeAll(async () => {
  database = await openTestDatabase();
  console_ = await startConsole({
    database,
    access: { mode: 'local' },
    now: () => new Date('2026-04-06T06:00:00Z'),
  });
  await console_.surface.store('@hod.cs@demo.example', 'Trafiklys', textMessage('Copy for your information'));
  await console_.surface.store('sn-dat', 'Trafiklys', textMessage('The SN-DAT reminder'));
});
afterAll(async () => {
  await console_?.close();
  await database?.close();
});

const as = (email: string) => consoleClient(console_.url, { as: email });
const statusOfMessagesIn = async (channel: string, email: string) =>
  (await as(email).get('/console/api/messages', { channel })).status;

describe(`who sees what in the console (${testDatabaseEngine()})`, () => {
  it('a person reads their own direct chat; another person’s is refused with a 403 and not one message', async () => {
    expect(await as('hod.cs@demo.example').messagesIn('@hod.cs@demo.example')).toHaveLength(1);

    const foreign = await as('hod.cult@demo.example').get('/console/api/messages', {
      channel: '@hod.cs@demo.example',
    });

    expect(foreign.status).toBe(403);
    const body = await foreign.text();
    expect(JSON.parse(body)).toMatchObject({ code: 'not_yours' });
    expect(body).not.toContain('Copy for your information');
  });

  it('a board’s channel is for its chair, secretary and delegates and the managers whose scope covers the board', async () => {
    const mayRead = [
      'chair.dat@demo.example', // chair
      'sn-dat@demo.example', // secretary
      'vice-chair.dat@demo.example', // delegate
      'hod.cs@demo.example', // head of the board's department
      'studieleder.tech@demo.example', // head of studies of its faculty
      'dean.tech@demo.example',
      'studieservice@demo.example', // scope: the whole institution
    ];
    const mayNot = [
      'chair.hist@demo.example',
      'hod.cult@demo.example',
      'dean.hum@demo.example',
      'studieleder.med@demo.example', // scope: one other board
    ];
    for (const email of mayRead) expect(await statusOfMessagesIn('sn-dat', email), email).toBe(200);
    for (const email of mayNot) expect(await statusOfMessagesIn('sn-dat', email), email).toBe(403);
  });

  it('a command, a click or an upload in another board’s channel or another person’s chat is refused before the bot sees it', async () => {
    const outsider = as('chair.hist@demo.example');
    const stored = await console_.storedMessages();

    const command = await outsider.post('/console/api/command', { channel: 'sn-dat', text: 'remind now' });
    const click = await outsider.post('/console/api/action', {
      channel: 'sn-dat',
      actionId: 'at-risk.review',
      value: 'SN-DAT|spring|2026',
    });
    const csv = progressExportCsv([{ studentId: 'X1', boardCode: 'SN-DAT', lastPassedOn: '2026-01-20' }]);
    const inBoard = await outsider.upload('sn-dat', 'sn-dat.csv', csv);
    const inChat = await outsider.upload('@chair.dat@demo.example', 'sn-dat.csv', csv);

    for (const refused of [command, click])
      expect(refused).toMatchObject({ status: 403, json: { code: 'not_yours' } });
    expect([inBoard.status, inChat.status]).toEqual([403, 403]);
    expect(console_.bot.requests).toEqual([]);
    expect(await console_.storedMessages()).toBe(stored);
  });

  it('in her own board’s channel the same command reaches the bot', async () => {
    const own = await as('chair.hist@demo.example').post('/console/api/command', {
      channel: 'sn-hist',
      text: 'remind now',
    });

    expect(own).toMatchObject({ status: 200, json: { kind: 'posted' } });
    expect(console_.bot.requests).toMatchObject([
      {
        kind: 'command',
        actor: { email: 'chair.hist@demo.example' },
        conversation: { conversationId: 'sn-hist' },
      },
    ]);
  });

  it('a slash command typed in the console reaches the bot with its name, as Slack would send it; plain text is for the bot’s own command', async () => {
    const chair = as('chair.hist@demo.example');
    await chair.post('/console/api/command', { channel: 'sn-hist', text: '/afvigelse  the lab is closed' });
    await chair.post('/console/api/command', { channel: 'sn-hist', text: '/trafiklys status' });
    await chair.post('/console/api/command', { channel: 'sn-hist', text: 'status' });

    expect(console_.bot.requests.slice(-3)).toMatchObject([
      { kind: 'command', text: 'the lab is closed', commandName: 'afvigelse' },
      { kind: 'command', text: 'status', commandName: 'trafiklys' },
      { kind: 'command', text: 'status', commandName: null },
    ]);
  });

  it('the state lists only the viewer’s own boards’ channels and their own direct chat', async () => {
    const stateOf = async (email: string) =>
      (await (await as(email).get('/console/api/state')).json()) as {
        viewer: { email: string };
        channels: { id: string }[];
        direct: { id: string };
      };

    const head = await stateOf('studieleder.hum@demo.example');
    expect(head.channels.map((channel) => channel.id)).toEqual(['sn-hist', 'sn-kom']);
    expect(head.direct.id).toBe('@studieleder.hum@demo.example');
    expect((await stateOf('hod.cs@demo.example')).channels.map((channel) => channel.id)).toEqual(['sn-dat']);
  });

  it('a report owner the deviations section names, and a student console.people names, each read their own direct chat', async () => {
    // The demo's TECH report owner and its student are neither board people nor managers.
    for (const email of ['meldingsansvarlig.tech@demo.example', 'studerende@demo.example']) {
      expect(await statusOfMessagesIn(`@${email}`, email), email).toBe(200);
      expect((await as(email).get('/console/api/messages', { channel: '@hod.cs@demo.example' })).status).toBe(
        403,
      );
    }
    const people = console_.surface.knownPeople();
    expect(people.has('meldingsansvarlig.tech@demo.example')).toBe(true);
    expect(people.has('studerende@demo.example')).toBe(true);
    expect(await console_.surface.resolveUser('meldingsansvarlig.tech@demo.example')).toMatchObject({
      surface: 'console',
      email: 'meldingsansvarlig.tech@demo.example',
    });
  });

  it('someone the configuration does not name is nobody here', async () => {
    const stranger = await as('stranger@demo.example').get('/console/api/messages', {
      channel: '@stranger@demo.example',
    });
    expect(stranger.status).toBe(403);
    expect(await stranger.json()).toMatchObject({ code: 'unknown_person' });
  });

  it('a POST from another site, or with no Origin, is refused and reaches nobody (CSRF)', async () => {
    const requestsBefore = console_.bot.requests.length;
    const from = (origin: string | null) =>
      fetch(`${console_.url}/console/api/command`, {
        method: 'POST',
        // text/plain: a form or script on any web page may send that without asking the server first.
        headers: { 'content-type': 'text/plain', ...(origin ? { origin } : {}) },
        body: JSON.stringify({ as: 'chair.hist@demo.example', channel: 'sn-hist', text: 'remind now' }),
      });

    const otherSite = await from('https://evil.example');
    const noOrigin = await from(null);

    expect([otherSite.status, noOrigin.status]).toEqual([403, 403]);
    expect(await otherSite.json()).toMatchObject({ code: 'origin_refused' });
    expect(console_.bot.requests).toHaveLength(requestsBefore);
  });

  it('answers only to a loopback host name, so a web page whose name points at 127.0.0.1 cannot read it', async () => {
    const withHost = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const { port } = new URL(console_.url);
        const query = new URLSearchParams({ as: 'hod.cs@demo.example', channel: '@hod.cs@demo.example' });
        request(
          { host: '127.0.0.1', port, path: `/console/api/messages?${query}`, headers: { host } },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        )
          .on('error', reject)
          .end();
      });
    const { port } = new URL(console_.url);

    expect(await withHost(`rebound.evil.example:${port}`)).toBe(403);
    expect(await withHost(`localhost:${port}`)).toBe(200);
    expect(await withHost(`[::1]:${port}`)).toBe(200);
  });

  it('a route that changes something takes POST only', async () => {
    const query = new URLSearchParams({
      as: 'chair.hist@demo.example',
      channel: 'sn-hist',
      text: 'remind now',
    });
    expect((await fetch(`${console_.url}/console/api/command?${query}`)).status).toBe(405);
  });
});
