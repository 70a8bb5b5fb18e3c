/**
 * One benchmark stage in a process of its own, so that its peak RSS is its
 * own: `node dist/bench/measure.js --stage identify --file … --variant utf8
 * --rows 50000 --repetitions 5 --warmups 1`. Prints one line of JSON (a
 * StageResult) on stdout. Each stage loads only the code it measures.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { PrismaClient } from '../src/generated/prisma/client.js';
import type { CategoryCounts } from '../src/procedures/at-risk/identify-students.js';
import { benchBoardCodes, benchBoards, benchFaculties, benchReferenceDate } from './bench-institution.js';
import { exportVariants } from './export-variants.js';
import { PhaseClock, timedCipher, timedStorage } from './phase-clock.js';
import { databaseUrlVariable, type StageRequest, type StageResult, stageRequestSchema } from './stage.js';

interface RunFigures {
  readonly totalMs: number;
  readonly phasesMs: Readonly<Record<string, number>>;
  readonly breakdownMs: Readonly<Record<string, number>>;
  readonly rows: number;
  readonly counts: CategoryCounts | null;
  /** Heap and external memory still in use after a full GC, with the run's result alive. */
  readonly liveBytes: number;
}

interface PreparedStage {
  /** One timed run; everything it builds is garbage once it returns. */
  run(): Promise<RunFigures>;
  /** Untimed, after the runs. */
  stored(): Promise<StageResult['stored']>;
  close(): Promise<void>;
}

const request = stageRequestSchema.parse(
  parseArgs({
    options: {
      stage: { type: 'string' },
      file: { type: 'string' },
      variant: { type: 'string' },
      rows: { type: 'string' },
      repetitions: { type: 'string' },
      warmups: { type: 'string' },
      engine: { type: 'string' },
    },
    strict: true,
  }).values,
);
process.stdout.write(`${JSON.stringify(await measure(request))}\n`);

async function measure(request: StageRequest): Promise<StageResult> {
  // Only the bare parse gets the file in memory; the other stages read it as the product does.
  const bytes = (await stat(request.file)).size;
  const stage = await prepare(request);
  try {
    collectGarbage();
    const baselineRssBytes = process.memoryUsage.rss();
    for (let warmup = 0; warmup < request.warmups; warmup++) {
      await stage.run();
      collectGarbage();
    }
    const runs: RunFigures[] = [];
    for (let repetition = 0; repetition < request.repetitions; repetition++) {
      const figures = await stage.run();
      if (figures.rows !== request.rows) {
        throw new Error(
          `${request.stage} read ${figures.rows} rows of ${request.file}, expected ${request.rows}`,
        );
      }
      runs.push(figures);
      collectGarbage();
    }
    return {
      stage: request.stage,
      variant: request.variant,
      engine: request.engine ?? null,
      rows: request.rows,
      bytes,
      timesMs: runs.map((figures) => figures.totalMs),
      medianMs: median(runs.map((figures) => figures.totalMs)),
      phasesMs: medianPerPhase(runs.map((figures) => figures.phasesMs)),
      breakdownMs: medianPerPhase(runs.map((figures) => figures.breakdownMs)),
      // ru_maxrss is in KiB on Linux.
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
      baselineRssBytes,
      liveBytes: Math.max(...runs.map((figures) => figures.liveBytes)),
      counts: runs.at(-1)?.counts ?? null,
      stored: await stage.stored(),
    };
  } finally {
    await stage.close();
  }
}

async function prepare(request: StageRequest): Promise<PreparedStage> {
  switch (request.stage) {
    case 'parse':
      return prepareBareParse(request, await readFile(request.file));
    case 'identify':
      return prepareIdentify(request);
    case 'import':
      return prepareImport(request);
    case 'copy':
      return prepareBareCopy(request);
  }
}

/**
 * The floor to compare with: decode the bytes with the encoding the file is
 * known to have and split it with csv-parse, nothing more (no header mapping,
 * no validation, no detection of encoding, delimiter or decimal mark).
 */
async function prepareBareParse(request: StageRequest, bytes: Uint8Array): Promise<PreparedStage> {
  const { parse } = await import('csv-parse/sync');
  const variant = exportVariants[request.variant];
  const decoder = new TextDecoder(variant.encoding, { fatal: true });
  return {
    async run() {
      const started = performance.now();
      const records = parse(decoder.decode(bytes), { delimiter: variant.delimiter });
      const totalMs = performance.now() - started;
      const liveBytes = liveMemory();
      return { totalMs, phasesMs: {}, breakdownMs: {}, rows: records.length - 1, counts: null, liveBytes };
    },
    stored: async () => null,
    close: async () => {},
  };
}

/**
 * `trafiklys identify FILE`: the file streamed from disk, validated and
 * classified a batch at a time, per-board figures kept (the table's output).
 */
