/** How the benchmark names stages and writes counts, times and sizes. */
import type { ExportVariantName } from './export-variants.js';
import type { CategoryCounts } from './generate-export.js';
import type { StageResult } from './stage.js';

export function stageLabel(stage: Pick<StageResult, 'stage' | 'engine'>): string {
  if (stage.stage === 'parse') return 'bare csv-parse';
  if (stage.stage === 'identify') return 'identify';
  const engine = stage.engine === 'postgresql' ? 'PostgreSQL' : 'PGlite';
  return stage.stage === 'copy' ? `bare COPY ${engine}` : `import ${engine}`;
}

export function describeFile(rows: number, variant: ExportVariantName): string {
  return `${formatCount(rows)} ${variant}`;
}

export function formatPhases(phasesMs: Readonly<Record<string, number>>): string {
  return Object.entries(phasesMs)
    .map(([phase, ms]) => `${phase} ${formatMs(ms)}`)
    .join(', ');
}

export function formatCounts(counts: CategoryCounts): string {
  return [counts.green, counts.yellow, counts.red, counts.blue, counts.out_of_scope]
    .map(formatCount)
    .join(' / ');
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

export function formatMs(ms: number): string {
  return ms < 100 ? `${ms.toFixed(1)} ms` : `${formatCount(Math.round(ms))} ms`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

export function formatMegabytes(bytes: number): string {
  return `${formatCount(Math.round(bytes / 1_000_000))} MB`;
}
