import type { Translator } from '../i18n/translator.js';
import type { ImageRef } from '../messages/message-model.js';
import { barValueLabels } from './bar-value-labels.js';
import { chartFontFamily } from './chart-font.js';
import { axisTextColour, fontSize, gridColour, textColour, titleWithoutLegend } from './chart-style.js';
import { type ChartSize, renderBarChart } from './render-chart.js';

/** One bar: its label on the axis, its figure, and its colours (a fill and a darker edge). */
export interface HorizontalBar {
  readonly label: string;
  readonly value: number;
  readonly fill: string;
  readonly border: string;
}

/**
 * Counts as horizontal bars, each labelled with its figure (so nothing rests
 * on colour alone), a title and a counted axis: the shape of a board's
 * students per traffic light and of the deviations per category.
 */
export function renderHorizontalBarChart(input: {
  readonly bars: readonly HorizontalBar[];
  readonly title: string;
  readonly axisTitle: string;
  readonly translator: Translator;
  /** The labels on the axis in bold (the traffic light's categories). */
  readonly boldLabels?: boolean;
  readonly scale?: ChartSize['scale'];
}): Promise<ImageRef> {
  const family = chartFontFamily();
  const { translator, bars } = input;
  return renderBarChart(
    {
      type: 'bar',
      data: {
        labels: bars.map((bar) => bar.label),
        datasets: [
          {
            data: bars.map((bar) => bar.value),
            backgroundColor: bars.map((bar) => bar.fill),
            borderColor: bars.map((bar) => bar.border),
            borderWidth: 1,
            barPercentage: 0.8,
            categoryPercentage: 0.9,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        layout: { padding: { top: 4, right: 24, bottom: 8, left: 8 } },
        plugins: titleWithoutLegend(input.title, family, 12),
        scales: {
          x: {
            beginAtZero: true,
            // Room after the longest bar for its figure.
            grace: '12%',
            title: {
              display: true,
              text: input.axisTitle,
              color: axisTextColour,
              font: { family, size: fontSize.axisTitle },
            },
            ticks: {
              precision: 0,
              color: axisTextColour,
              font: { family, size: fontSize.tick },
              callback: (value) => translator.formatNumber(Number(value)),
            },
            grid: { color: gridColour },
          },
          y: {
            ticks: {
              color: textColour,
              font: { family, size: fontSize.tick, ...(input.boldLabels ? { weight: 'bold' as const } : {}) },
            },
            grid: { display: false },
          },
        },
      },
      plugins: [
        barValueLabels({
          font: `bold ${fontSize.label}px ${family}`,
          colour: textColour,
          format: translator.formatNumber,
        }),
      ],
    },
    { ...(input.scale === undefined ? {} : { scale: input.scale }) },
  );
}
