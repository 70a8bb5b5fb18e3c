/**
 * One benchmark stage in a process of its own, so that its peak RSS is its
 * own: `node dist/bench/measure.js --stage identify --file … --variant utf8
 * --rows 50000 --repetitions 5 --warmups 1`. Prints one line of JSON (a
 * StageResult) on stdout. Each stage loads only the code it measures.
 */
import { readFile } from 'node:fs/promises';
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
  const bytes = await readFile(request.file);
  const stage = await prepare(request, bytes);
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
      bytes: bytes.length,
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

function prepare(request: StageRequest, bytes: Uint8Array): Promise<PreparedStage> {
  switch (request.stage) {
    case 'parse':
      return prepareBareParse(request, bytes);
    case 'identify':
      return prepareIdentify(request, bytes);
    case 'import':
      return prepareImport(request, bytes);
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

/** What the bot does with a shared file before anything is stored: read, validate, classify. */
async function prepareIdentify(request: StageRequest, bytes: Uint8Array): Promise<PreparedStage> {
  const { readProgressExport } = await import(
    '../src/procedures/at-risk/progress-export/read-progress-export.js'
  );
  const { identifyStudents } = await import('../src/procedures/at-risk/identify-students.js');
  const { defaultIdentificationRules } = await import('../src/procedures/at-risk/identification-rules.js');
  const fileName = basename(request.file);
  return {
    async run() {
      const started = performance.now();
      const progressExport = await readProgressExport(bytes, { fileName });
      const read = performance.now();
      const identification = identifyStudents(
        progressExport.rows,
        benchReferenceDate,
        defaultIdentificationRules,
      );
      const classified = performance.now();
      const liveBytes = liveMemory();
      return {
        totalMs: classified - started,
        phasesMs: { read: read - started, classify: classified - read },
        breakdownMs: {},
        rows: progressExport.rows.length,
        counts: sumCounts(identification.boards.map((board) => board.counts)),
        liveBytes,
      };
    },
    stored: async () => null,
    close: async () => {},
  };
}

/**
 * `trafiklys import` from the bytes on: read and validate the export, then
 * importIdentification (classify, encrypt CPR numbers, store every board's
 * cycle in one transaction) into a fresh, migrated database. Opening and
 * migrating the database is not timed. Runs once: a second import of the
 * same file would be a no-op.
 */
async function prepareImport(request: StageRequest, bytes: Uint8Array): Promise<PreparedStage> {
  if (request.repetitions + request.warmups !== 1) throw new Error('the import stage runs exactly once');
  const { readProgressExport } = await import(
    '../src/procedures/at-risk/progress-export/read-progress-export.js'
  );
  const { importIdentification } = await import('../src/procedures/at-risk/import-identification.js');
  const { defaultIdentificationRules } = await import('../src/procedures/at-risk/identification-rules.js');
  const { openDatabase } = await import('../src/storage/database.js');
  const { PrismaIdentificationStorage } = await import('../src/storage/prisma-identification-storage.js');
  const { createCprCipher } = await import('../src/security/cpr-cipher.js');
  const { randomBytes } = await import('node:crypto');

  const database = await openDatabase(
    request.engine === 'postgresql'
      ? { databaseUrl: postgresUrl(), dataDir: 'unused' }
      : { dataDir: 'memory://' },
  );
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
      const progressExport = await readProgressExport(bytes, { fileName });
      const read = performance.now();
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
        phasesMs: { read: read - started, import: imported - read },
        breakdownMs: importBreakdown(clock, imported - read),
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
 * importIdentification's time by what it waits for: classifying before the
 * transaction, inside it encrypting CPR numbers and the set-based inserts, the
 * few per-board statements, and the rest (building records, BEGIN/COMMIT,
 * Prisma); after it the comparison with the previous cycles.
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
    restOfTransaction: transaction - accounted,
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
