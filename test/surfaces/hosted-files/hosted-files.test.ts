import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileIdPattern } from '../../../src/messages/file-ref.js';
import type { Database } from '../../../src/storage/database.js';
import { consoleClient } from '../../support/console-client.js';
import { openTestDatabase, testDatabaseEngine } from '../../support/test-database.js';
import { type ConsoleUnderTest, startConsole } from '../console/console-harness.js';
import { messageWithFile, packPdf } from './file-in-message.js';

let database: Database;
let console_: ConsoleUnderTest;
beforeAll(async () => {
  database = await openTestDatabase();
  console_ = await startConsole({
    database,
    access: { mode: 'local' },
    now: () => new Date('2026-04-08T06:00:00Z'),
  });
});
afterAll(async () => {
  await console_?.close();
  await database?.close();
});

describe(`a file in a console message (${testDatabaseEngine()})`, () => {
  it('shows as a download link whose address serves the very bytes under the file’s name', async () => {
    const file = packPdf();
    await console_.surface.postMessage({ kind: 'channel', channelId: 'sn-dat' }, messageWithFile(file));

    const [message] = await consoleClient(console_.url, { as: 'chair.dat@demo.example' }).messagesIn(
      'sn-dat',
    );
    const href =
      /<a href="([^"]+)" download="board-meeting-SN-DAT-2026-spring-da.pdf">📎 Til studienævnsmødet – forår 2026<\/a>/.exec(
        message?.html ?? '',
      )?.[1];
    expect(href).toBe(`/files/${file.id}/board-meeting-SN-DAT-2026-spring-da.pdf`);

    const download = await fetch(`${console_.url}${href}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toBe(
      "attachment; filename*=UTF-8''board-meeting-SN-DAT-2026-spring-da.pdf",
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(file.bytes);
  });

  it('keeps the bytes out of the stored message, and an unknown or malformed id is a 404', async () => {
    const file = packPdf();
    await console_.surface.postMessage({ kind: 'channel', channelId: 'sn-dat' }, messageWithFile(file));

    const row = await database.prisma.consoleMessage.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(JSON.stringify(row.body)).not.toContain('PDF-1.7');
    expect(fileIdPattern.test(file.id)).toBe(true);
    expect(file.id).not.toBe(packPdf().id);
    for (const path of [
      `/files/${'A'.repeat(43)}/x.pdf`,
      '/files/../etc/passwd',
      `/files/${file.id.slice(1)}`,
    ]) {
      expect((await fetch(`${console_.url}${path}`)).status).toBe(404);
    }
  });
});
