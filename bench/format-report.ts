/** The report as people read it: tables of the figures, then the targets, met or missed. */
import { type BenchReport, targets } from './report.js';
import {
  describeFile,
  formatCount,
  formatCounts,
  formatMegabytes,
  formatMs,
  formatPhases,
  formatSeconds,
  stageLabel,
} from './units.js';

export function formatReport(report: BenchReport): string {
  const { environment } = report;
  const lines: string[] = [
    `Trafiklys identification benchmark — Node ${environment.node}, ${environment.cpu} (${environment.cpus} CPUs), ` +
      `${formatMegabytes(environment.memoryBytes)} RAM`,
    `load average ${environment.loadAverage.before.toFixed(2)} before, ${environment.loadAverage.after.toFixed(2)} after ` +
      '(other work on the machine lengthens the times)' +
      (environment.nodeOptions ? `; NODE_OPTIONS=${environment.nodeOptions}` : ''),
    `reference date ${report.referenceDate}, seed ${report.seed}; in-memory stages: median of ` +
      `${report.options.repetitions} run(s) after ${report.options.warmups} warm-up; import: one cold run`,
    'every stage ran in fresh Node processes: peak RSS (ru_maxrss, 1 MB = 10^6 bytes), "live" (heap + external',
    'after a full GC holding the result) and "cold" (first run) come from a process that ran it once;',
    'median and runs from a second process that ran the warm-up and the repetitions',
    '',
    'Files (bench/out/)',
    ...table(
      ['rows', 'variant', 'size', 'intended green/yellow/red/blue/out of scope'],
      report.files.map((file) => [
        formatCount(file.rows),
        file.variant,
        formatMegabytes(file.bytes),
        formatCounts(file.intendedCounts),
      ]),
    ),
    '',
    'Stages',
    ...table(
      [
        'stage',
        'variant',
        'rows',
        'median',
        'runs (ms)',
        'cold',
        'rows/s',
        'peak RSS',
        'RSS before',
        'live',
        'phases (median)',
      ],
      report.stages.map((stage) => [
        stageLabel(stage),
        stage.variant,
        formatCount(stage.rows),
        formatMs(stage.medianMs),
        stage.timesMs.map((ms) => ms.toFixed(0)).join(' '),
        formatMs(stage.coldMs),
        formatCount(Math.round(stage.rowsPerSecond)),
        formatMegabytes(stage.peakRssBytes),
        formatMegabytes(stage.baselineRssBytes),
        formatMegabytes(stage.liveBytes),
        formatPhases(stage.phasesMs),
      ]),
      ['left', 'left', 'right', 'right', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  ];

  const classified = report.stages.filter((stage) => stage.countsAsIntended !== null);
  if (classified.length > 0) {
    const wrong = classified.filter((stage) => stage.countsAsIntended === false);
    lines.push(
      '',
      wrong.length === 0
        ? `Traffic lights: every identify and import run found exactly the generator's intended counts.`
        : `Traffic lights differ from the generator's intent in: ${wrong.map((stage) => `${stageLabel(stage)} ${describeFile(stage.rows, stage.variant)} (${stage.counts ? formatCounts(stage.counts) : '?'})`).join('; ')}`,
    );
  }
  const repeated = report.stages.filter((stage) => stage.repeatedPeakRssBytes !== null);
  if (repeated.length > 0) {
    lines.push(
      `Peak RSS of the timed processes (warm-up + repetitions): ${repeated
        .map(
          (stage) =>
            `${stageLabel(stage)} ${describeFile(stage.rows, stage.variant)} ${formatMegabytes(stage.repeatedPeakRssBytes ?? 0)}`,
        )
        .join(', ')}`,
    );
  }
  const imports = report.stages.filter((stage) => Object.keys(stage.breakdownMs).length > 0);
  if (imports.length > 0) {
    lines.push('', 'Where the import phase goes (union of each kind of call’s intervals)');
    for (const stage of imports) {
      lines.push(
        `  ${stageLabel(stage)} ${describeFile(stage.rows, stage.variant)}: ${formatPhases(stage.breakdownMs)}`,
      );
    }
  }
  const stored = report.stages.filter((stage) => stage.stored !== null);
  for (const stage of stored) {
    lines.push(
      `Stored by ${stageLabel(stage)} ${describeFile(stage.rows, stage.variant)}: ` +
        `${formatCount(stage.stored?.students ?? 0)} students, ${formatCount(stage.stored?.results ?? 0)} results, ` +
        `${stage.stored?.cycles ?? 0} cycles`,
    );
  }

  if (report.ratios.length > 0) {
    lines.push(
      '',
      'identify / bare parse (same bytes; both decode and parse)',
      ...table(
        ['rows', 'variant', 'bare parse', 'identify', 'ratio of medians', 'ratio of fastest runs'],
        report.ratios.map((ratio) => [
          formatCount(ratio.rows),
          ratio.variant,
          formatMs(ratio.parseMs),
          formatMs(ratio.identifyMs),
          ratio.ratio.toFixed(2),
          ratio.bestRunRatio.toFixed(2),
        ]),
        ['right', 'left', 'right', 'right', 'right', 'right'],
      ),
    );
  }

  if (report.copyRatios.length > 0) {
    lines.push(
      '',
      'import / bare COPY (the same file, the same engine, the same run; PGlite has no target)',
      ...table(
        ['rows', 'engine', 'bare COPY', 'import', 'ratio'],
        report.copyRatios.map((ratio) => [
          formatCount(ratio.rows),
          ratio.engine === 'postgresql' ? 'PostgreSQL' : 'PGlite',
          formatMs(ratio.copyMs),
          formatMs(ratio.importMs),
          `${ratio.ratio.toFixed(2)}${ratio.engine === 'postgresql' ? ` (target ≤ ${targets.maxImportToCopyRatio})` : ''}`,
        ]),
        ['right', 'left', 'right', 'right', 'left'],
      ),
    );
  }

  lines.push(
    '',
    'Targets',
    ...table(
      ['target', 'measured', 'limit', 'result'],
      report.targets.map((check) => [
        check.target,
        check.measured,
        check.limit,
        check.met === null ? 'not measured' : check.met ? 'met' : 'MISSED',
      ]),
    ),
  );
  const pglite = report.stages.filter((stage) => stage.stage === 'import' && stage.engine === 'pglite');
  if (pglite.length > 0) {
    lines.push(
      `PGlite import peak RSS (no target; PGlite is a whole PostgreSQL in WASM inside the Node process): ${pglite
        .map((stage) => `${describeFile(stage.rows, stage.variant)} ${formatMegabytes(stage.peakRssBytes)}`)
        .join(', ')}`,
    );
  }

  if ('skipped' in report.postgres) {
    lines.push('', `PostgreSQL import skipped (${report.postgres.location}): ${report.postgres.skipped}`);
  } else {
    lines.push(
      '',
      `PostgreSQL: ${report.postgres.version} at ${report.postgres.location} (a fresh database per import, dropped afterwards)`,
    );
  }
  for (const failure of report.failures) {
    lines.push(
      `FAILED: ${failure.request.stage} ${describeFile(failure.request.rows, failure.request.variant)}: ${failure.error}`,
    );
  }
  lines.push(`Total time ${formatSeconds(report.durationMs)}.`);
  return lines.join('\n');
}

type Alignment = 'left' | 'right';

function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly Alignment[],
): string[] {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const width = widths[column] ?? 0;
        return align?.[column] === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].map(
    (text) => `  ${text}`,
  );
}
