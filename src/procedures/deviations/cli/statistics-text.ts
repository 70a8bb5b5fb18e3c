import { textTable } from '../../../cli/format/text-table.js';
import { type InstitutionConfig, nameIn } from '../../../config/institution-config.js';
import type { Translator } from '../../../i18n/translator.js';
import { deviationCategories, deviationStates } from '../deviation-case.js';
import { instantText } from '../presenters/instant-text.js';
import type { DeviationStatistics } from '../use-cases/stats/deviation-statistics.js';

/** The statistics as plain text for a terminal, in the catalogue's words (the command line speaks English). */
export function statisticsText(
  reader: Translator,
  statistics: DeviationStatistics,
  config: InstitutionConfig,
): string {
  const texts = reader.t.deviations;
  const stats = texts.stats;
  const number = reader.formatNumber;
  const month = (key: string) => ({ year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) });
  const heading = stats.heading({
    faculty: statistics.facultyCode,
    period: stats.periodName({ from: month(statistics.period.from), to: month(statistics.period.to) }),
  });
  const definitions = stats.definitions({
    timeZone: statistics.timeZone,
    asOf: instantText(reader, new Date(statistics.asOf), statistics.timeZone),
  });
  if (statistics.total === 0) return [`${heading}.`, '', stats.noCases, '', definitions, ''].join('\n');
  const facts = [
    [stats.fact.total, number(statistics.total)],
    [stats.fact.medianDays, stats.medianDays(statistics.handlingDays)],
    [stats.fact.overdue, number(statistics.overdue)],
    [stats.fact.finishedLate, number(statistics.finishedLate)],
  ];
  const labelWidth = Math.max(...facts.map(([label]) => (label ?? '').length));
  const sections = [
    `${heading}.`,
    facts.map(([label, value]) => `${(label ?? '').padEnd(labelWidth)}  ${value}`).join('\n'),
    textTable(
      [stats.column.category, stats.column.count],
      deviationCategories.map((category) => [texts.category[category], statistics.byCategory[category]]),
    ),
    ...(statistics.facultyCode === null
      ? [
          textTable(
            [stats.column.faculty, stats.column.count],
            statistics.byFaculty.map((row) => {
              const faculty = config.faculties.find((candidate) => candidate.code === row.faculty);
              return [
                faculty === undefined ? row.faculty : `${row.faculty} – ${nameIn(faculty, reader.language)}`,
                row.count,
              ];
            }),
          ),
        ]
      : []),
    textTable(
      [stats.column.state, stats.column.count],
      deviationStates.map((state) => [texts.state[state], statistics.byState[state]]),
    ),
    textTable(
      [stats.column.month, stats.column.received, stats.column.finished],
      statistics.months.map((row) => [stats.monthName(month(row.month)), row.received, row.finished]),
    ),
    definitions,
  ];
  return `${sections.join('\n\n')}\n`;
}
