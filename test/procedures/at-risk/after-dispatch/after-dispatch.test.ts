import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../src/storage/database.js';
import { PrismaAfterDispatchPosts } from '../../../../src/storage/prisma-after-dispatch.js';
import { PrismaJournalCases } from '../../../../src/storage/prisma-journal-cases.js';
import { seedInstance } from '../../../support/instances.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';
import { sentCard } from '../../../surfaces/teams/support/connector-bodies.js';
import {
  type AfterDispatchWorld,
  anAfterDispatchWorld,
  consoleChannel,
  cprNumbers,
  slackChannel,
} from './after-dispatch-harness.js';

let database: Database;
let world: AfterDispatchWorld;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});
beforeEach(async () => {
  world = await anAfterDispatchWorld(database);
});
afterEach(async () => {
  await world.close();
});

/** Every file under the journal folder, by path relative to it. */
async function journalFiles(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(folder.length + 1), await readFile(path, 'utf8'));
  }
  return files;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

const cprDigits = cprNumbers.map((cpr) => cpr.replace('-', ''));
const holdsCpr = (text: string) =>
  cprNumbers.some((cpr) => text.includes(cpr)) || cprDigits.some((digits) => text.includes(digits));

async function dispatchAndSend(): Promise<void> {
  await world.dispatch();
  await world.mail.drain();
  expect(world.smtp.received).toHaveLength(2);
}

