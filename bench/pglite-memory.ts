/**
 * `npm run bench -- --only pglite-memory`: the memory of `npm start` on the
 * embedded PGlite database, first start (a new data folder, the demo import)
 * and a later one, against the same bot on PostgreSQL. Each start is the
 * built bot in a process of its own (bench/bot-start.ts), in an empty working
 * folder, so it runs the built-in demo as a newcomer's first `npm start` does.
 *
 *   --settle-seconds 15   how long each start runs on after it is listening (default 15)
 *   --quick               3 seconds: a smoke run
 *   --json                print every figure as JSON instead of the report
 *
 * Linux only (it reads /proc). Progress goes to stderr, the report to stdout;
 * every figure also goes to bench/out/pglite-memory-report.json. PostgreSQL is
 * DATABASE_URL's server or postgresql://postgres@127.0.0.1:5432/test, in a
 * fresh database that is dropped afterwards; unreachable, it is left out.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type BotStartFigures, measureBotStart } from './bot-start.js';
import { connectPostgresServer, defaultServerUrl } from './postgres-server.js';
import { formatMegabytes, formatSeconds } from './units.js';

/** The issue's target: a later start on PGlite peaks at 600 MB at most. */
const laterStartPeakTargetBytes = 600_000_000;

const outFolder = fileURLToPath(new URL('../../bench/out/', import.meta.url));
const reportFile = `${outFolder}pglite-memory-report.json`;

type Engine = 'pglite' | 'postgresql';
type StartKind = 'first' | 'later';

interface MeasuredStart extends BotStartFigures {
  readonly engine: Engine;
  readonly start: StartKind;
}

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    'settle-seconds': { type: 'string', default: '15' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
  strict: true,
});
const settleSeconds = values.quick ? 3 : Number(values['settle-seconds']);
if (!Number.isFinite(settleSeconds) || settleSeconds < 0) usage('--settle-seconds takes a number of seconds');
if (process.platform !== 'linux') usage('this benchmark reads /proc/<pid>/status, which only Linux has');

const loadBefore = loadavg()[0] ?? 0;
const workFolder = await mkdtemp(join(tmpdir(), 'trafiklys-bench-memory-'));
const starts: MeasuredStart[] = [];
let postgres: { location: string; skipped?: string };
try {
  const settleMs = settleSeconds * 1000;
  const twoStarts = async (engine: Engine, env: NodeJS.ProcessEnv) => {
    for (const start of ['first', 'later'] as const) {
      progress(`${engine}, ${start} start`);
      starts.push({ engine, start, ...(await measureBotStart({ env, cwd: workFolder, settleMs })) });
    }
  };
  await twoStarts('pglite', { DATA_DIR: join(workFolder, 'data') });

  const connection = await connectPostgresServer(process.env.DATABASE_URL || defaultServerUrl);
  if (connection.reachable) {
    postgres = { location: connection.server.location };
    await connection.server.withFreshDatabase((databaseUrl) =>
      twoStarts('postgresql', { DATABASE_URL: databaseUrl }),
    );
  } else {
    postgres = { location: connection.location, skipped: connection.reason };
    progress(`PostgreSQL left out (${connection.location}): ${connection.reason}`);
  }
} finally {
  await rm(workFolder, { recursive: true, force: true });
}

// A first start that did not import the demo would measure less than a newcomer's first start does.
for (const start of starts.filter((measured) => measured.start === 'first')) {
  if (!start.startLog.some((message) => message.includes('demo export imported'))) {
    throw new Error(
      `the ${start.engine} first start did not import the demo export: ${start.startLog.join(' | ')}`,
    );
  }
}

const laterPglite = starts.find((start) => start.engine === 'pglite' && start.start === 'later');
const report = {
  node: process.version,
  cpus: cpus().length,
  loadAverage: { before: loadBefore, after: loadavg()[0] ?? 0 },
  nodeOptions: process.env.NODE_OPTIONS ?? '',
  settleSeconds,
  postgres,
  starts,
  target: {
    laterStartPeakAtMostBytes: laterStartPeakTargetBytes,
    met: laterPglite !== undefined && laterPglite.peakRssBytes <= laterStartPeakTargetBytes,
  },
};
await mkdir(outFolder, { recursive: true });
await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport()}\nAll figures: ${reportFile}\n`,
);
process.exitCode = report.target.met ? 0 : 1;

function formatReport(): string {
  const header = ['', 'ready after', 'RSS when ready', 'peak RSS', `RSS ${settleSeconds} s later`];
  const rows = starts.map((start) => [
    `${start.engine === 'pglite' ? 'PGlite' : 'PostgreSQL'}, ${start.start} start`,
    formatSeconds(start.readyMs),
    formatMegabytes(start.readyRssBytes),
    formatMegabytes(start.peakRssBytes),
    formatMegabytes(start.settledRssBytes),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)),
  );
  const line = (cells: readonly string[]) =>
    `  ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')}`;
  return [
    `Trafiklys npm start memory — Node ${report.node}, ${report.cpus} CPUs, load average ${report.loadAverage.before.toFixed(2)} before, ` +
      `${report.loadAverage.after.toFixed(2)} after (other work lengthens the times, not the memory)` +
      (report.nodeOptions ? `; NODE_OPTIONS=${report.nodeOptions}` : ''),
    'the built bot with the built-in demo, each start a fresh process; RSS from /proc/<pid>/status, peak = VmHWM (1 MB = 10^6 bytes)',
    `PostgreSQL: ${postgres.skipped ? `left out (${postgres.location}: ${postgres.skipped})` : postgres.location}`,
    '',
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map(line),
    '',
    `Target: a later start on PGlite peaks at ≤ ${formatMegabytes(laterStartPeakTargetBytes)}: ` +
      (laterPglite
        ? `${report.target.met ? 'met' : 'MISSED'} (${formatMegabytes(laterPglite.peakRssBytes)})`
        : 'not measured'),
  ].join('\n');
}

function usage(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
