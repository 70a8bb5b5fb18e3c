import type { Translator } from '../i18n/translator.js';
import type { ImageRef } from '../messages/message-model.js';
import type { TrafficLight } from '../procedures/at-risk/traffic-light.js';
import { trafficLights } from '../procedures/at-risk/traffic-light.js';
import { barValueLabels } from './bar-value-labels.js';
import { chartFontFamily } from './chart-font.js';
import {
  axisTextColour,
  fontSize,
  gridColour,
  lightColours,
  textColour,
  titleWithoutLegend,
} from './chart-style.js';
import { type ChartSize, renderBarChart } from './render-chart.js';

export interface CategoryChartInput extends ChartSize {
  /** Students per traffic light; a CategoryCounts (with out of scope) will do. */
  readonly counts: Readonly<Record<TrafficLight, number>>;
  readonly translator: Translator;
  readonly title: string;
}

/** One board's students per traffic light: horizontal bars, each labelled with its figure. */
export async function renderCategoryChart({
  counts,
  translator,
  title,
  scale,
}: CategoryChartInput): Promise<ImageRef> {
  const family = chartFontFamily();
  const { t } = translator;
  return renderBarChart(
    {
      type: 'bar',
      data: {
        labels: trafficLights.map((light) => t.category[light]),
        datasets: [
          {
            data: trafficLights.map((light) => counts[light]),
            backgroundColor: trafficLights.map((light) => lightColours[light].fill),
            borderColor: trafficLights.map((light) => lightColours[light].border),
            borderWidth: 1,
            barPercentage: 0.8,
            categoryPercentage: 0.9,
          },
        ],
      },
      options: {
        indexAxis: 'y',
        layout: { padding: { top: 4, right: 24, bottom: 8, left: 8 } },
        plugins: titleWithoutLegend(title, family, 12),
        scales: {
          x: {
            beginAtZero: true,
            // Room after the longest bar for its figure.
            grace: '12%',
            title: {
              display: true,
              text: t.charts.studentsAxis,
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
            ticks: { color: textColour, font: { family, size: fontSize.tick, weight: 'bold' } },
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
    { scale },
  );
}
