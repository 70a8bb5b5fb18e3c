import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { ChartFontMissingError, chartFontFamily } from '../../src/charts/chart-font.js';
import { backgroundColour, lightColours, textColour } from '../../src/charts/chart-style.js';
import { trafficLights } from '../../src/procedures/at-risk/traffic-light.js';

/** WCAG 2 relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

describe('chart colours', () => {
  it('outline every bar with at least 3:1 against the background, pale yellow too (WCAG 1.4.11)', () => {
    for (const light of trafficLights) {
      expect(contrast(lightColours[light].border, backgroundColour), light).toBeGreaterThanOrEqual(3);
    }
  });

  it('print figures in text with at least 4.5:1 against the background (WCAG 1.4.3)', () => {
    expect(contrast(textColour, backgroundColour)).toBeGreaterThanOrEqual(4.5);
  });

  it('keep green and red apart in lightness, so they do not merge for red-green colour-blind readers', () => {
    expect(contrast(lightColours.green.fill, lightColours.red.fill)).toBeGreaterThanOrEqual(2);
  });
});

describe('the chart font', () => {
  it('names the installed preferred families first, then the generic family', () => {
    expect(chartFontFamily(['Noto Sans', 'Comic Neue', 'DejaVu Sans'])).toBe(
      '"DejaVu Sans", "Noto Sans", sans-serif',
    );
  });

  it('fails clearly when no preferred family is installed, instead of drawing charts without text', () => {
    expect(() => chartFontFamily(['Comic Neue'])).toThrow(ChartFontMissingError);
    expect(() => chartFontFamily([])).toThrow(/No font for charts.*installed: none.*fonts-dejavu-core/s);
  });

  it('is installed on this machine', () => {
    expect(chartFontFamily()).toMatch(/^"(DejaVu Sans|Noto Sans|Liberation Sans|Arial)"/);
  });

  it('draws å as an a with a ring above, not as a missing-glyph box', () => {
    // Below the ring, "Blå" and "Bla" must be the same pixels; a box or a
    // fallback glyph would differ there too.
    const draw = (text: string) => {
      const canvas = createCanvas(80, 40);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, 80, 40);
      ctx.fillStyle = '#000000';
      ctx.font = `24px ${chartFontFamily()}`;
      ctx.fillText(text, 4, 32);
      return ctx.getImageData(0, 0, 80, 40).data;
    };
    const rows = (pixels: Uint8ClampedArray, from: number, to: number) =>
      pixels.subarray(from * 80 * 4, to * 80 * 4);
    const withRing = draw('Blå');
    const without = draw('Bla');
    expect(rows(withRing, 19, 40)).toEqual(rows(without, 19, 40));
    expect(rows(withRing, 0, 19)).not.toEqual(rows(without, 0, 19));
  });
});
