import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas, type SKRSContext2D } from '@napi-rs/canvas';
import { packageRoot } from '../../../shared/package-root.js';

/**
 * The Teams app's two icons, drawn rather than hand-made so they can be
 * redrawn: a traffic light. Teams wants a 192×192 full-colour icon and a
 * 32×32 outline icon that is white on transparent.
 *
 * The PNGs are committed in manifests/teams/; run this only to change them:
 * `node dist/src/surfaces/teams/manifest/draw-icons.js` after a build.
 */

export const colorIconSize = 192;
export const outlineIconSize = 32;

const background = '#1F3A5F';
const housing = '#14202E';
const lamps = ['#E5483B', '#F2B233', '#3DAE5C'] as const;

/** Lamp centres and radius as fractions of the icon, top to bottom. */
function lampGeometry(size: number): { x: number; ys: number[]; radius: number } {
  return { x: size / 2, ys: [0.29, 0.5, 0.71].map((fraction) => fraction * size), radius: size * 0.085 };
}

function roundedRect(
  context: SKRSContext2D,
  x: number,
  y: number,
  width: number,
  height: number,
  radius: number,
) {
  context.beginPath();
  context.roundRect(x, y, width, height, radius);
}

export function drawColorIcon(): Buffer {
  const size = colorIconSize;
  const canvas = createCanvas(size, size);
  const context = canvas.getContext('2d');
  context.fillStyle = background;
  context.fillRect(0, 0, size, size);
  roundedRect(context, size * 0.33, size * 0.16, size * 0.34, size * 0.68, size * 0.08);
  context.fillStyle = housing;
  context.fill();
  const { x, ys, radius } = lampGeometry(size);
  ys.forEach((y, index) => {
    context.beginPath();
    context.arc(x, y, radius, 0, Math.PI * 2);
    context.fillStyle = lamps[index] ?? '#FFFFFF';
    context.fill();
  });
  return canvas.toBuffer('image/png');
}

export function drawOutlineIcon(): Buffer {
  const size = outlineIconSize;
  const canvas = createCanvas(size, size);
  const context = canvas.getContext('2d');
  context.clearRect(0, 0, size, size);
  context.strokeStyle = '#FFFFFF';
  context.fillStyle = '#FFFFFF';
  context.lineWidth = 2;
  roundedRect(context, 10, 3, 12, 26, 3);
  context.stroke();
  for (const y of [9.5, 16, 22.5]) {
    context.beginPath();
    context.arc(16, y, 2.5, 0, Math.PI * 2);
    context.fill();
  }
  return canvas.toBuffer('image/png');
}

export function writeIcons(folder = join(packageRoot(), 'manifests', 'teams')): void {
  writeFileSync(join(folder, 'color.png'), drawColorIcon());
  writeFileSync(join(folder, 'outline.png'), drawOutlineIcon());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) writeIcons();
