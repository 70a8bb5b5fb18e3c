import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/translator.js';
import {
  renderStatisticsCategoryChart,
  renderStatisticsTrendChart,
} from '../../../../src/procedures/deviations/presenters/stats/statistics-charts.js';
import { hasPngSignature, pngDimensions } from '../../../charts/png-header.js';

const en = translator('en');
const bars = [
  { label: 'Timetabling', count: 30 },
  { label: 'Other', count: 0 },
];
const months = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    label: `M${index + 1}`,
    received: index,
    finished: index % 3,
  }));
const trend = (count: number) =>
  renderStatisticsTrendChart({
    months: months(count),
    title: 'Received and finished by month',
    receivedLabel: 'Received',
    finishedLabel: 'Finished',
    translator: en,
  });

describe('the statistics charts', () => {
  it('the category chart is an 800 × 400 PNG at twice the density, the same bytes for the same figures', async () => {
    const chart = () =>
      renderStatisticsCategoryChart({
        bars,
        title: 'Deviations by category',
        axisTitle: 'Count',
        translator: en,
      });
    const first = await chart();
    expect(hasPngSignature(first.png)).toBe(true);
    expect(pngDimensions(first.png)).toEqual({ width: 1600, height: 800 });
    expect((await chart()).id).toBe(first.id);
    const other = await renderStatisticsCategoryChart({
      bars: [{ label: 'Timetabling', count: 31 }, bars[1] ?? { label: 'Other', count: 0 }],
      title: 'Deviations by category',
      axisTitle: 'Count',
      translator: en,
    });
    expect(other.id).not.toBe(first.id);
  });

  it('the trend chart draws one month, thirteen, and sixty (figures left to the table past two years)', async () => {
    for (const count of [1, 13, 60]) {
      const chart = await trend(count);
      expect(hasPngSignature(chart.png)).toBe(true);
      expect(chart.png.byteLength).toBeLessThan(150_000);
    }
  });

  it('a trend of no months is refused', async () => {
    await expect(trend(0)).rejects.toThrow(RangeError);
  });
});
