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
  const reader = new CsvRecordReader(delimiter);
  const records = reader.read(text, true);
  return { records, problems: reader.problems };
}

/**
 * The same records from text that arrives in pieces (a file decoded as it is
 * read): each call returns the records completed so far and keeps the
 * unfinished one for the next piece, so memory holds a piece and a record,
 * never the file. Line numbers and problems run on across the pieces.
 */
export class CsvRecordReader {
  /** Every problem met so far, in the order met. */
  readonly problems: ExportProblem[] = [];
  private line = 1;
  private pending = '';
  private ended = false;

  constructor(private readonly delimiter: CsvDelimiter) {}

  /** The records the text completes; `last` says no more text follows. */
  read(text: string, last: boolean): CsvRecord[] {
    if (this.ended) return [];
    const scanner = new RecordScanner(this.pending + text, this.delimiter, this.line, this.problems);
    const records = scanner.readRecords(last);
    this.line = scanner.lineAtRest;
    this.pending = scanner.rest;
    this.ended = last || scanner.unclosed;
    return records;
  }
}

type RecordEnd = 'complete' | 'incomplete' | 'unclosed';

class RecordScanner {
  private position = 0;
  /** Index of the next `"` at or after `position`, or the text length when there is none. */
  private nextQuote = -1;
  /** The same for LF and for CR, so that each is searched for once per line it ends. */
  private nextLineFeed = -1;
  private nextCarriageReturn = -1;
  private readonly records: CsvRecord[] = [];
  /** The line and text of the record the scan stopped at, when the text ended before it did. */
  lineAtRest: number;
  rest = '';
  /** An unterminated quote ended the reading: it swallows the rest of the file. */
  unclosed = false;
  /** Whether the text is all there is: a record may then end at its end. */
  private last = false;
  /** Why readQuotedField stopped the scan. */
  private stoppedBy: RecordEnd = 'complete';

  constructor(
    private readonly text: string,
    private readonly delimiter: CsvDelimiter,
    private line: number,
    private readonly problems: ExportProblem[],
  ) {
    this.lineAtRest = line;
  }

  readRecords(last: boolean): CsvRecord[] {
    this.last = last;
    const { text } = this;
    const length = text.length;
    while (this.position < length) {
      const start = this.position;
      const startLine = this.line;
      const problemCount = this.problems.length;
      const lineEnd = this.lineBreakFrom(start);
      if (this.nextQuote < start) {
        const found = text.indexOf('"', start);
        this.nextQuote = found === -1 ? length : found;
      }
      const end = this.nextQuote >= lineEnd ? this.readPlainLine(start, lineEnd) : this.readQuotedRecord();
      if (end === 'unclosed') {
        this.unclosed = true;
        break;
      }
      if (end === 'incomplete') {
        // Read again, whole, once the next piece of text has arrived.
        this.problems.length = problemCount;
        this.position = start;
        this.line = startLine;
        break;
      }
    }
    this.lineAtRest = this.line;
    this.rest = this.unclosed ? '' : text.slice(this.position);
    return this.records;
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

  /**
   * Whether the text may end a field at `at` (a line break, or the end):
   * not while more text follows, nor at a CR that is the text's last
   * character, since an LF may follow and make it one CRLF.
   */
  private isCut(at: number): boolean {
    if (this.last) return false;
    const length = this.text.length;
    return at >= length || (at === length - 1 && this.text.charCodeAt(at) === carriageReturn);
  }

  /** The fast path: a line without any quote is split as it stands. */
  private readPlainLine(start: number, lineEnd: number): RecordEnd {
    if (this.isCut(lineEnd)) return 'incomplete';
    if (lineEnd > start) {
      this.records.push({ line: this.line, cells: this.text.slice(start, lineEnd).split(this.delimiter) });
    }
    this.line++;
    this.position = this.afterLineBreak(lineEnd);
    return 'complete';
  }

  /** Reads one record field by field. */
  private readQuotedRecord(): RecordEnd {
    const { text, delimiter } = this;
    const length = text.length;
    const recordLine = this.line;
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      if (text.charCodeAt(this.position) === quote) {
        const quoted = this.readQuotedField();
        if (quoted === null) return this.stoppedBy;
        cell = quoted;
      } else {
        cell = this.readUnquotedField();
      }
      cells.push(cell);

      const position = this.position;
      if (this.isCut(position)) return 'incomplete';
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
    return 'complete';
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
   * newlines inside are part of the value and advance the line count. A quote
   * that is never closed is a problem once the text is all there is; before
   * that, the closing quote may still come (as may a quote that doubles the
   * text's last one). Returns null, saying why in stoppedBy, when it ends
   * the scan.
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
        this.stoppedBy = this.last ? 'unclosed' : 'incomplete';
        if (!this.last) return null;
        this.problems.push({
          line: openedOnLine,
          column: null,
          reason: { code: 'unclosed_quote' },
        });
        this.position = text.length;
        return null;
      }
      if (closing + 1 === text.length && !this.last) {
        this.stoppedBy = 'incomplete';
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
