import type { CsvDelimiter } from './csv-delimiter.js';
import type { ExportProblem } from './export-problem.js';

export interface CsvRecord {
  /** File line where the record starts; a quoted newline makes later records jump. */
  readonly line: number;
  readonly cells: string[];
}

export interface CsvRecords {
  readonly records: CsvRecord[];
  readonly problems: ExportProblem[];
}

const quote = 0x22;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/**
 * RFC 4180 records (spec "quoted fields per RFC 4180", "CRLF or LF line
 * ends"), and a lone CR as a line end too: Excel for Mac's "Macintosh Comma
 * Separated" ends its lines with CR alone, and read by LF only such a file is
 * one header line and no rows. CRLF stays one line end; a CR or LF inside
 * quotes is part of the value. Built for 100,000-row exports: a line without a
 * quote, which is nearly every line, is a cached `indexOf` per line-end
 * character and one native `split`; only a line that holds a quote goes
 * through the field-by-field scanner. Values are always substrings between
 * indexes, never built a character at a time.
 *
 * Blank lines are skipped (a trailing newline is not a record). A quote that
 * is never closed swallows the rest of the file, so it ends the reading with
 * a problem on the line where the quoted field started.
 */
export function readCsvRecords(text: string, delimiter: CsvDelimiter): CsvRecords {
  const scanner = new RecordScanner(text, delimiter);
  return scanner.readAll();
}

class RecordScanner {
  private position = 0;
  private line = 1;
  /** Index of the next `"` at or after `position`, or the text length when there is none. */
  private nextQuote = -1;
  /** The same for LF and for CR, so that each is searched for once per line it ends. */
  private nextLineFeed = -1;
  private nextCarriageReturn = -1;
  private readonly records: CsvRecord[] = [];
  private readonly problems: ExportProblem[] = [];

  constructor(
    private readonly text: string,
    private readonly delimiter: CsvDelimiter,
  ) {}

  readAll(): CsvRecords {
    const { text } = this;
    const length = text.length;
    while (this.position < length) {
      const start = this.position;
      const lineEnd = this.lineBreakFrom(start);
      if (this.nextQuote < start) {
        const found = text.indexOf('"', start);
        this.nextQuote = found === -1 ? length : found;
      }
      if (this.nextQuote >= lineEnd) {
        this.readPlainLine(start, lineEnd);
      } else if (!this.readQuotedRecord()) {
        break;
      }
    }
    return { records: this.records, problems: this.problems };
  }

  /** Index of the first CR or LF at or after `from`, or the text length when there is none. */
  private lineBreakFrom(from: number): number {
    const { text } = this;
    if (this.nextLineFeed < from) {
      const found = text.indexOf('\n', from);
      this.nextLineFeed = found === -1 ? text.length : found;
    }
    if (this.nextCarriageReturn < from) {
      const found = text.indexOf('\r', from);
      this.nextCarriageReturn = found === -1 ? text.length : found;
    }
    return Math.min(this.nextLineFeed, this.nextCarriageReturn);
  }

  /** Where the line after the line break at `at` starts: CRLF is one line end. */
  private afterLineBreak(at: number): number {
    const { text } = this;
    return text.charCodeAt(at) === carriageReturn && text.charCodeAt(at + 1) === lineFeed ? at + 2 : at + 1;
  }

  /** The fast path: a line without any quote is split as it stands. */
  private readPlainLine(start: number, lineEnd: number): void {
    if (lineEnd > start) {
      this.records.push({ line: this.line, cells: this.text.slice(start, lineEnd).split(this.delimiter) });
    }
    this.line++;
    this.position = this.afterLineBreak(lineEnd);
  }

  /**
   * Reads one record field by field; returns false when an unterminated quote
   * ended the file.
   */
  private readQuotedRecord(): boolean {
    const { text, delimiter } = this;
    const length = text.length;
    const recordLine = this.line;
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      if (text.charCodeAt(this.position) === quote) {
        const quoted = this.readQuotedField();
        if (quoted === null) return false;
        cell = quoted;
      } else {
        cell = this.readUnquotedField();
      }
      cells.push(cell);

      const position = this.position;
      if (position >= length) break;
      if (text[position] === delimiter) {
        this.position = position + 1;
        continue;
      }
      // The field ended at a line end (readUnquotedField and readQuotedField
      // stop only at a delimiter, a line end or the end of the text).
      this.position = this.afterLineBreak(position);
      this.line++;
      break;
    }
    this.records.push({ line: recordLine, cells });
    return true;
  }

  /** Up to the next delimiter or line end; a stray quote inside is plain text. */
  private readUnquotedField(): string {
    const { text } = this;
    const start = this.position;
    const lineEnd = this.lineBreakFrom(start);
    const delimiterAt = text.indexOf(this.delimiter, start);
    const end = delimiterAt !== -1 && delimiterAt < lineEnd ? delimiterAt : lineEnd;
    this.position = end;
    return text.slice(start, end);
  }

  /**
   * From an opening quote to its closing quote, `""` standing for one quote;
   * newlines inside are part of the value and advance the line count.
   * Returns null (and records the problem) when the quote is never closed.
   */
  private readQuotedField(): string | null {
    const { text } = this;
    const openedOnLine = this.line;
    const opening = this.position;
    let chunkStart = opening + 1;
    let value = '';
    let closing: number;
    for (;;) {
      closing = text.indexOf('"', chunkStart);
      if (closing === -1) {
        this.problems.push({
          line: openedOnLine,
          column: null,
          reason: { code: 'unclosed_quote' },
        });
        this.position = text.length;
        return null;
      }
      if (text.charCodeAt(closing + 1) !== quote) break;
      value += text.slice(chunkStart, closing + 1);
      chunkStart = closing + 2;
    }
    value += text.slice(chunkStart, closing);
    this.line += countLineBreaks(text, opening, closing);
    this.position = closing + 1;
    this.nextQuote = -1;
    this.skipTextAfterClosingQuote();
    return value;
  }

  /**
   * RFC 4180 allows nothing between a closing quote and the delimiter; text
   * there almost always means an undoubled quote inside the value.
   */
  private skipTextAfterClosingQuote(): void {
    const { text } = this;
    const position = this.position;
    if (position >= text.length) return;
    const code = text.charCodeAt(position);
    if (text[position] === this.delimiter || code === lineFeed || code === carriageReturn) return;
    this.problems.push({
      line: this.line,
      column: null,
      reason: { code: 'text_after_closing_quote' },
    });
    this.readUnquotedField();
  }
}

/** Line ends between two indexes: LF, CR and CRLF count once each, as in the records around them. */
function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === lineFeed) count++;
    else if (code === carriageReturn && text.charCodeAt(at + 1) !== lineFeed) count++;
  }
  return count;
}