async function prepareIdentify(request: StageRequest): Promise<PreparedStage> {
  const { openProgressExport } = await import(
    '../src/procedures/at-risk/progress-export/read-progress-export.js'
  );
  const { exportFile } = await import('../src/procedures/at-risk/progress-export/export-source.js');
  const { identifyExport } = await import('../src/procedures/at-risk/identify-students.js');
  const { defaultIdentificationRules } = await import('../src/procedures/at-risk/identification-rules.js');
  const fileName = basename(request.file);
  return {
    async run() {
      const started = performance.now();
      const progressExport = await openProgressExport(exportFile(request.file), { fileName });
      const opened = performance.now();
      const identification = await identifyExport(
        progressExport,
        benchReferenceDate,
        defaultIdentificationRules,
      );
      const classified = performance.now();
      const liveBytes = liveMemory();
      return {
        totalMs: classified - started,
        phasesMs: { open: opened - started, 'read + classify': classified - opened },
        breakdownMs: {},
        rows: identification.students,
        counts: sumCounts(identification.boards.map((board) => board.counts)),
        liveBytes,
      };
    },
    stored: async () => null,
    close: async () => {},
  };
}

/**
 * `trafiklys import FILE`: the file streamed from disk into
 * importIdentification (validate, classify, encrypt CPR numbers and stage a
 * batch at a time, then store every board's cycle in one transaction), into a
 * fresh, migrated database. Opening and migrating the database is not timed.
 * Runs once: a second import of the same file would be a no-op.
 */
async function prepareImport(request: StageRequest): Promise<PreparedStage> {
  if (request.repetitions + request.warmups !== 1) throw new Error('the import stage runs exactly once');
  const { openProgressExport } = await import(
    '../src/procedures/at-risk/progress-export/read-progress-export.js'
  );
  const { exportFile } = await import('../src/procedures/at-risk/progress-export/export-source.js');
  const { importIdentification } = await import('../src/procedures/at-risk/import-identification.js');
  const { defaultIdentificationRules } = await import('../src/procedures/at-risk/identification-rules.js');
  const { PrismaIdentificationStorage } = await import('../src/storage/prisma-identification-storage.js');
  const { createCprCipher } = await import('../src/security/cpr-cipher.js');
  const { randomBytes } = await import('node:crypto');

  const database = await openBenchDatabase(request);
  try {
    await createInstitution(database.prisma);
  } catch (error) {
    await database.close();
    throw error;
  }
  const clock = new PhaseClock();
  const storage = timedStorage(new PrismaIdentificationStorage(database.prisma), clock);
  const cipher = timedCipher(createCprCipher(randomBytes(32)), clock);
  const fileName = basename(request.file);
  return {
    async run() {
      clock.reset();
      const started = performance.now();
      const progressExport = await openProgressExport(exportFile(request.file), { fileName });
      const opened = performance.now();
      const report = await importIdentification(storage, {
        progressExport,
        asOf: benchReferenceDate,
        rules: defaultIdentificationRules,
        knownBoards: benchBoardCodes,
        actor: 'bench',
        cipher,
      });
      const imported = performance.now();
      const liveBytes = liveMemory();
      return {
        totalMs: imported - started,
        phasesMs: { open: opened - started, 'read + store': imported - opened },
        breakdownMs: importBreakdown(clock, imported - opened),
        rows: report.students,
        counts: sumCounts(report.boards.map((board) => board.figures.counts)),
        liveBytes,
      };
    },
    async stored() {
      const [students, results, cycles] = await Promise.all([
        database.prisma.student.count(),
        database.prisma.studentResult.count(),
        database.prisma.identificationCycle.count(),
      ]);
      return { students, results, cycles };
    },
    close: () => database.close(),
  };
}

/**
 * The floor an import is held against, on the same server in the same run:
 * the same CSV file COPYed as it stands into one plain table of text columns
 * (what `psql \copy` does), no parsing, no checks, no indexes. The table is
 * created untimed; the COPY, reading the file included, is timed.
 */
async function prepareBareCopy(request: StageRequest): Promise<PreparedStage> {
  if (request.repetitions + request.warmups !== 1) throw new Error('the copy stage runs exactly once');
  const { progressColumns } = await import('../src/procedures/at-risk/progress-export/progress-row.js');
  const createTable = `CREATE TABLE bare_copy (${progressColumns.map((column) => `${column} text`).join(', ')})`;
  const options = "(FORMAT csv, HEADER true, DELIMITER ',', ENCODING 'UTF8')";
  const target =
    request.engine === 'postgresql'
      ? await postgresCopyTarget(createTable)
      : await pgliteCopyTarget(createTable);
  let copied = 0;
  return {
    async run() {
      const started = performance.now();
      copied = await target.copy(options, request.file);
      const totalMs = performance.now() - started;
      return { totalMs, phasesMs: {}, breakdownMs: {}, rows: copied, counts: null, liveBytes: liveMemory() };
    },
    stored: async () => ({ students: copied, results: 0, cycles: 0 }),
    close: () => target.close(),
  };
}

interface CopyTarget {
  /** COPYs the file into the plain table; the rows copied. */
  copy(options: string, file: string): Promise<number>;
  close(): Promise<void>;
}