describe(`after a dispatch (${testDatabaseEngine()})`, () => {
  it('journalises the cycle, the CPR number only in student case titles, and tells the board’s channel on every surface', async () => {
    await dispatchAndSend();

    const outcome = await world.instance('instance-a').request(world.cycleId);

    expect(outcome).toMatchObject({ kind: 'ran', result: { summary: { outcome: 'done', casesFiled: 3 } } });
    expect(outcome.kind === 'ran' && outcome.result.incomplete).toBeUndefined();
    const files = await journalFiles(world.journalFolder);
    const caseFiles = [...files].filter(([path]) => path.endsWith('case.json'));
    const titles = caseFiles.map(([, text]) => (JSON.parse(text) as { title: string }).title).sort();
    // One case per mail sent (Rasmus and Rikke), one collective case for the programme.
    expect(titles).toEqual([
      `${cprNumbers[0]}, Frafaldstruet, Datalogi`,
      `${cprNumbers[1]}, Frafaldstruet, Datalogi`,
      'Identifikation af frafaldstruede forår 2026 for Datalogi',
    ]);
    for (const [path, text] of files) {
      if (!holdsCpr(text)) continue;
      // Only a case.json, and there only in its title.
      expect(path).toMatch(/case\.json$/);
      const { title, ...rest } = JSON.parse(text) as { title: string };
      expect(holdsCpr(title)).toBe(true);
      expect(holdsCpr(JSON.stringify(rest))).toBe(false);
    }
    expect([...files.keys()].filter((path) => path.endsWith('.eml'))).toHaveLength(2);

    // Slack: the journal's message and the pack, the pack's PDF uploaded into the channel.
    const slackTexts = world.slack.acceptedPosts().map((call) => String(call.args.text));
    expect(slackTexts).toEqual([
      'Journaliseret: identifikation af frafaldstruede forår 2026 – Studienævn for Datalogi',
      'Til studienævnsmødet: frafaldstruede studerende – forår 2026 – Studienævn for Datalogi',
    ]);
    expect(world.slack.acceptedPosts().every((call) => call.args.channel === slackChannel)).toBe(true);
    const [upload] = world.slack.uploads.values();
    expect(upload).toMatchObject({ filename: 'board-meeting-SN-DAT-2026-spring-da.pdf', completed: true });
    const text = await pdfText(upload?.bytes ?? new Uint8Array());
    expect(text).toContain('Til studienævnsmødet: frafaldstruede studerende – forår 2026');
    expect(text).toContain('Sendt 2');
    expect(text).toContain('Aftalt studieplan 1');
    expect(holdsCpr(text)).toBe(false);

    // Teams: two cards in the channel; the pack's links to the PDF the bot serves.
    const sends = world.teams.double.callsTo('send-activity');
    expect(sends).toHaveLength(2);
    const packCard = JSON.stringify(sentCard(sends[1]));
    const link = /\]\((http[^)]+\.pdf)\)/.exec(packCard)?.[1];
    expect(link).toMatch(/\/files\/[A-Za-z0-9_-]{43}\/board-meeting-SN-DAT-2026-spring-da\.pdf$/);
    const served = new Uint8Array(await (await fetch(link ?? '')).arrayBuffer());
    expect(await pdfText(served)).toBe(text);

    // The console: both messages in the board's channel, the pack's file kept for its download link.
    const rows = await database.prisma.consoleMessage.findMany({
      where: { channel: consoleChannel },
      orderBy: { id: 'asc' },
    });
    expect(rows).toHaveLength(2);
    const fileId = /"file":\{"id":"([A-Za-z0-9_-]{43})"/.exec(JSON.stringify(rows[1]?.body))?.[1];
    const fromConsole = await fetch(`${world.fileServerUrl}/files/${fileId}/pack.pdf`);
    expect(fromConsole.status).toBe(200);
    expect(await pdfText(new Uint8Array(await fromConsole.arrayBuffer()))).toBe(text);

    // Nowhere in chat is a CPR number.
    expect(holdsCpr(JSON.stringify(world.slack.acceptedPosts()))).toBe(false);
    expect(holdsCpr(JSON.stringify(sends.map((send) => send.body)))).toBe(false);
    expect(holdsCpr(JSON.stringify(rows.map((row) => row.body)))).toBe(false);
  });

  it('a second run posts nothing twice and files no case again', async () => {
    await dispatchAndSend();
    await world.instance('instance-a').request(world.cycleId);

    const again = await world.instance('instance-b').request(world.cycleId);

    expect(again).toMatchObject({
      kind: 'ran',
      result: { summary: { outcome: 'done', casesFiled: 0, posted: 0, alreadyPosted: 6 } },
    });
    expect(world.slack.acceptedPosts()).toHaveLength(2);
    expect(world.slack.callsOf('files.completeUploadExternal')).toHaveLength(1);
    expect(world.teams.double.callsTo('send-activity')).toHaveLength(2);
    expect(await database.prisma.consoleMessage.count({ where: { channel: consoleChannel } })).toBe(2);
  });

  it('while mails are still pending nothing is journalised or posted, and the run asks to be tried again', async () => {
    await world.dispatch();

    const outcome = await world.instance('instance-a').request(world.cycleId);

    expect(outcome).toMatchObject({
      kind: 'ran',
      result: {
        summary: { outcome: 'waiting', pendingMails: 2 },
        incomplete: { code: 'outbox_not_settled' },
      },
    });
    expect(await readdir(world.journalFolder)).toEqual([]);
    expect(world.slack.acceptedPosts()).toEqual([]);
    expect(world.teams.double.callsTo('send-activity')).toEqual([]);
    expect(await database.prisma.afterDispatchPost.count()).toBe(0);
  });

  it('a run that died after claiming a post and a case is finished by the next, each post and case once', async () => {
    await dispatchAndSend();
    // The dead instance had claimed Rasmus's case and Slack's pack, and left before filing or posting them.
    const dead = await seedInstance(database.prisma, 'instance-dead', 'alive');
    const deadCases = new PrismaJournalCases(database.prisma, dead);
    await deadCases.register(world.cycleId, [{ caseKey: 'student-S1', kind: 'student' }], new Date());
    expect(await deadCases.claim(world.cycleId, 'student-S1', new Date())).toBe('claimed');
    const deadPosts = new PrismaAfterDispatchPosts(database.prisma, dead);
    const key = { cycleId: world.cycleId, surface: 'slack' as const, kind: 'board_meeting_pack' as const };
    expect(await deadPosts.claim(key, new Date())).toBeNull();

    // While it lives its claims hold: the channel is not told of a journal still being filed, and the run is retried.
    const whileAlive = await world.instance('instance-a').request(world.cycleId);
    expect(whileAlive).toMatchObject({
      kind: 'ran',
      result: { summary: { casesUnfinished: 1 }, incomplete: { code: 'journal_unfinished' } },
    });
    expect(world.slack.acceptedPosts()).toEqual([]);
    await seedInstance(database.prisma, dead, 'dead');

    const after = await world.instance('instance-a').request(world.cycleId);

    expect(after).toMatchObject({
      kind: 'ran',
      result: { summary: { casesFiled: 1, casesUnfinished: 0, posted: 4, alreadyPosted: 2 } },
    });
    expect(after.kind === 'ran' && after.result.incomplete).toBeUndefined();
    expect(world.slack.acceptedPosts().map((call) => String(call.args.text))).toEqual([
      'Journaliseret: identifikation af frafaldstruede forår 2026 – Studienævn for Datalogi',
      'Til studienævnsmødet: frafaldstruede studerende – forår 2026 – Studienævn for Datalogi',
    ]);
    expect(world.slack.callsOf('files.completeUploadExternal')).toHaveLength(1);
    expect(world.teams.double.callsTo('send-activity')).toHaveLength(2);
    const cases = await new PrismaJournalCases(database.prisma, 'instance-a').forCycle(world.cycleId);
    expect(cases.map((record) => record.status)).toEqual(['filed', 'filed', 'filed']);
  });

  it('a draft cycle is left alone: nothing to journalise, nothing posted, nothing retried', async () => {
    const outcome = await world.instance('instance-a').request(world.cycleId);

    expect(outcome).toMatchObject({
      kind: 'ran',
      result: { summary: { outcome: 'skipped', reason: 'not_dispatched' } },
    });
    expect(outcome.kind === 'ran' && outcome.result.incomplete).toBeUndefined();
    expect(world.slack.acceptedPosts()).toEqual([]);
  });
});
