import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyBytes, copyInOf, copyText } from '../../src/storage/copy-in.js';
import type { Database } from '../../src/storage/database.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.prisma.$executeRawUnsafe('CREATE TABLE copied (label text, sealed bytea, line integer)');
});
afterAll(async () => {
  await database?.close();
});

const columns = ['label', 'sealed', 'line'];
const row = (label: string | null, sealed: Uint8Array | null, line: number) =>
  `${copyText(label)}\t${copyBytes(sealed)}\t${line}\n`;

async function copiedRows() {
  return database.prisma.$queryRawUnsafe<{ label: string | null; sealed: Uint8Array | null; line: number }[]>(
    'SELECT label, sealed, line FROM copied ORDER BY line',
  );
}

describe(`COPY … FROM STDIN inside a Prisma transaction (${testDatabaseEngine()})`, () => {
  it('rows copied in a transaction that fails are rolled back with it; a committed one keeps them', async () => {
    const copyIn = copyInOf(database.prisma);

    await expect(
      database.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("INSERT INTO copied (label, line) VALUES ('before the copy', 0)");
        await copyIn.copyRows(tx, 'copied', columns, row('lost', null, 1));
        throw new Error('a problem found after the copy');
      }),
    ).rejects.toThrow('a problem found after the copy');
    expect(await copiedRows()).toEqual([]);

    await database.prisma.$transaction(async (tx) => {
      await copyIn.copyRows(tx, 'copied', columns, row('first batch', null, 2));
      await copyIn.copyRows(tx, 'copied', columns, row('second batch', null, 3));
      // The copied rows are visible to the transaction's own statements.
      const [seen] = await tx.$queryRawUnsafe<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM copied',
      );
      expect(seen?.count).toBe(2);
    });
    expect((await copiedRows()).map((copied) => copied.label)).toEqual(['first batch', 'second batch']);
    await database.prisma.$executeRawUnsafe('DELETE FROM copied');
  });

  it('text with tabs, line breaks and backslashes, empty text, nulls and bytes arrive as they were', async () => {
    const sealed = Uint8Array.from([0, 1, 92, 9, 10, 255]);
    const copyIn = copyInOf(database.prisma);

    await database.prisma.$transaction((tx) =>
      copyIn.copyRows(
        tx,
        'copied',
        columns,
        row('Anna\tMaria\r\nMøller \\N \\', sealed, 1) + row('', null, 2) + row(null, new Uint8Array(0), 3),
      ),
    );

    expect(await copiedRows()).toEqual([
      { label: 'Anna\tMaria\r\nMøller \\N \\', sealed, line: 1 },
      { label: '', sealed: null, line: 2 },
      { label: null, sealed: new Uint8Array(0), line: 3 },
    ]);
    await database.prisma.$executeRawUnsafe('DELETE FROM copied');
  });
});