/** psql's way: a connection, the file streamed into COPY FROM STDIN. */
async function postgresCopyTarget(createTable: string): Promise<CopyTarget> {
  const { default: pg } = await import('pg');
  const { from: copyFrom } = await import('pg-copy-streams');
  const { createReadStream } = await import('node:fs');
  const { pipeline } = await import('node:stream/promises');
  const client = new pg.Client({ connectionString: postgresUrl() });
  await client.connect();
  await client.query(createTable);
  return {
    async copy(options, file) {
      const copy = client.query(copyFrom(`COPY bare_copy FROM STDIN ${options}`));
      await pipeline(createReadStream(file), copy);
      return copy.rowCount;
    },
    close: () => client.end(),
  };
}

/** The embedded engine, fresh: the file as a Blob backed by the file itself, read by COPY from /dev/blob. */
async function pgliteCopyTarget(createTable: string): Promise<CopyTarget> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { openAsBlob } = await import('node:fs');
  const pglite = await PGlite.create('memory://');
  await pglite.exec(createTable);
  return {
    async copy(options, file) {
      const result = await pglite.query(`COPY bare_copy FROM '/dev/blob' ${options}`, [], {
        blob: await openAsBlob(file),
      });
      return result.affectedRows ?? 0;
    },
    close: () => pglite.close(),
  };
}

/** A fresh, migrated database of the stage's engine. */
async function openBenchDatabase(request: StageRequest) {
  const { openDatabase } = await import('../src/storage/database.js');
  return openDatabase(
    request.engine === 'postgresql'
      ? { databaseUrl: postgresUrl(), dataDir: 'unused' }
      : { dataDir: 'memory://' },
  );
}

/**
 * importIdentification's time by what it waits for: inside the transaction
 * encrypting CPR numbers, staging the batches (COPY), the two set-based
 * inserts from the staging table and the few per-board statements; the rest
 * is reading, validating and classifying the file as it streams by (and
 * BEGIN/COMMIT, Prisma); after it the comparison with the previous cycles.
 */
function importBreakdown(clock: PhaseClock, importMs: number): Record<string, number> {
  const transaction = clock.totalMs('transaction');
  const compare = clock.totalMs('compareWithPrevious');
  const inTransaction = {
    encryptCpr: clock.totalMs('encryptCpr'),
    stageStudents: clock.totalMs('stageStudents'),
    saveStudents: clock.totalMs('saveStudents'),
    saveResults: clock.totalMs('saveResults'),
    perBoardStatements: [
      'findCycle',
      'createCycle',
      'replaceResults',
      'recountCycle',
      'linkPreviousCycles',
      'recordAudit',
    ]
      .map((phase) => clock.totalMs(phase))
      .reduce((sum, ms) => sum + ms, 0),
  };
  const accounted = Object.values(inTransaction).reduce((sum, ms) => sum + ms, 0);
  return {
    beforeTransaction: importMs - transaction - compare,
    ...inTransaction,
    'read, validate, classify and the rest': transaction - accounted,
    compareWithPrevious: compare,
  };
}

/** Cycles refer to their study board, so the institution must be there first. */
async function createInstitution(prisma: PrismaClient): Promise<void> {
  await prisma.faculty.createMany({ data: benchFaculties.map(({ code, name }) => ({ code, name })) });
  await prisma.studyBoard.createMany({
    data: benchBoards.map((board) => ({
      code: board.code,
      name: board.name,
      facultyCode: board.facultyCode,
      chairEmail: `chair.${board.code.toLowerCase()}@example.dk`,
      secretaryEmail: `secretary.${board.code.toLowerCase()}@example.dk`,
      delegateEmails: [],
      consoleChannel: board.code.toLowerCase(),
    })),
  });
}

function postgresUrl(): string {
  const url = process.env[databaseUrlVariable];
  if (!url) throw new Error(`the PostgreSQL import needs ${databaseUrlVariable}`);
  return url;
}

function sumCounts(perBoard: readonly CategoryCounts[]): CategoryCounts {
  const total: CategoryCounts = { green: 0, yellow: 0, red: 0, blue: 0, out_of_scope: 0 };
  for (const counts of perBoard) {
    total.green += counts.green;
    total.yellow += counts.yellow;
    total.red += counts.red;
    total.blue += counts.blue;
    total.out_of_scope += counts.out_of_scope;
  }
  return total;
}

/** Between runs, so one run's garbage does not count towards the next one's RSS (needs --expose-gc). */
function collectGarbage(): void {
  globalThis.gc?.();
}

/** Memory the run's result still holds: collects garbage first (needs --expose-gc). */
function liveMemory(): number {
  collectGarbage();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

function medianPerPhase(runs: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const phases = Object.keys(runs[0] ?? {});
  return Object.fromEntries(
    phases.map((phase) => [phase, median(runs.map((phasesMs) => phasesMs[phase] ?? 0))]),
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? Number.NaN) + upper) / 2;
}
