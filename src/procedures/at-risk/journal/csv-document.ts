/**
 * A list as Danish Excel opens it with a double click: UTF-8 with a byte
 * order mark (without it Excel reads Windows-1252 and garbles æøå),
 * semicolons between cells (Danish Excel's list separator, as the comma is
 * its decimal mark), CRLF line ends, and quotes only where a cell needs them.
 */
const byteOrderMark = '\uFEFF';
const separator = ';';

/** A cell: text as it is, or a number written the Danish way (`7,5`). */
export type CsvCell = string | number;

export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): Uint8Array {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(separator));
  return new TextEncoder().encode(`${byteOrderMark}${lines.join('\r\n')}\r\n`);
}

function csvCell(cell: CsvCell): string {
  if (typeof cell === 'number') return danishNumber(cell);
  // A text starting like a formula (a name "=HYPERLINK(…)" from an export) is
  // shown as text, not run, when the list is opened in a spreadsheet (OWASP
  // "CSV injection"); the apostrophe is Excel's own mark for "this is text".
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** `7,5`, `-2`, `20`: up to three decimals, no thousands separator (a spreadsheet reads it as a number). */
export function danishNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000).replace('.', ',');
}
