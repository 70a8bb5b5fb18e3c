import { type DecimalMark, decimalMarkOf } from './cell-values.js';
import type { CellValue } from './source-table.js';

/**
 * The decimal mark of a file, decided from its ECTS cells (spec "Decimal
 * point or decimal comma (`7,5` with a `;` delimiter)", detected per file).
 * The mark most values use wins, the first one seen on a tie; every value
 * written with the other mark is then reported, since a file that mixes them
 * was assembled from two sources and one of them may mean something else
 * (`1.000` is one thousand to a Dane). Without any decimal part the question
 * does not arise and the answer is the point.
 */
export function detectDecimalMark(ectsCells: Iterable<CellValue>): DecimalMark {
  let commas = 0;
  let points = 0;
  let first: DecimalMark | null = null;
  for (const cell of ectsCells) {
    const mark = decimalMarkOf(cell);
    if (mark === null) continue;
    first ??= mark;
    if (mark === ',') commas++;
    else points++;
  }
  if (commas !== points) return commas > points ? ',' : '.';
  return first ?? '.';
}
