/**
 * The benchmark's figures and the targets they are held against
 * (bench/format-report.ts prints them). A missed target is reported, never
 * fatal: the benchmark informs, it does not gate.
 */
import type { ExportVariantName } from './export-variants.js';
import type { CategoryCounts, WrittenExport } from './generate-export.js';
import type { StageOutcome } from './run-stage.js';
import type { StageRequest, StageResult } from './stage.js';
import { describeFile, formatCount, formatMegabytes, formatSeconds, stageLabel } from './units.js';

export const targets = {
  /** identify (read, validate, classify) may cost at most this much more than a bare csv-parse pass. */
  maxIdentifyToParseRatio: 1.5,
  /** An import (read + store) of this many rows into PostgreSQL… */
  postgresImportRows: 50_000,
  /** …may take at most this many times a bare COPY of the same file into one plain table, same server, same run. */
  maxImportToCopyRatio: 4,
  /** For identify and for the PostgreSQL import, whatever the size; 1 MB = 10^6 bytes. */
  maxPeakRssBytes: 300_000_000,
};

export interface BenchFile extends WrittenExport {
  readonly intendedCounts: CategoryCounts;
}

/** A stage measured twice: one run in a fresh process (cold), then warm-up + repetitions in another (timed). */
export interface StageMeasurement {
  readonly cold: StageOutcome;
  /** null where the stage runs only once (import, --quick). */
  readonly timed: StageOutcome | null;
}

/**
 * Times are the timed process's; the memory figures are the cold process's,
 * since repetitions raise the peak (V8 grows its heap on garbage that is
 * collected later) beyond what one read of a file costs.
 */
export interface MeasuredStage extends StageResult {
  readonly rowsPerSecond: number;
  readonly minMs: number;
  /** The only run in a fresh process, JIT not warm: what one CLI invocation pays. */
  readonly coldMs: number;
  /** Peak RSS of the timed process, for comparison. */
  readonly repeatedPeakRssBytes: number | null;
  /** Whether the traffic lights found are the ones the generator meant; null where the stage does not classify. */
  readonly countsAsIntended: boolean | null;
}

export interface Ratio {
  readonly rows: number;
  readonly variant: ExportVariantName;
  readonly parseMs: number;
  readonly identifyMs: number;
  /** Of the medians: the target's figure. */
  readonly ratio: number;
  /** Of the fastest runs: less sensitive to other load on the machine. */
  readonly bestRunRatio: number;
}

/** An import against a bare COPY of the same file into the same engine. */
export interface CopyRatio {
  readonly rows: number;
  readonly engine: 'pglite' | 'postgresql';
  readonly copyMs: number;
  readonly importMs: number;
  readonly ratio: number;
}

export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly limit: string;
  /** null: not measured in this run. */
  readonly met: boolean | null;
}

export interface BenchReport {
  readonly startedAt: string;
  readonly durationMs: number;
  readonly environment: {
    readonly node: string;
    readonly platform: string;
    readonly cpu: string;
    readonly cpus: number;
    readonly memoryBytes: number;
    /** 1-minute load average before and after: other work on the machine skews the times. */
    readonly loadAverage: { readonly before: number; readonly after: number };
    /** Inherited by the stage processes. */
    readonly nodeOptions: string;
  };
  readonly referenceDate: string;
  readonly seed: number;
  readonly options: {
    readonly rows: readonly number[];
    readonly importRows: readonly number[];
    readonly repetitions: number;
    readonly warmups: number;
  };
  readonly postgres:
    | { readonly location: string; readonly version: string }
    | { readonly location: string; readonly skipped: string };
  readonly files: readonly BenchFile[];
  readonly stages: readonly MeasuredStage[];
  readonly failures: readonly { readonly request: StageRequest; readonly error: string }[];
  readonly ratios: readonly Ratio[];
  readonly copyRatios: readonly CopyRatio[];
  readonly targets: readonly TargetCheck[];
}

