import type { ImportReport } from '../../procedures/at-risk/import-identification.js';
import { trafficLights } from '../../procedures/at-risk/traffic-light.js';
import { signed, textTable } from './text-table.js';

const outcomeWords = { created: 'new', replaced: 'replaced', unchanged: 'unchanged' } as const;

/** Per board: what happened, counts with the change since the previous cycle, red movements. */
export function importReportTable(report: ImportReport): string {
  const rows = report.boards.map((board) => {
    const { counts } = board.figures;
    const change = board.comparison.change;
    return [
      board.boardCode,
      outcomeWords[board.outcome],
      ...trafficLights.map((light) =>
        change ? `${counts[light]} (${signed(change[light])})` : String(counts[light]),
      ),
      counts.out_of_scope,
      change ? board.comparison.newlyRed.length : '–',
      change ? board.comparison.leftRed.length : '–',
      board.figures.forwardedOut,
      board.figures.forwardedIn,
    ];
  });
  const table = textTable(
    [
      'Board',
      'Cycle',
      'Green',
      'Yellow',
      'Red',
      'Blue',
      'Out of scope',
      'Newly red',
      'Left red',
      'Fwd out',
      'Fwd in',
    ],
    rows,
  );
  const firstCycles = report.boards
    .filter((board) => board.comparison.previous === null)
    .map((b) => b.boardCode);
  const previousNote =
    firstCycles.length > 0
      ? `No previous cycle to compare with for: ${firstCycles.join(', ')}.`
      : 'Changes in brackets are since each board’s previous cycle.';
  return `${table}\n\n${previousNote}`;
}
