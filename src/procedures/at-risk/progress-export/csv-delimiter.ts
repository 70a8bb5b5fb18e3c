export type CsvDelimiter = ',' | ';';

/** The delimiters the spec accepts ("Delimiter `,` or `;`"), as named in problems. */
export const acceptedDelimiters: readonly CsvDelimiter[] = [',', ';'];

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
