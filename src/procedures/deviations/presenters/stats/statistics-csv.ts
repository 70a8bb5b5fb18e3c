import type { DeviationCase } from '../../deviation-case.js';
import { caseFigures } from '../../use-cases/stats/case-figures.js';

/**
 * One row per case for the faculty's quality report: what the case is about
 * and how its handling went, in codes and the institution's dates. Never the
 * report's text, the reporter or the handler (the guideline keeps sensitive
 * cases out of exports; none of these columns can carry them).
 *
 * As the house writes lists for spreadsheets (see the at-risk journal's
 * csv-document.ts): UTF-8 with a byte order mark, `;` between cells (Nordic
 * spreadsheets' list separator), CRLF line ends, quotes only where needed.
 */
export const statisticsCsvHeader = [
  'number',
  'faculty',
  'unit_kind',
  'unit_code',
  'category',
  'state',
  'received',
  'deadline',
  'finished',
  'handling_days',
  'overdue',
  'finished_late',
  'sensitive',
] as const;

export function statisticsCsv(cases: readonly DeviationCase[], now: Date, timeZone: string): string {
  const rows = cases.map((deviation) => {
    const figures = caseFigures(deviation, now, timeZone);
    return [
      deviation.number,
      deviation.facultyCode,
      deviation.unit.kind,
      deviation.unit.code,
      deviation.category,
      deviation.state,
      figures.receivedOn,
      figures.deadlineOn,
      figures.finishedOn ?? '',
      figures.handlingDays === null ? '' : String(figures.handlingDays),
      yesNo(figures.overdue),
      yesNo(figures.finishedLate),
      yesNo(deviation.sensitive),
    ];
  });
  const lines = [statisticsCsvHeader, ...rows].map((row) => row.map(csvCell).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function yesNo(flag: boolean): string {
  return flag ? 'yes' : 'no';
}

function csvCell(cell: string): string {
  // A code starting like a formula is kept as text when the list is opened in a spreadsheet (CSV injection).
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
