/**
 * `npm run bench`: how fast and how lean the at-risk identification reads a
 * study-progress export, against a bare csv-parse pass over the same bytes,
 * and how long storing it takes on PGlite and on PostgreSQL, against a bare
 * COPY of the same file into one plain table of the same engine.
 *
 *   --rows 50000,100000   file sizes (default)
 *   --import-rows 50000   sizes to import as well (default: every size; `none` for none); UTF-8 variant
 *   --repetitions 5       timed runs per in-memory stage, after one warm-up (default 5)
 *   --quick               10,000 rows, one run, no warm-up: a smoke run
 *   --json                print every figure as JSON instead of the table
 *
 * Progress goes to stderr, the report to stdout; every figure also goes to
 * bench/out/identify-report.json. The stage processes inherit NODE_OPTIONS
 * (e.g. NODE_OPTIONS=--max-semi-space-size=8 to see its effect on peak RSS).
 */
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { redactPassword } from '../src/storage/database.js';
import { benchReferenceDate } from './bench-institution.js';
import { type ExportVariantName, exportFileName, exportVariantNames } from './export-variants.js';
import { formatReport } from './format-report.js';
import { benchSeed, generateExport, writeExports } from './generate-export.js';
import { connectPostgresServer, defaultServerUrl } from './postgres-server.js';
import {
  type BenchFile,
  type BenchReport,
  checkTargets,
  identifyToParseRatios,
  importToCopyRatios,
  measuredStages,
  type StageMeasurement,
} from './report.js';
import { runStage } from './run-stage.js';
import type { StageRequest } from './stage.js';
import { stageLabel } from './units.js';

const outFolder = fileURLToPath(new URL('../../bench/out/', import.meta.url));
/** The latest run's figures, also when `npm run bench` puts the build's output on stdout before --json. */
const reportFile = `${outFolder}identify-report.json`;
/** The variant imported into the databases: storing does not depend on the file's notation. */
const importVariant: ExportVariantName = 'utf8';

interface BenchOptions {
  readonly rows: readonly number[];
  readonly importRows: readonly number[];
  readonly repetitions: number;
  readonly warmups: number;
  readonly json: boolean;
}

const options = benchOptions(process.argv.slice(2));
const startedAt = new Date();
const loadBefore = loadavg()[0] ?? 0;
const started = performance.now();

const files: BenchFile[] = [];
for (const rows of options.rows) {
  progress(`generating ${rows.toLocaleString('en-US')} rows`);
  const generated = generateExport(rows);
  for (const written of await writeExports(outFolder, generated)) {
    files.push({ ...written, intendedCounts: generated.intendedCounts });
  }
}

const measurements: StageMeasurement[] = [];
const measureStage = async (request: StageRequest, databaseUrl?: string) => {
  const label = stageLabel({ stage: request.stage, engine: request.engine ?? null });
  progress(`measuring ${label}, ${request.rows} ${request.variant}`);
  const runsOnce = request.repetitions === 1 && request.warmups === 0;
  const cold = await runStage({ ...request, repetitions: 1, warmups: 0 }, databaseUrl);
  const timed = runsOnce || !cold.ok ? null : await runStage(request, databaseUrl);
  for (const outcome of [cold, timed]) {
    if (outcome && !outcome.ok) progress(`  failed: ${outcome.error}`);
  }
  measurements.push({ cold, timed });
};

for (const rows of options.rows) {
  for (const variant of exportVariantNames) {
    const file = `${outFolder}${exportFileName(rows, variant)}`;
    const timing = { repetitions: options.repetitions, warmups: options.warmups };
    await measureStage({ stage: 'parse', file, variant, rows, ...timing });
    await measureStage({ stage: 'identify', file, variant, rows, ...timing });
  }
}

const serverUrl = process.env.DATABASE_URL || defaultServerUrl;
const connection =
  options.importRows.length > 0
    ? await connectPostgresServer(serverUrl)
    : ({
        reachable: false,
        location: redactPassword(serverUrl),
        reason: 'no import asked for (--import-rows none)',
      } as const);
if (!connection.reachable) {
  progress(`PostgreSQL import skipped (${connection.location}): ${connection.reason}`);
}
for (const rows of options.importRows) {
  const request = {
    stage: 'import',
    file: `${outFolder}${exportFileName(rows, importVariant)}`,
    variant: importVariant,
    rows,
    repetitions: 1,
    warmups: 0,
  } as const;
  // Each import next to a bare COPY of the same file into the same engine, each in a fresh database.
  await measureStage({ ...request, stage: 'copy', engine: 'pglite' });
  await measureStage({ ...request, engine: 'pglite' });
  if (connection.reachable) {
    for (const stage of ['copy', 'import'] as const) {
      await connection.server.withFreshDatabase((databaseUrl) =>
        measureStage({ ...request, stage, engine: 'postgresql' }, databaseUrl),
      );
    }
  }
}

const { stages, failures } = measuredStages(measurements, files);
const ratios = identifyToParseRatios(stages);
const copyRatios = importToCopyRatios(stages);
const report: BenchReport = {
  startedAt: startedAt.toISOString(),
  durationMs: performance.now() - started,
  environment: {
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cpus: cpus().length,
    memoryBytes: totalmem(),
    loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
    nodeOptions: process.env.NODE_OPTIONS ?? '',
  },
  referenceDate: benchReferenceDate,
  seed: benchSeed,
  options: {
    rows: options.rows,
    importRows: options.importRows,
    repetitions: options.repetitions,
    warmups: options.warmups,
  },
  postgres: connection.reachable
    ? { location: connection.server.location, version: connection.server.version }
    : { location: connection.location, skipped: connection.reason },
  files,
  stages,
  failures,
  ratios,
  copyRatios,
  targets: checkTargets(stages, ratios, copyRatios),
};
const json = JSON.stringify(report, null, 2);
await writeFile(reportFile, `${json}\n`);
process.stdout.write(`${options.json ? json : `${formatReport(report)}\nAll figures: ${reportFile}`}\n`);

function benchOptions(args: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      rows: { type: 'string', default: '50000,100000' },
      'import-rows': { type: 'string' },
      repetitions: { type: 'string', default: '5' },
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const rows = values.quick ? [10_000] : rowCounts(values.rows, '--rows');
  const importFlag = values['import-rows'];
  const importRows =
    importFlag === undefined ? rows : importFlag === 'none' ? [] : rowCounts(importFlag, '--import-rows');
  const unknown = importRows.filter((count) => !rows.includes(count));
  if (unknown.length > 0) usage(`--import-rows ${unknown.join(',')} must be among --rows ${rows.join(',')}`);
  return {
    rows,
    importRows,
    repetitions: values.quick ? 1 : repetitionCount(values.repetitions),
    warmups: values.quick ? 0 : 1,
    json: values.json,
  };
}

function rowCounts(text: string, flag: string): number[] {
  const counts = text.split(',').map((part) => Number(part.trim().replaceAll('_', '')));
  if (counts.some((count) => !Number.isInteger(count) || count < 1))
    usage(`${flag} takes row counts like 50000,100000`);
  return counts;
}

function repetitionCount(text: string): number {
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1) usage('--repetitions takes a positive whole number');
  return count;
}

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
