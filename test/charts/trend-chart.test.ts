import { describe, expect, it } from 'vitest';
import { renderTrendChart, type TrendCycle } from '../../src/charts/trend-chart.js';
import { translator } from '../../src/i18n/translator.js';
import { hasPngSignature, pngDimensions, sha256Hex } from './png-header.js';

const da = translator('da');
const en = translator('en');

const cycles: TrendCycle[] = [
  { label: 'forår 2024', counts: { green: 1100, yellow: 120, red: 40, blue: 12 } },
  { label: 'efterår 2024', counts: { green: 1150, yellow: 100, red: 35, blue: 10 } },
  { label: 'forår 2025', counts: { green: 1190, yellow: 95, red: 28, blue: 8 } },
  { label: 'efterår 2025', counts: { green: 1200, yellow: 90, red: 28, blue: 11 } },
  { label: 'forår 2026', counts: { green: 1234, yellow: 87, red: 31, blue: 9 } },
];
const title = da.t.charts.trendTitle;

describe('the trend chart', () => {
  it('is a PNG of 800 × 400 CSS pixels drawn at twice the density, named by its sha256', async () => {
    const image = await renderTrendChart({ cycles, translator: da, title });
    expect(hasPngSignature(image.png)).toBe(true);
    expect(pngDimensions(image.png)).toEqual({ width: 1600, height: 800 });
    expect({ width: image.width, height: image.height }).toEqual({ width: 1600, height: 800 });
    expect(image.id).toBe(sha256Hex(image.png));
  });

  it('is byte for byte the same for the same cycles', async () => {
    const first = await renderTrendChart({ cycles, translator: da, title });
    await renderTrendChart({ cycles: cycles.slice(0, 2), translator: en, title: 'Other' });
    const again = await renderTrendChart({ cycles, translator: da, title });
    expect(Buffer.from(again.png).equals(Buffer.from(first.png))).toBe(true);
  });

  it('changes when any cycle changes', async () => {
    const base = await renderTrendChart({ cycles, translator: da, title });
    const changed = cycles.map((cycle, index) =>
      index === 0 ? { ...cycle, counts: { ...cycle.counts, blue: 13 } } : cycle,
    );
    expect((await renderTrendChart({ cycles: changed, translator: da, title })).id).not.toBe(base.id);
  });

  it('stays under 150 KB at 2× and under 30 KB at 1× with five cycles (about 50 KB and 23 KB here)', async () => {
    expect((await renderTrendChart({ cycles, translator: da, title })).png.byteLength).toBeLessThan(150_000);
    const small = await renderTrendChart({ cycles, translator: da, title, scale: 1 });
    expect(small.png.byteLength).toBeLessThan(30_000);
    expect(pngDimensions(small.png)).toEqual({ width: 800, height: 400 });
  });

  it('draws a single cycle and a category that is empty throughout', async () => {
    const image = await renderTrendChart({
      cycles: [{ label: 'spring 2026', counts: { green: 10, yellow: 0, red: 0, blue: 0 } }],
      translator: en,
      title: 'One',
    });
    expect(hasPngSignature(image.png)).toBe(true);
  });

  it('needs at least one cycle', async () => {
    await expect(renderTrendChart({ cycles: [], translator: da, title })).rejects.toThrow(RangeError);
  });
});
