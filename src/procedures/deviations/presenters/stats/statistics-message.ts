import { type InstitutionConfig, nameIn } from '../../../../config/institution-config.js';
import type { Translator } from '../../../../i18n/translator.js';
import type { Block, Message } from '../../../../messages/message-model.js';
import { deviationCategories, deviationStates } from '../../deviation-case.js';
import type { DeviationStatistics } from '../../use-cases/stats/deviation-statistics.js';
import type { YearMonth } from '../../use-cases/stats/stats-period.js';
import { instantText } from '../instant-text.js';
import { renderStatisticsCategoryChart, renderStatisticsTrendChart } from './statistics-charts.js';

/**
 * The statistics as the asker reads them, in her language: a heading, the
 * facts, tables by category (by faculty when all), by state and by month,
 * the two charts with alt texts, and what the figures mean. Only figures and
 * the catalogue's names: nothing of any case's text.
 */
export async function statisticsMessage(
  reader: Translator,
  statistics: DeviationStatistics,
  config: InstitutionConfig,
): Promise<Message> {
  const texts = reader.t.deviations;
  const stats = texts.stats;
  const number = reader.formatNumber;
  const heading = stats.heading({
    faculty: statistics.facultyCode,
    period: stats.periodName({
      from: yearMonthOf(statistics.period.from),
      to: yearMonthOf(statistics.period.to),
    }),
  });
  const definitions: Block = {
    type: 'context',
    content: [
      stats.definitions({
        timeZone: statistics.timeZone,
        asOf: instantText(reader, new Date(statistics.asOf), statistics.timeZone),
      }),
    ],
  };
  if (statistics.total === 0) {
    return {
      fallbackText: `${heading}: ${stats.noCases}`,
      blocks: [{ type: 'heading', text: heading }, { type: 'text', content: [stats.noCases] }, definitions],
    };
  }

  const categoryRows = deviationCategories.map((category) => ({
    label: texts.category[category],
    count: statistics.byCategory[category],
  }));
  const months = statistics.months.map((month) => ({
    label: stats.monthName(yearMonthOf(month.month)),
    received: month.received,
    finished: month.finished,
  }));
  const countColumn = { header: stats.column.count, align: 'right' as const };
  const blocks: Block[] = [
    { type: 'heading', text: heading },
    {
      type: 'facts',
      facts: [
        { label: stats.fact.total, value: [number(statistics.total)] },
        { label: stats.fact.medianDays, value: [stats.medianDays(statistics.handlingDays)] },
        { label: stats.fact.overdue, value: [number(statistics.overdue)] },
        { label: stats.fact.finishedLate, value: [number(statistics.finishedLate)] },
      ],
    },
    {
      type: 'table',
      columns: [{ header: stats.column.category }, countColumn],
      rows: categoryRows.map((row) => [row.label, number(row.count)]),
    },
  ];
  if (statistics.facultyCode === null) {
    blocks.push({
      type: 'table',
      columns: [{ header: stats.column.faculty }, countColumn],
      rows: statistics.byFaculty.map((row) => [facultyName(config, row.faculty, reader), number(row.count)]),
    });
  }
  blocks.push(
    {
      type: 'table',
      columns: [{ header: stats.column.state }, countColumn],
      rows: deviationStates.map((state) => [texts.state[state], number(statistics.byState[state])]),
    },
    {
      type: 'table',
      columns: [
        { header: stats.column.month },
        { header: stats.column.received, align: 'right' },
        { header: stats.column.finished, align: 'right' },
      ],
      rows: months.map((month) => [month.label, number(month.received), number(month.finished)]),
    },
    {
      type: 'image',
      image: await renderStatisticsCategoryChart({
        bars: categoryRows,
        title: stats.categoryChartTitle,
        axisTitle: stats.column.count,
        translator: reader,
      }),
      altText: stats.categoryAltText(categoryRows),
      title: stats.categoryChartTitle,
    },
    {
      type: 'image',
      image: await renderStatisticsTrendChart({
        months,
        title: stats.trendChartTitle,
        receivedLabel: stats.column.received,
        finishedLabel: stats.column.finished,
        translator: reader,
      }),
      altText: stats.trendAltText(months),
      title: stats.trendChartTitle,
    },
    definitions,
  );
  return { fallbackText: `${heading}: ${stats.fact.total} ${number(statistics.total)}`, blocks };
}

/** `IE – Faculty of Information Technology…`; a code the configuration no longer has, as it is. */
function facultyName(config: InstitutionConfig, code: string, reader: Translator): string {
  const faculty = config.faculties.find((candidate) => candidate.code === code);
  return faculty === undefined ? code : `${code} – ${nameIn(faculty, reader.language)}`;
}

function yearMonthOf(key: string): YearMonth {
  return { year: Number(key.slice(0, 4)), month: Number(key.slice(5, 7)) };
}
