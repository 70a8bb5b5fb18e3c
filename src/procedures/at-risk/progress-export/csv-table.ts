import {
  acceptedDelimiters,
  type CsvDelimiter,
  detectDelimiter,
  excelSeparatorLine,
} from './csv-delimiter.js';
import { readCsvRecords } from './csv-records.js';
import { decodeText, type TextEncoding } from './decode-text.js';
import type { ExportProblem } from './export-problem.js';
import type { FileReason } from './problem-reason.js';
import type { SourceTableResult } from './source-table.js';

export interface CsvTableResult extends SourceTableResult {
  /** How the file was written, for the audit trail; null when it could not be decoded. */
  readonly encoding: TextEncoding | null;
  readonly delimiter: CsvDelimiter | null;
}

/** CSV bytes → decoded text → header and records, with their line numbers. */
export function readCsvTable(bytes: Uint8Array): CsvTableResult {
  const decoded = decodeText(bytes);
  if (decoded.text === null) {
    return { table: null, problems: [fileProblem(decoded.reason)], encoding: null, delimiter: null };
  }
  const { text, encoding } = decoded;
  if (!/\S/.test(text)) {
    return { table: null, problems: [fileProblem({ code: 'file_empty' })], encoding, delimiter: null };
  }

  // After a `sep=` line the header is the next line. Only the hint's text is
  // dropped, not its line end: the tokenizer then sees a blank line 1, so
  // every record keeps the line number the file shows.
  const separator = excelSeparatorLine(text);
  const delimiter = separator?.delimiter ?? detectDelimiter(text);
  const { records, problems } = readCsvRecords(
    separator === null ? text : text.slice(separator.length),
    delimiter,
  );
  const [header, ...data] = records;
  if (header === undefined) {
    // Only a `sep=` line: nothing else to read.
    const nothing = problems.length === 0 ? [fileProblem({ code: 'file_empty' })] : problems;
    return { table: null, problems: nothing, encoding, delimiter };
  }
  if (header.cells.length === 1) {
    const problem: ExportProblem = {
      line: header.line,
      column: null,
      reason: { code: 'single_column_header', delimiters: acceptedDelimiters },
    };
    return { table: null, problems: [problem, ...problems], encoding, delimiter };
  }
  return {
    table: { headerLine: header.line, header: header.cells, records: data, fieldCountMustMatch: true },
    problems,
    encoding,
    delimiter,
  };
}

function fileProblem(reason: FileReason): ExportProblem {
  return { line: null, column: null, reason };
}
