import { describe, expect, it } from 'vitest';
import { ProgressExportError } from '../../../../src/procedures/at-risk/progress-export/export-problem.js';
import { rowBatchSize } from '../../../../src/procedures/at-risk/progress-export/export-rows.js';
import type { ExportSource } from '../../../../src/procedures/at-risk/progress-export/export-source.js';
import {
  openProgressExport,
  readProgressExport,
} from '../../../../src/procedures/at-risk/progress-export/read-progress-export.js';
import {
  danishExcelNotation,
  type ProgressRowInput,
  progressExportCsv,
} from '../../../support/progress-export-builder.js';

/** The bytes in pieces of `size`, counting how many pieces have been handed out. */
function inPieces(bytes: Uint8Array, size: number) {
  const source = {
    piecesRead: 0,
    pieces: Math.ceil(bytes.length / size),
    async *chunks() {
      for (let start = 0; start < bytes.length; start += size) {
        source.piecesRead += 1;
        yield bytes.subarray(start, start + size);
      }
    },
  };
  return source satisfies ExportSource;
}

async function readInPieces(bytes: Uint8Array, size: number) {
  const reading = await openProgressExport(inPieces(bytes, size), { fileName: 'export.csv' });
  const rows = [];
  for await (const batch of reading.batches()) rows.push(...batch);
  const { batches: _, decimalMark, ...description } = reading;
  return { ...description, decimalMark: decimalMark(), rows };
}

const students: ProgressRowInput[] = [
  { name: 'Søren Ærø Åkesson', programmeName: 'Økonomi', ectsExpected: 97.5, ectsPassed: 82.5 },
  { name: 'Hélène "Lene" Møller', email: null, lastPassedOn: null },
  { name: 'Anna\nMaria', enrolmentType: 'guest' },
];

describe('an export read as a stream, a piece at a time', () => {
  it.each([1, 2, 3, 7, 64])(
    'a UTF-8 file in pieces of %i bytes (characters and line ends cut apart) reads as the whole file',
    async (size) => {
      const bytes = progressExportCsv(students, {
        notation: { ...danishExcelNotation, encoding: 'utf-8', bom: true },
      });

      expect(await readInPieces(bytes, size)).toEqual(
        await readProgressExport(bytes, { fileName: 'export.csv' }),
      );
    },
  );

  it('a Windows-1252 file whose first æ comes long after the first piece is still read as Windows-1252', async () => {
    const plain = Array.from({ length: 50 }, () => ({ name: 'Ann Berg' }));
    const bytes = progressExportCsv([...plain, { name: 'Bo Ærø' }], {
      notation: { ...danishExcelNotation, language: 'english' },
    });

    const result = await readInPieces(bytes, 100);

    expect(result.encoding).toBe('windows-1252');
    expect(result.rows.at(-1)?.name).toBe('Bo Ærø');
  });

  it('rows come a batch at a time while most of the file is still unread', async () => {
    const bytes = progressExportCsv(Array.from({ length: rowBatchSize * 3 }, () => ({})));
    const source = inPieces(bytes, 4096);
    const reading = await openProgressExport(source, { fileName: 'export.csv' });
    const piecesReadAtEachBatch: number[] = [];
    const batchSizes: number[] = [];

    for await (const batch of reading.batches()) {
      batchSizes.push(batch.length);
      piecesReadAtEachBatch.push(source.piecesRead);
    }

    expect(batchSizes).toEqual([rowBatchSize, rowBatchSize, rowBatchSize]);
    // The first pass read every piece once; the first batch needed about a third of them again.
    expect(piecesReadAtEachBatch[0]).toBeLessThan(source.pieces * 1.5);
  });

  it('a problem near the end is thrown after the last batch, with every problem of the file', async () => {
    const rows = Array.from({ length: rowBatchSize + 10 }, (): ProgressRowInput => ({}));
    rows[3] = { rawCells: { ects_passed: 'femten' } };
    rows[rowBatchSize + 5] = { rawCells: { enrolled_on: 'i går' } };
    const reading = await openProgressExport(inPieces(progressExportCsv(rows), 4096), {
      fileName: 'export.csv',
    });
    const batches: number[] = [];

    const error = await (async () => {
      for await (const batch of reading.batches()) batches.push(batch.length);
    })().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ProgressExportError);
    expect((error as ProgressExportError).problems.map((problem) => problem.line)).toEqual([
      5,
      rowBatchSize + 7,
    ]);
    // No row after the first problem is handed out: the file is refused whole anyway.
    expect(batches).toEqual([]);
  });
});
