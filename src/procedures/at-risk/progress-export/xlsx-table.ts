import { readSheet } from 'read-excel-file/node';
import type { CellValue, SourceRecord, SourceTableResult } from './source-table.js';

/**
 * The first sheet of an XLSX workbook (spec "XLSX (first sheet, same
 * columns)"). Cells keep their types: a number stays a number, so no decimal
 * mark question arises, and a date cell arrives as a Date. Line numbers are
 * sheet row numbers, what the person sees at the left edge of Excel.
 */
export async function readXlsxTable(bytes: Uint8Array): Promise<SourceTableResult> {
  let sheet: unknown[][];
  try {
    // read-excel-file tells a Buffer from a file path by `instanceof Buffer`.
    sheet = await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    const detail = error instanceof Error ? error.message : null;
    return {
      table: null,
      problems: [{ line: null, column: null, reason: { code: 'unreadable_xlsx', detail } }],
    };
  }

  // read-excel-file keeps empty rows in the middle of a sheet, so row i is sheet row i + 1.
  const records: SourceRecord[] = sheet.map((row, index) => ({
    line: index + 1,
    cells: row.map(toCellValue),
  }));
  const headerIndex = records.findIndex((record) => record.cells.some((cell) => cell !== null));
  const header = records[headerIndex];
  if (header === undefined) {
    return { table: null, problems: [{ line: null, column: null, reason: { code: 'file_empty' } }] };
  }
  return {
    table: {
      headerLine: header.line,
      header: header.cells,
      records: records.slice(headerIndex + 1),
      fieldCountMustMatch: false,
    },
    problems: [],
  };
}

/** read-excel-file's typings name the Date constructor instead of a Date, so the value is checked here. */
function toCellValue(value: unknown): CellValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  return null;
}
