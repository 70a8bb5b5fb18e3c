import type { Translator } from '../i18n/translator.js';
import type { ImageRef } from '../messages/message-model.js';
import type { TrafficLight } from '../procedures/at-risk/traffic-light.js';
import { trafficLights } from '../procedures/at-risk/traffic-light.js';
import { lightColours } from './chart-style.js';
import { renderHorizontalBarChart } from './horizontal-bar-chart.js';
import type { ChartSize } from './render-chart.js';

export interface CategoryChartInput extends ChartSize {
  /** Students per traffic light; a CategoryCounts (with out of scope) will do. */
  readonly counts: Readonly<Record<TrafficLight, number>>;
  readonly translator: Translator;
  readonly title: string;
}

/** One board's students per traffic light: horizontal bars, each labelled with its figure. */
export function renderCategoryChart({
  counts,
  translator,
  title,
  scale,
}: CategoryChartInput): Promise<ImageRef> {
  return renderHorizontalBarChart({
    bars: trafficLights.map((light) => ({
      label: translator.t.category[light],
      value: counts[light],
      fill: lightColours[light].fill,
      border: lightColours[light].border,
    })),
    title,
    axisTitle: translator.t.charts.studentsAxis,
    translator,
    boldLabels: true,
    ...(scale === undefined ? {} : { scale }),
  });
}
