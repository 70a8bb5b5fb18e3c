import { createHash } from 'node:crypto';
import { readCsvTable } from './csv-table.js';
import { startsWith } from './decode-text.js';
import { type ExportProblem, ProgressExportError } from './export-problem.js';
import { type HeaderMapping, mapHeader } from './header-mapping.js';
import type { ColumnAliases, ProgressExport } from './progress-row.js';
import type { SourceTableResult } from './source-table.js';
import { type ValidatedRows, validateRows } from './validate-rows.js';
import { readXlsxTable } from './xlsx-table.js';

export interface ReadOptions {
  /** As the person named the file; used in the rejection message and the audit trail. */
  readonly fileName: string;
  /** The deployment's own header names, in addition to the English and Danish ones. */
  readonly columnAliases?: ColumnAliases;
}

/** Every XLSX file is a ZIP archive; the extension a chat upload carries is not to be trusted. */
const zipSignature = [0x50, 0x4b, 0x03, 0x04];
/** The OLE2 compound file of Excel 97–2003 `.xls`. */
const legacyExcelSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * A study-progress export (spec "Study-progress export") as validated rows,
 * or a ProgressExportError naming every problem: a file with any invalid row
 * is rejected as a whole and nothing from it may be stored.
 */
export async function readProgressExport(bytes: Uint8Array, options: ReadOptions): Promise<ProgressExport> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { fileName } = options;

  if (startsWith(bytes, zipSignature)) {
    const { rows, columnLabels } = validated(await readXlsxTable(bytes), options);
    return {
      fileName,
      sha256,
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      decimalMark: null,
      columnLabels,
      rows,
    };
  }
  if (startsWith(bytes, legacyExcelSignature)) {
    throw new ProgressExportError(fileName, [
      { line: null, column: null, reason: { code: 'old_excel_workbook' } },
    ]);
  }
  const csv = readCsvTable(bytes);
  const { rows, decimalMark, columnLabels } = validated(csv, options);
  return {
    fileName,
    sha256,
    format: 'csv',
    encoding: csv.encoding,
    delimiter: csv.delimiter,
    decimalMark,
    columnLabels,
    rows,
  };
}

function validated(
  { table, problems }: SourceTableResult,
  options: ReadOptions,
): ValidatedRows & { columnLabels: HeaderMapping['label'] } {
  if (table === null) throw new ProgressExportError(options.fileName, inFileOrder(problems));
  const header = mapHeader(table.header, table.headerLine, options.columnAliases);
  // Without the header the cells cannot be told apart, so rows are not checked.
  if (header.problems.length > 0) {
    throw new ProgressExportError(options.fileName, inFileOrder([...header.problems, ...problems]));
  }
  const result = validateRows(table, header.mapping);
  if (problems.length > 0 || result.problems.length > 0) {
    throw new ProgressExportError(options.fileName, inFileOrder([...problems, ...result.problems]));
  }
  return { ...result, columnLabels: header.mapping.label };
}

/** File-level problems first, then by line; the sort is stable, so a row's problems keep their column order. */
function inFileOrder(problems: readonly ExportProblem[]): ExportProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
