/** A tab only when Excel's `sep=` line names it (see excelSeparatorLine). */
export type CsvDelimiter = ',' | ';' | '\t';

/** The delimiters the spec accepts ("Delimiter `,` or `;`"), as named in problems. */
export const acceptedDelimiters: readonly CsvDelimiter[] = [',', ';'];

/** Excel's `sep=;` hint: the delimiter it names and how many characters of the text it takes. */
export interface SeparatorLine {
  readonly delimiter: CsvDelimiter;
  /** The hint line's length without its line end. */
  readonly length: number;
}

// Excel writes and honours a first line `sep=;` (or `sep=,`, `sep=<tab>`)
// naming the delimiter; saved again from Excel it may come back quoted, and
// with the empty cells of the columns beside it.
const separatorLine = /^(?:"sep=([,;\t])"|sep=([,;\t]))[,;\t]*(?=\r|\n|$)/i;

/** The `sep=` hint on the text's first line (after the BOM, which the decoder drops), or null. */
export function excelSeparatorLine(text: string): SeparatorLine | null {
  const match = separatorLine.exec(text.slice(0, 64));
  const delimiter = match?.[1] ?? match?.[2];
  if (match === null || !isDelimiter(delimiter)) return null;
  return { delimiter, length: match[0].length };
}

function isDelimiter(text: string | undefined): text is CsvDelimiter {
  return text === ',' || text === ';' || text === '\t';
}

const comma = 0x2c;
const semicolon = 0x3b;
const quote = 0x22;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

/**
 * Decides the delimiter from the header record, the one line whose content is
 * known: column names never contain a delimiter outside quotes, while data
 * cells may (a decimal comma in a `;` file). A delimiter inside a quoted
 * header is text, so only occurrences outside quotes count; when both or
 * neither occur, the one that splits the header into more fields wins (a tie
 * keeps `,`, the RFC 4180 default, and a single-field header is reported later).
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let position = 0;
  while (position < text.length && isLineBreak(text.charCodeAt(position))) position++;

  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  for (; position < text.length; position++) {
    const code = text.charCodeAt(position);
    if (code === quote) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (code === comma) commas++;
    else if (code === semicolon) semicolons++;
    else if (isLineBreak(code)) break;
  }
  return semicolons > commas ? ';' : ',';
}

function isLineBreak(code: number): boolean {
  return code === lineFeed || code === carriageReturn;
}
