import { type CsvDelimiter, detectDelimiter, excelSeparatorLine } from './csv-delimiter.js';
import { type CsvRecord, CsvRecordReader } from './csv-records.js';
import type { TextEncoding } from './decode-text.js';
import type { ExportProblem } from './export-problem.js';
import type { ExportSource } from './export-source.js';

/**
 * A CSV export opened for reading: its header record and, after it, the
 * records a piece of the file at a time. The tokenizer's problems (quotes)
 * gather in `problems` as the records are read.
 */
export interface CsvTable {
  readonly encoding: TextEncoding;
  readonly delimiter: CsvDelimiter;
  /** null when the file holds nothing but blank lines (or a `sep=` line). */
  readonly header: CsvRecord | null;
  readonly problems: readonly ExportProblem[];
  /** The records after the header; read once. */
  records(): AsyncGenerator<readonly CsvRecord[]>;
}

/**
 * CSV bytes → text decoded a piece at a time → records with their line
 * numbers. The delimiter is decided from the first line before any record is
 * read: Excel's `sep=` hint when there is one, else the header's own count.
 */
export async function openCsvTable(source: ExportSource, encoding: TextEncoding): Promise<CsvTable> {
  const texts = decodedPieces(source, encoding);
  // The first line must be whole to decide the delimiter.
  let first = '';
  let ended = false;
  while (!/[\r\n]/.test(first)) {
    const next = await texts.next();
    if (next.done) {
      ended = true;
      break;
    }
    first += next.value;
  }

  // After a `sep=` line the header is the next line. Only the hint's text is
  // dropped, not its line end: the tokenizer then sees a blank line 1, so
  // every record keeps the line number the file shows.
  const separator = excelSeparatorLine(first);
  const delimiter = separator?.delimiter ?? detectDelimiter(first);
  const reader = new CsvRecordReader(delimiter);
  let queued: readonly CsvRecord[] = reader.read(
    separator === null ? first : first.slice(separator.length),
    ended,
  );

  async function* later(): AsyncGenerator<readonly CsvRecord[]> {
    if (ended) return;
    for (;;) {
      const next = await texts.next();
      const records = reader.read(next.done ? '' : next.value, next.done === true);
      if (records.length > 0) yield records;
      if (next.done) return;
    }
  }
  const pieces = later();

  // The header is the first record, unless no record has any visible
  // character: then the file is empty.
  const seen: CsvRecord[] = [];
  let afterText: readonly CsvRecord[] | null = null;
  while (afterText === null) {
    const withText = queued.findIndex(hasText);
    seen.push(...(withText === -1 ? queued : queued.slice(0, withText + 1)));
    if (withText !== -1) {
      afterText = queued.slice(withText + 1);
      break;
    }
    const next = await pieces.next();
    if (next.done) break;
    queued = next.value;
  }
  const [header, ...beforeText] = seen;
  if (afterText === null || header === undefined) {
    return { encoding, delimiter, header: null, problems: reader.problems, records: async function* () {} };
  }
  const afterHeader = [...beforeText, ...afterText];
  return {
    encoding,
    delimiter,
    header,
    problems: reader.problems,
    async *records() {
      if (afterHeader.length > 0) yield afterHeader;
      yield* pieces;
    },
  };
}

/** A record with any visible character; a file without one is empty. */
function hasText(record: CsvRecord): boolean {
  return record.cells.some((cell) => /\S/.test(cell));
}

async function* decodedPieces(source: ExportSource, encoding: TextEncoding): AsyncGenerator<string> {
  // UTF-8's decoder drops a leading byte order mark itself (ignoreBOM defaults to false).
  const decoder = new TextDecoder(encoding);
  for await (const chunk of source.chunks()) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}
