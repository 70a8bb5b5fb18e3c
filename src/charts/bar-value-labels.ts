import type { Plugin } from 'chart.js';

export interface BarValueLabelStyle {
  /** CSS font shorthand, e.g. `bold 13px "DejaVu Sans", sans-serif`. */
  readonly font: string;
  readonly fontSize: number;
  /** Text colour per dataset index (inside a bar it must contrast with the bar's fill). */
  colour(datasetIndex: number): string;
  format(value: number): string;
}

/**
 * Prints each bar's figure so the chart does not rest on colour alone.
 * `end`: just past the end of a single-series bar, on the background.
 * `inside`: centred in a stacked segment, left out where the segment is too
 * small to hold the text (its figure is still in the alt text).
 */
export function barValueLabels(placement: 'end' | 'inside', style: BarValueLabelStyle): Plugin<'bar'> {
  return {
    id: `trafiklysBarValueLabels-${placement}`,
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const horizontal = chart.options.indexAxis === 'y';
      ctx.save();
      ctx.font = style.font;
      chart.data.datasets.forEach((dataset, datasetIndex) => {
        const meta = chart.getDatasetMeta(datasetIndex);
        if (meta.hidden) return;
        meta.data.forEach((element, index) => {
          const value = dataset.data[index];
          if (typeof value !== 'number' || (placement === 'inside' && value === 0)) return;
          const text = style.format(value);
          const { x, y, base } = element.getProps(['x', 'y', 'base'], true) as {
            x: number;
            y: number;
            base: number;
          };
          ctx.fillStyle = style.colour(datasetIndex);
          if (placement === 'end') {
            ctx.textAlign = horizontal ? 'left' : 'center';
            ctx.textBaseline = horizontal ? 'middle' : 'bottom';
            if (horizontal) ctx.fillText(text, x + 6, y);
            else ctx.fillText(text, x, y - 4);
            return;
          }
          const length = Math.abs(base - (horizontal ? x : y));
          const room = horizontal ? ctx.measureText(text).width + 8 : style.fontSize + 6;
          if (length < room) return;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          if (horizontal) ctx.fillText(text, (x + base) / 2, y);
          else ctx.fillText(text, x, (y + base) / 2);
        });
      });
      ctx.restore();
    },
  };
}
