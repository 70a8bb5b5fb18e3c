import type { DecimalMark } from './cell-values.js';
import { acceptedDelimiters } from './csv-delimiter.js';
import { openCsvTable } from './csv-table.js';
import { startsWith } from './decode-text.js';
import { type ExportProblem, ProgressExportError } from './export-problem.js';
import { rowBatchSize } from './export-rows.js';
import { type ExportSource, exportBytes, inspectBytes } from './export-source.js';
import { type HeaderMapping, mapHeader } from './header-mapping.js';
import type { ColumnAliases, ProgressExport, ProgressRow } from './progress-row.js';
import type { CellValue, SourceRecord } from './source-table.js';
import { RowValidator } from './validate-rows.js';
import { readXlsxTable } from './xlsx-table.js';

export interface ReadOptions {
  /** As the person named the file; used in the rejection message and the audit trail. */
  readonly fileName: string;
  /** The deployment's own header names, in addition to the English and Danish ones. */
  readonly columnAliases?: ColumnAliases;
}

/**
 * An export opened for reading as it is used: everything about the file but
 * its rows, which come a batch at a time. After the last batch it throws a
 * ProgressExportError naming every problem when the file had any: a file
 * with any invalid row is rejected as a whole and nothing from it may be
 * stored, so whoever keeps rows (an import's staging) must keep them
 * undoably until the batches are done.
 */
export interface ProgressExportReading extends Omit<ProgressExport, 'rows' | 'decimalMark'> {
  readonly rows?: undefined;
  /** The valid rows in file order; once a problem is found no more rows come, only the problems at the end. */
  batches(): AsyncGenerator<readonly ProgressRow[]>;
  /** The mark the file's ECTS text cells use: known once the batches are done; null for XLSX. */
  decimalMark(): DecimalMark | null;
}

/** Every XLSX file is a ZIP archive; the extension a chat upload carries is not to be trusted. */
const zipSignature = [0x50, 0x4b, 0x03, 0x04];
/** The OLE2 compound file of Excel 97–2003 `.xls`. */
const legacyExcelSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const utf8Bom = [0xef, 0xbb, 0xbf];

/**
 * Opens a study-progress export (spec "Study-progress export"): a first pass
 * hashes the bytes and tells UTF-8 from Windows-1252, then the header is read
 * and mapped. Problems with the file as a whole or its header are thrown here;
 * those of its rows at the end of the batches. A CSV file is never held whole
 * (neither its bytes nor its text); an XLSX workbook is, since its sheet can
 * only be unpacked whole.
 */
export async function openProgressExport(
  source: ExportSource,
  options: ReadOptions,
): Promise<ProgressExportReading> {
  const { fileName } = options;
  const inspected = await inspectBytes(source, (head) => startsWith(head, zipSignature));
  const { sha256, head } = inspected;
  const refuse = (problems: readonly ExportProblem[]) => new ProgressExportError(fileName, problems);

  if (inspected.whole !== null) {
    const { table, problems } = await readXlsxTable(inspected.whole);
    if (table === null) throw refuse(problems);
    const mapping = mappedHeader(table.header, table.headerLine, options);
    return reading({
      description: {
        fileName,
        sha256,
        format: 'xlsx',
        encoding: null,
        delimiter: null,
        columnLabels: mapping.label,
      },
      mapping,
      table: { header: table.header, fieldCountMustMatch: false },
      records: inSlices(table.records),
      readProblems: [],
    });
  }
  if (startsWith(head, legacyExcelSignature)) throw refuse([fileProblem({ code: 'old_excel_workbook' })]);
  // Excel's "Unicode text" export; decoding it as Windows-1252 would only
  // produce a confusing "missing column" list.
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    throw refuse([fileProblem({ code: 'utf16' })]);
  }
  // Spec "Accepted encodings": UTF-8 with or without BOM, and Windows-1252
  // (Excel's default "CSV" on Danish Windows). A file is UTF-8 when it is
  // valid UTF-8 throughout: Windows-1252 text with æ, ø or å practically
  // never is, while every byte sequence is valid Windows-1252.
  if (startsWith(head, utf8Bom) && !inspected.isUtf8) {
    throw refuse([fileProblem({ code: 'invalid_utf8_after_bom' })]);
  }
  const csv = await openCsvTable(source, inspected.isUtf8 ? 'utf-8' : 'windows-1252');
  const { header } = csv;
  if (header === null) {
    throw refuse(csv.problems.length > 0 ? csv.problems : [fileProblem({ code: 'file_empty' })]);
  }
  // A header problem stops the rows from being checked (the cells cannot be
  // told apart), but the rest is still read for the file's quoting problems.
  const refuseWithQuoting = async (headerProblems: readonly ExportProblem[]) => {
    for await (const _ of csv.records());
    return refuse(inFileOrder([...headerProblems, ...csv.problems]));
  };
  if (header.cells.length === 1) {
    throw await refuseWithQuoting([
      {
        line: header.line,
        column: null,
        reason: { code: 'single_column_header', delimiters: acceptedDelimiters },
      },
    ]);
  }
  const mapped = mapHeader(header.cells, header.line, options.columnAliases);
  if (mapped.problems.some((problem) => problem.reason.code === 'not_a_progress_export')) {
    throw refuse(mapped.problems);
  }
  if (mapped.problems.length > 0) throw await refuseWithQuoting(mapped.problems);
  return reading({
    description: {
      fileName,
      sha256,
      format: 'csv',
      encoding: csv.encoding,
      delimiter: csv.delimiter,
      columnLabels: mapped.mapping.label,
    },
    mapping: mapped.mapping,
    table: { header: header.cells, fieldCountMustMatch: true },
    records: csv.records(),
    readProblems: csv.problems,
  });
}

