import type { ChartOptions, Plugin, ScriptableScaleContext } from 'chart.js';
import type { Translator } from '../i18n/translator.js';
import type { ImageRef } from '../messages/message-model.js';
import type { TrafficLight } from '../procedures/at-risk/traffic-light.js';
import { trafficLights } from '../procedures/at-risk/traffic-light.js';
import { barValueLabels } from './bar-value-labels.js';
import { chartFontFamily } from './chart-font.js';
import { axisTextColour, fontSize, lightColours, textColour, titleWithoutLegend } from './chart-style.js';
import { type ChartSize, renderBarChart } from './render-chart.js';

export interface TrendCycle {
  /** The cycle's period as the reader says it: `efterår 2025` (Translator `t.period.name`). */
  readonly label: string;
  readonly counts: Readonly<Record<TrafficLight, number>>;
}

export interface TrendChartInput extends ChartSize {
  /** Oldest first; at least one. */
  readonly cycles: readonly TrendCycle[];
  readonly translator: Translator;
  readonly title: string;
}

/** Room left of the rows for the category names. */
const rowLabelWidth = 96;
const baselineColour = '#8c8c8c';
const rowHeadroom = 1.4;

const rowAxis = (light: TrafficLight): string => `row-${light}`;

type ScaleOptions = NonNullable<ChartOptions<'bar'>['scales']>;
type RowScaleOptions = NonNullable<ScaleOptions[string]>;

/**
 * A board's categories over its past cycles, oldest to newest: one row of bars
 * per category (green at the top), each row on its own scale and every bar
 * labelled with its figure. In one stacked chart, green (typically 80–90 % of
 * a board) would squash red and blue to a few pixels, and their trend is
 * what a board looks for. Rows are named by category, so they are the legend.
 */
export async function renderTrendChart({
  cycles,
  translator,
  title,
  scale,
}: TrendChartInput): Promise<ImageRef> {
  if (cycles.length === 0) throw new RangeError('A trend chart needs at least one cycle');
  const family = chartFontFamily();
  const { t } = translator;

  const rowScale = (light: TrafficLight): RowScaleOptions => ({
    type: 'linear',
    axis: 'y',
    position: 'left',
    stack: 'rows',
    offset: true,
    min: 0,
    // The tallest bar of every row fills the same share of it, leaving room above for its figure.
    max: Math.max(1, ...cycles.map((cycle) => cycle.counts[light])) * rowHeadroom,
    ticks: { display: false },
    grid: {
      drawTicks: false,
      color: (context: ScriptableScaleContext) => (context.tick.value === 0 ? baselineColour : 'transparent'),
    },
    border: { display: false },
    afterFit: (axis) => {
      axis.width = rowLabelWidth;
    },
  });

  // Chart.js stacks axes bottom-up in the order they are declared: declare blue first to have green on top.
  const rowScales = Object.fromEntries(
    [...trafficLights].reverse().map((light) => [rowAxis(light), rowScale(light)]),
  );

  const rowLabels: Plugin<'bar'> = {
    id: 'trafiklysTrendRowLabels',
    afterDraw(chart) {
      const { ctx } = chart;
      ctx.save();
      ctx.font = `bold ${fontSize.tick}px ${family}`;
      ctx.fillStyle = textColour;
      ctx.textAlign = 'right';
      ctx.textBaseline = 'middle';
      for (const light of trafficLights) {
        const axis = chart.scales[rowAxis(light)];
        if (axis) ctx.fillText(t.category[light], axis.right - 12, (axis.top + axis.bottom) / 2);
      }
      ctx.restore();
    },
  };

  return renderBarChart(
    {
      type: 'bar',
      data: {
        labels: cycles.map((cycle) => cycle.label),
        datasets: trafficLights.map((light) => ({
          label: t.category[light],
          data: cycles.map((cycle) => cycle.counts[light]),
          yAxisID: rowAxis(light),
          // One stack for all: each bar takes the cycle's full slot; values never add up across rows.
          stack: 'rows',
          backgroundColor: lightColours[light].fill,
          borderColor: lightColours[light].border,
          borderWidth: 1,
          barPercentage: 0.6,
          // One or two cycles would otherwise make bars as wide as a third of the chart.
          maxBarThickness: 72,
        })),
      },
      options: {
        layout: { padding: { top: 4, right: 16, bottom: 4, left: 8 } },
        plugins: titleWithoutLegend(title, family, 8),
        scales: {
          x: {
            stacked: true,
            title: {
              display: true,
              text: t.charts.periodAxis,
              color: axisTextColour,
              font: { family, size: fontSize.axisTitle },
            },
            ticks: { color: textColour, font: { family, size: fontSize.tick } },
            grid: { display: false },
            border: { display: false },
          },
          ...rowScales,
        },
      },
      plugins: [
        rowLabels,
        barValueLabels({
          font: `bold ${fontSize.label}px ${family}`,
          colour: textColour,
          format: translator.formatNumber,
        }),
      ],
    },
    { scale },
  );
}
