import type { TrafficLight } from '../procedures/at-risk/traffic-light.js';

/** CSS size of a chart; rendered at `scale` × these pixels. */
export const chartWidth = 800;
export const chartHeight = 400;
/** 2× keeps text crisp on high-density screens; Teams, with 40 KB per message, wants 1×. */
export const defaultChartScale = 2;

export const textColour = '#1a1a1a';
export const axisTextColour = '#333333';
export const gridColour = '#e3e3e3';
export const backgroundColour = '#ffffff';

export interface LightColours {
  readonly fill: string;
  /** Outline: at least 3:1 against white, so a pale bar (yellow) still has a visible edge (WCAG 1.4.11). */
  readonly border: string;
  /** Text drawn on the fill: at least 4.5:1 against it (WCAG 1.4.3). */
  readonly text: string;
}

/**
 * Traffic-light colours that stay apart for colour-blind readers: their
 * lightness differs (yellow > green > red > blue), so red and green do not
 * merge under deuteranopia. Charts also print every figure, so nothing rests
 * on colour alone.
 */
export const lightColours: Readonly<Record<TrafficLight, LightColours>> = {
  green: { fill: '#4caf50', border: '#1b5e20', text: textColour },
  yellow: { fill: '#fbc02d', border: '#8a6d00', text: textColour },
  red: { fill: '#c62828', border: '#7f1010', text: '#ffffff' },
  blue: { fill: '#1e5aa8', border: '#0d3468', text: '#ffffff' },
};

export const fontSize = { title: 17, axisTitle: 13, tick: 13, label: 13, legend: 13 } as const;

/**
 * The plugins' options every chart shares: a bold title above the bars and no
 * legend (bars and rows carry their category names, so a legend would repeat them).
 */
export function titleWithoutLegend(text: string, family: string, gapBelow: number) {
  return {
    title: {
      display: true,
      text,
      color: textColour,
      font: { family, size: fontSize.title, weight: 'bold' as const },
      padding: { top: 8, bottom: gapBelow },
    },
    legend: { display: false },
  };
}