/**
 * A study-progress export read whole, as validated rows, or a
 * ProgressExportError naming every problem.
 */
export async function readProgressExport(bytes: Uint8Array, options: ReadOptions): Promise<ProgressExport> {
  const opened = await openProgressExport(exportBytes(bytes), options);
  const rows: ProgressRow[] = [];
  for await (const batch of opened.batches()) rows.push(...batch);
  const { batches: _, decimalMark, ...description } = opened;
  return { ...description, decimalMark: decimalMark(), rows };
}

function mappedHeader(header: readonly CellValue[], headerLine: number, options: ReadOptions): HeaderMapping {
  const { mapping, problems } = mapHeader(header, headerLine, options.columnAliases);
  if (problems.length > 0) throw new ProgressExportError(options.fileName, problems);
  return mapping;
}

interface ReadingParts {
  readonly description: Omit<ProgressExportReading, 'batches' | 'decimalMark'>;
  readonly mapping: HeaderMapping;
  readonly table: { readonly header: readonly CellValue[]; readonly fieldCountMustMatch: boolean };
  readonly records: AsyncIterable<readonly SourceRecord[]>;
  /** The format reader's own problems (CSV quoting), complete once the records are read. */
  readonly readProblems: readonly ExportProblem[];
}

function reading({
  description,
  mapping,
  table,
  records,
  readProblems,
}: ReadingParts): ProgressExportReading {
  let decimalMark: DecimalMark | null = null;
  return {
    ...description,
    decimalMark: () => decimalMark,
    async *batches() {
      const validator = new RowValidator(mapping, table);
      let batch: ProgressRow[] = [];
      for await (const piece of records) {
        for (const record of piece) {
          const row = validator.read(record);
          // A file with a problem is refused whole: its later rows need only checking.
          if (row === null || validator.hasProblems || readProblems.length > 0) continue;
          batch.push(row);
          if (batch.length >= rowBatchSize) {
            yield batch;
            batch = [];
          }
        }
      }
      if (batch.length > 0 && !validator.hasProblems && readProblems.length === 0) yield batch;
      const validated = validator.finish();
      if (description.format === 'csv') decimalMark = validated.decimalMark;
      const problems = inFileOrder([...readProblems, ...validated.problems]);
      if (problems.length > 0) throw new ProgressExportError(description.fileName, problems);
    },
  };
}

async function* inSlices(records: readonly SourceRecord[]): AsyncGenerator<readonly SourceRecord[]> {
  for (let start = 0; start < records.length; start += rowBatchSize) {
    yield records.slice(start, start + rowBatchSize);
  }
}

function fileProblem(reason: ExportProblem['reason']): ExportProblem {
  return { line: null, column: null, reason };
}

/** File-level problems first, then by line; the sort is stable, so a row's problems keep their column order. */
function inFileOrder(problems: readonly ExportProblem[]): ExportProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
