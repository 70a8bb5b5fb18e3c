import { createHash } from 'node:crypto';
import { createCanvas } from '@napi-rs/canvas';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  LinearScale,
  type Plugin,
  Title,
} from 'chart.js';
import type { ImageRef } from '../messages/message-model.js';
import { backgroundColour, chartHeight, chartWidth, defaultChartScale } from './chart-style.js';

// Only what our bar charts use (no legend: rows and bars carry their category names).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Title);

export interface ChartSize {
  /** Pixel density: 2 (default) for crisp images, 1 for small ones (Teams). */
  readonly scale?: number;
}

/** Charts are transparent by default: paint white so they read on dark-mode clients too. */
const whiteBackground: Plugin<'bar'> = {
  id: 'trafiklysWhiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = backgroundColour;
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

/**
 * Draws a bar chart (no animation, no responsiveness: Chart.js paints in its
 * constructor, a few milliseconds) and encodes the PNG on libuv's thread pool:
 * encoding takes ~50 ms a chart, which on the event loop would hold up every
 * chat request and every rate-limit timer while a run draws hundreds of
 * charts. The same configuration gives the same bytes.
 */
export async function renderBarChart(config: ChartConfiguration<'bar'>, size: ChartSize): Promise<ImageRef> {
  const scale = size.scale ?? defaultChartScale;
  if (!(scale > 0 && scale <= 4))
    throw new RangeError(`Chart scale must be above 0 and at most 4, not ${scale}`);
  const canvas = createCanvas(chartWidth, chartHeight);
  const chart = new Chart(canvas.getContext('2d'), {
    ...config,
    options: {
      ...config.options,
      animation: false,
      responsive: false,
      devicePixelRatio: scale,
      events: [],
    },
    plugins: [whiteBackground, ...(config.plugins ?? [])],
  });
  try {
    const png = await canvas.encode('png');
    return {
      id: createHash('sha256').update(png).digest('hex'),
      png,
      width: canvas.width,
      height: canvas.height,
    };
  } finally {
    chart.destroy();
  }
}
