import { describe, expect, it } from 'vitest';
import { renderCategoryChart } from '../../src/charts/category-chart.js';
import { translator } from '../../src/i18n/translator.js';
import { hasPngSignature, pngDimensions, sha256Hex } from './png-header.js';

const da = translator('da');
const en = translator('en');
const counts = { green: 1234, yellow: 87, red: 31, blue: 9, out_of_scope: 56 };
const title = da.t.charts.categoryTitle({ term: 'spring', year: 2026 });

describe('the category chart', () => {
  it('is a PNG of 800 × 400 CSS pixels drawn at twice the density', async () => {
    const image = await renderCategoryChart({ counts, translator: da, title });
    expect(hasPngSignature(image.png)).toBe(true);
    expect(pngDimensions(image.png)).toEqual({ width: 1600, height: 800 });
    expect({ width: image.width, height: image.height }).toEqual({ width: 1600, height: 800 });
  });

  it('is identified by the sha256 of its bytes', async () => {
    const image = await renderCategoryChart({ counts, translator: da, title });
    expect(image.id).toMatch(/^[0-9a-f]{64}$/);
    expect(image.id).toBe(sha256Hex(image.png));
  });

  it('is byte for byte the same for the same input, whatever was drawn in between', async () => {
    const first = await renderCategoryChart({ counts, translator: da, title });
    await renderCategoryChart({
      counts: { green: 1, yellow: 2, red: 3, blue: 4 },
      translator: en,
      title: 'Other',
    });
    const again = await renderCategoryChart({ counts, translator: da, title });
    expect(Buffer.from(again.png).equals(Buffer.from(first.png))).toBe(true);
    expect(again.id).toBe(first.id);
  });

  it('changes with the figures and with the language', async () => {
    const base = await renderCategoryChart({ counts, translator: da, title });
    expect(
      (await renderCategoryChart({ counts: { ...counts, red: 32 }, translator: da, title })).id,
    ).not.toBe(base.id);
    expect((await renderCategoryChart({ counts, translator: en, title })).id).not.toBe(base.id);
  });

  it('stays small enough for chat: under 150 KB at 2×, under 25 KB at 1× (Teams allows 40 KB a message)', async () => {
    const crisp = await renderCategoryChart({ counts, translator: da, title });
    const small = await renderCategoryChart({ counts, translator: da, title, scale: 1 });
    expect(crisp.png.byteLength).toBeLessThan(150_000);
    expect(small.png.byteLength).toBeLessThan(25_000);
    expect(pngDimensions(small.png)).toEqual({ width: 800, height: 400 });
    expect({ width: small.width, height: small.height }).toEqual({ width: 800, height: 400 });
  });

  it('draws a board with no students at all', async () => {
    const empty = await renderCategoryChart({
      counts: { green: 0, yellow: 0, red: 0, blue: 0 },
      translator: en,
      title: 'Empty',
    });
    expect(hasPngSignature(empty.png)).toBe(true);
  });

  it('refuses a scale it cannot draw', async () => {
    await expect(renderCategoryChart({ counts, translator: da, title, scale: 0 })).rejects.toThrow(
      RangeError,
    );
    await expect(renderCategoryChart({ counts, translator: da, title, scale: 5 })).rejects.toThrow(
      RangeError,
    );
    await expect(renderCategoryChart({ counts, translator: da, title, scale: Number.NaN })).rejects.toThrow(
      RangeError,
    );
  });
});
