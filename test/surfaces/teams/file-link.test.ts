import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { type HttpServer, startHttpServer } from '../../../src/http/http-server.js';
import type { Database } from '../../../src/storage/database.js';
import { HostedFiles, hostedFilesPrefix } from '../../../src/surfaces/hosted-files/hosted-files.js';
import { capturedLogger } from '../../support/captured-logger.js';
import { openTestDatabase, testDatabaseEngine } from '../../support/test-database.js';
import { messageWithFile, packPdf } from '../hosted-files/file-in-message.js';
import { adaptiveCardProblems } from './support/adaptive-card-check.js';
import { sentCard } from './support/connector-bodies.js';
import { boardChannel, seedTeam, teamInstall } from './support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from './support/teams-harness.js';

// A Teams bot cannot attach a file to a channel message: the card links to
// the copy the bot serves (HostedFiles), under the file's unguessable id.
let database: Database;
let files: HostedFiles;
let fileServer: HttpServer;
let harness: TeamsHarness;

beforeAll(async () => {
  database = await openTestDatabase();
  files = new HostedFiles(database.prisma, null);
  fileServer = await startHttpServer({
    host: '127.0.0.1',
    port: 0,
    routes: new Map(),
    prefixRoutes: new Map([[hostedFilesPrefix, files.route()]]),
    logger: capturedLogger().logger,
  });
  files.useServerUrlUnlessPublic(fileServer.url);
});
afterAll(async () => {
  await fileServer?.close();
  await database?.close();
});
beforeEach(async () => {
  harness = await startTeamsHarness({ fileUrlFor: (file) => files.urlFor(file) });
  seedTeam(harness.double);
  expect((await harness.post(teamInstall(harness.double))).status).toBe(200);
  harness.double.calls.length = 0;
});
afterEach(async () => {
  harness.double.assertNoUnexpectedCalls();
  await harness.close();
});

describe(`a file in a Teams message (${testDatabaseEngine()})`, () => {
  test('the card links to the file by its address, and that address serves the PDF', async () => {
    const file = packPdf();
    const surface = files.around(harness.bot.surface);

    await surface.postMessage({ kind: 'channel', channelId: boardChannel.id }, messageWithFile(file));

    const [send] = harness.double.callsTo('send-activity');
    const card = sentCard(send);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const url = `${fileServer.url}/files/${file.id}/board-meeting-SN-DAT-2026-spring-da.pdf`;
    expect(card).toMatchObject({
      body: [
        { type: 'TextBlock', text: 'Til studienævnsmødet', style: 'heading' },
        { type: 'TextBlock', text: 'Mails sendt: 52' },
        {
          type: 'TextBlock',
          text: `📎 [Til studienævnsmødet – forår 2026](${url}) (board-meeting-SN-DAT-2026-spring-da.pdf)`,
          wrap: true,
        },
      ],
    });
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(file.bytes);
  });

  test('without an address to serve it from, the card names the file and links nowhere', async () => {
    const plain = await startTeamsHarness();
    try {
      seedTeam(plain.double);
      await plain.post(teamInstall(plain.double));
      plain.double.calls.length = 0;

      await plain.bot.surface.postMessage(
        { kind: 'channel', channelId: boardChannel.id },
        messageWithFile(packPdf()),
      );

      const card = sentCard(plain.double.callsTo('send-activity')[0]);
      expect(JSON.stringify(card)).toContain(
        '📎 Til studienævnsmødet – forår 2026 (board-meeting-SN-DAT-2026-spring-da.pdf)',
      );
      expect(JSON.stringify(card)).not.toContain('/files/');
    } finally {
      plain.double.assertNoUnexpectedCalls();
      await plain.close();
    }
  });
});
