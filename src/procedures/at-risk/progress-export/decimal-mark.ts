import type { DecimalMark } from './cell-values.js';
import type { CellReason } from './problem-reason.js';
import type { ProgressColumn } from './progress-row.js';

/** A cell written with the other mark than the file's. */
export interface OtherMarkCell {
  readonly line: number;
  readonly column: ProgressColumn;
  readonly reason: Extract<CellReason, { code: 'other_decimal_mark' }>;
}

/**
 * The decimal mark of a file, decided from its ECTS cells (spec "Decimal
 * point or decimal comma (`7,5` with a `;` delimiter)", detected per file).
 * The mark most values use wins, the first one seen on a tie; every value
 * written with the other mark is then reported, since a file that mixes them
 * was assembled from two sources and one of them may mean something else
 * (`1.000` is one thousand to a Dane). Without any decimal part the question
 * does not arise and the answer is the point.
 *
 * The file is read once, so the tally cannot know the winner before the end:
 * it keeps where each marked cell was, compactly (a line number and an index
 * into the few distinct texts), to name the losing mark's cells afterwards.
 */
export class DecimalMarkTally {
  private first: DecimalMark | null = null;
  private readonly cells: Record<DecimalMark, number[]> = { '.': [], ',': [] };
  private readonly texts: string[] = [];
  private readonly textIndex = new Map<string, number>();
  private readonly columns: ProgressColumn[] = [];

  /** A cell whose text has a decimal part written with `mark`. */
  count(mark: DecimalMark, line: number, column: ProgressColumn, text: string): void {
    this.first ??= mark;
    let textId = this.textIndex.get(text);
    if (textId === undefined) {
      textId = this.texts.push(text) - 1;
      this.textIndex.set(text, textId);
    }
    let columnId = this.columns.indexOf(column);
    if (columnId === -1) columnId = this.columns.push(column) - 1;
    this.cells[mark].push(line, textId * 16 + columnId);
  }

  get decimalMark(): DecimalMark {
    const commas = this.cells[','].length;
    const points = this.cells['.'].length;
    if (commas !== points) return commas > points ? ',' : '.';
    return this.first ?? '.';
  }

  /** Every cell written with the other mark than the file's, in file order. */
  otherMarkCells(): OtherMarkCell[] {
    const otherMark: DecimalMark = this.decimalMark === '.' ? ',' : '.';
    const packed = this.cells[otherMark];
    const cells: OtherMarkCell[] = [];
    for (let at = 0; at < packed.length; at += 2) {
      const ids = packed[at + 1] ?? 0;
      const column = this.columns[ids % 16];
      if (column === undefined) continue;
      const text = this.texts[Math.floor(ids / 16)] ?? '';
      cells.push({
        line: packed[at] ?? 0,
        column,
        reason: { code: 'other_decimal_mark', text, mark: otherMark },
      });
    }
    return cells;
  }
}
