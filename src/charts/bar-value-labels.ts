import type { Plugin } from 'chart.js';

export interface BarValueLabelStyle {
  /** CSS font shorthand, e.g. `bold 13px "DejaVu Sans", sans-serif`. */
  readonly font: string;
  readonly colour: string;
  format(value: number): string;
}

/** Gap between a bar's end and its figure, in CSS pixels. */
const gap = 5;

/**
 * Prints each bar's figure just past the bar's end, on the chart background,
 * so the chart does not rest on colour alone and small bars still read. Zero
 * is printed too: an empty category is information.
 */
export function barValueLabels(style: BarValueLabelStyle): Plugin<'bar'> {
  return {
    id: 'trafiklysBarValueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const horizontal = chart.options.indexAxis === 'y';
      ctx.save();
      ctx.font = style.font;
      ctx.fillStyle = style.colour;
      ctx.textAlign = horizontal ? 'left' : 'center';
      ctx.textBaseline = horizontal ? 'middle' : 'bottom';
      chart.data.datasets.forEach((dataset, datasetIndex) => {
        const meta = chart.getDatasetMeta(datasetIndex);
        if (meta.hidden) return;
        meta.data.forEach((bar, index) => {
          const value = dataset.data[index];
          if (typeof value !== 'number') return;
          // The bar's end, centred across the bar (charts render without animation, so these are final).
          const { x, y } = bar;
          const text = style.format(value);
          if (horizontal) ctx.fillText(text, x + gap, y);
          else ctx.fillText(text, x, y - gap);
        });
      });
      ctx.restore();
    },
  };
}