export function measuredStages(
  measurements: readonly StageMeasurement[],
  files: readonly BenchFile[],
): Pick<BenchReport, 'stages' | 'failures'> {
  const stages: MeasuredStage[] = [];
  const failures: { request: StageRequest; error: string }[] = [];
  for (const { cold, timed } of measurements) {
    const failed = [cold, timed].find((outcome) => outcome !== null && !outcome.ok);
    if (failed && !failed.ok) {
      failures.push({ request: failed.request, error: failed.error });
      continue;
    }
    if (!cold.ok || (timed !== null && !timed.ok)) continue;
    const times = timed?.result ?? cold.result;
    const memory = cold.result;
    const intended = files.find(
      (file) => file.rows === times.rows && file.variant === times.variant,
    )?.intendedCounts;
    stages.push({
      ...times,
      peakRssBytes: memory.peakRssBytes,
      baselineRssBytes: memory.baselineRssBytes,
      liveBytes: memory.liveBytes,
      rowsPerSecond: times.rows / (times.medianMs / 1000),
      minMs: Math.min(...times.timesMs),
      coldMs: memory.medianMs,
      repeatedPeakRssBytes: timed?.result.peakRssBytes ?? null,
      countsAsIntended:
        times.counts === null || intended === undefined ? null : sameCounts(times.counts, intended),
    });
  }
  return { stages, failures };
}

export function identifyToParseRatios(stages: readonly MeasuredStage[]): Ratio[] {
  const ratios: Ratio[] = [];
  for (const identify of stages.filter((stage) => stage.stage === 'identify')) {
    const parse = stages.find(
      (stage) =>
        stage.stage === 'parse' && stage.rows === identify.rows && stage.variant === identify.variant,
    );
    if (parse === undefined) continue;
    ratios.push({
      rows: identify.rows,
      variant: identify.variant,
      parseMs: parse.medianMs,
      identifyMs: identify.medianMs,
      ratio: identify.medianMs / parse.medianMs,
      bestRunRatio: identify.minMs / parse.minMs,
    });
  }
  return ratios;
}

export function importToCopyRatios(stages: readonly MeasuredStage[]): CopyRatio[] {
  const ratios: CopyRatio[] = [];
  for (const imported of stages.filter((stage) => stage.stage === 'import')) {
    const copy = stages.find(
      (stage) =>
        stage.stage === 'copy' &&
        stage.engine === imported.engine &&
        stage.rows === imported.rows &&
        stage.variant === imported.variant,
    );
    if (copy === undefined || imported.engine === null) continue;
    ratios.push({
      rows: imported.rows,
      engine: imported.engine,
      copyMs: copy.medianMs,
      importMs: imported.medianMs,
      ratio: imported.medianMs / copy.medianMs,
    });
  }
  return ratios;
}

export function checkTargets(
  stages: readonly MeasuredStage[],
  ratios: readonly Ratio[],
  copyRatios: readonly CopyRatio[],
): TargetCheck[] {
  const checks: TargetCheck[] = ratios.map((ratio) => ({
    target: `identify / bare parse, ${describeFile(ratio.rows, ratio.variant)}`,
    measured: ratio.ratio.toFixed(2),
    limit: `≤ ${targets.maxIdentifyToParseRatio}`,
    met: ratio.ratio <= targets.maxIdentifyToParseRatio,
  }));

  const required = copyRatios.find(
    (ratio) => ratio.engine === 'postgresql' && ratio.rows === targets.postgresImportRows,
  );
  checks.push({
    target: `import ${formatCount(targets.postgresImportRows)} rows into PostgreSQL / bare COPY of the file`,
    measured: required
      ? `${required.ratio.toFixed(2)} (${formatSeconds(required.importMs)} / ${formatSeconds(required.copyMs)})`
      : 'not measured',
    limit: `≤ ${targets.maxImportToCopyRatio}`,
    met: required ? required.ratio <= targets.maxImportToCopyRatio : null,
  });

  const postgresImports = stages.filter((stage) => stage.stage === 'import' && stage.engine === 'postgresql');
  for (const stage of [...stages.filter((each) => each.stage === 'identify'), ...postgresImports]) {
    checks.push({
      target: `peak RSS, ${stageLabel(stage)} ${describeFile(stage.rows, stage.variant)}`,
      measured: formatMegabytes(stage.peakRssBytes),
      limit: `≤ ${formatMegabytes(targets.maxPeakRssBytes)}`,
      met: stage.peakRssBytes <= targets.maxPeakRssBytes,
    });
  }
  return checks;
}

function sameCounts(a: CategoryCounts, b: CategoryCounts): boolean {
  return (
    a.green === b.green &&
    a.yellow === b.yellow &&
    a.red === b.red &&
    a.blue === b.blue &&
    a.out_of_scope === b.out_of_scope
  );
}
