import type { Plugin } from 'chart.js';
import { barValueLabels } from '../../../../charts/bar-value-labels.js';
import { chartFontFamily } from '../../../../charts/chart-font.js';
import {
  axisTextColour,
  fontSize,
  gridColour,
  textColour,
  titleWithoutLegend,
} from '../../../../charts/chart-style.js';
import { renderHorizontalBarChart } from '../../../../charts/horizontal-bar-chart.js';
import { type ChartSize, renderBarChart } from '../../../../charts/render-chart.js';
import type { Translator } from '../../../../i18n/translator.js';
import type { ImageRef } from '../../../../messages/message-model.js';

/**
 * The statistics' two charts, on the bot's own chart renderer (src/charts):
 * the cases by category, and received against finished month by month. The
 * traffic-light charts' shapes are a board's four categories, so these are
 * their own; they share the style (fonts, colours' contrast, figures printed
 * on the bars so nothing rests on colour alone).
 */

/** Received: dark; finished: light with a dark edge (at least 3:1 against white, WCAG 1.4.11). */
const receivedColours = { fill: '#1e5aa8', border: '#0d3468' } as const;
const finishedColours = { fill: '#9cc3ea', border: '#2f5f8f' } as const;

/** Past this many months the figures above the bars run into each other: the table and alt text carry them. */
const maxLabelledMonths = 24;

export interface CategoryBar {
  readonly label: string;
  readonly count: number;
}

export function renderStatisticsCategoryChart(input: {
  readonly bars: readonly CategoryBar[];
  readonly title: string;
  readonly axisTitle: string;
  readonly translator: Translator;
  readonly scale?: ChartSize['scale'];
}): Promise<ImageRef> {
  return renderHorizontalBarChart({
    bars: input.bars.map((bar) => ({
      label: bar.label,
      value: bar.count,
      fill: receivedColours.fill,
      border: receivedColours.border,
    })),
    title: input.title,
    axisTitle: input.axisTitle,
    translator: input.translator,
    ...(input.scale === undefined ? {} : { scale: input.scale }),
  });
}

export interface TrendMonth {
  readonly label: string;
  readonly received: number;
  readonly finished: number;
}

export async function renderStatisticsTrendChart(input: {
  readonly months: readonly TrendMonth[];
  readonly title: string;
  readonly receivedLabel: string;
  readonly finishedLabel: string;
  readonly translator: Translator;
  readonly scale?: ChartSize['scale'];
}): Promise<ImageRef> {
  if (input.months.length === 0) throw new RangeError('A trend chart needs at least one month');
  const family = chartFontFamily();
  const { translator } = input;
  const series = [
    { label: input.receivedLabel, colours: receivedColours },
    { label: input.finishedLabel, colours: finishedColours },
  ] as const;
  // The render registers no legend plugin (the other charts need none): the two series are named here.
  const legend: Plugin<'bar'> = {
    id: 'trafiklysStatisticsLegend',
    afterDraw(chart) {
      const { ctx } = chart;
      const swatch = 12;
      const gap = 8;
      ctx.save();
      ctx.font = `${fontSize.legend}px ${family}`;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      const widths = series.map((entry) => swatch + gap + ctx.measureText(entry.label).width);
      const total = widths.reduce((sum, width) => sum + width, 0) + 24 * (series.length - 1);
      let x = (chart.width - total) / 2;
      const y = chart.chartArea.top - 14;
      series.forEach((entry, index) => {
        ctx.fillStyle = entry.colours.fill;
        ctx.strokeStyle = entry.colours.border;
        ctx.fillRect(x, y - swatch / 2, swatch, swatch);
        ctx.strokeRect(x, y - swatch / 2, swatch, swatch);
        ctx.fillStyle = textColour;
        ctx.fillText(entry.label, x + swatch + gap, y);
        x += (widths[index] ?? 0) + 24;
      });
      ctx.restore();
    },
  };
  const labelled = input.months.length <= maxLabelledMonths;
  return renderBarChart(
    {
      type: 'bar',
      data: {
        labels: input.months.map((month) => month.label),
        datasets: series.map((entry, index) => ({
          label: entry.label,
          data: input.months.map((month) => (index === 0 ? month.received : month.finished)),
          backgroundColor: entry.colours.fill,
          borderColor: entry.colours.border,
          borderWidth: 1,
          barPercentage: 0.9,
          categoryPercentage: 0.8,
          maxBarThickness: 36,
        })),
      },
      options: {
        layout: { padding: { top: 4, right: 16, bottom: 4, left: 8 } },
        // Room under the title for the legend.
        plugins: titleWithoutLegend(input.title, family, 30),
        scales: {
          x: {
            ticks: { color: textColour, font: { family, size: fontSize.tick } },
            grid: { display: false },
          },
          y: {
            beginAtZero: true,
            grace: '12%',
            ticks: {
              precision: 0,
              color: axisTextColour,
              font: { family, size: fontSize.tick },
              callback: (value) => translator.formatNumber(Number(value)),
            },
            grid: { color: gridColour },
          },
        },
      },
      plugins: [
        legend,
        ...(labelled
          ? [
              barValueLabels({
                font: `bold ${fontSize.label - 2}px ${family}`,
                colour: textColour,
                format: translator.formatNumber,
              }),
            ]
          : []),
      ],
    },
    { ...(input.scale === undefined ? {} : { scale: input.scale }) },
  );
}
