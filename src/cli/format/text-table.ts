// Counts, changes like "12 (+3)" and placeholders: columns of these read best right-aligned.
const numericCell = /^[\d\s.,()+−±–-]*$/;

/** A plain-text table: numeric columns right-aligned, text columns left-aligned. */
export function textTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  const rightAligned = header.map((_, column) =>
    rows.every((row) => typeof row[column] === 'number' || numericCell.test(String(row[column] ?? ''))),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        rightAligned[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(cells[0] ?? []), rule, ...cells.slice(1).map(line)].join('\n');
}

/** +3 / −2 / ±0, for changes since the previous cycle. */
export function signed(change: number): string {
  if (change > 0) return `+${change}`;
  if (change < 0) return `−${-change}`;
  return '±0';
}
