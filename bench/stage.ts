/**
 * What the benchmark asks of a stage child process and what it reports back:
 * the request travels as command-line flags, the result as one line of JSON
 * on the child's stdout. Both are parsed, never cast.
 */
import { z } from 'zod';
import { exportVariantNames } from './export-variants.js';

/** copy: a bare COPY of the same CSV into one plain table, the floor an import is held against. */
export const stageNames = ['parse', 'identify', 'import', 'copy'] as const;
export type StageName = (typeof stageNames)[number];

export const databaseEngines = ['pglite', 'postgresql'] as const;
export type DatabaseEngine = (typeof databaseEngines)[number];

/** The child reads the PostgreSQL URL from here, so a password never shows in a process list. */
export const databaseUrlVariable = 'BENCH_DATABASE_URL';

const count = z.coerce.number().int().nonnegative();

export const stageRequestSchema = z.object({
  stage: z.enum(stageNames),
  file: z.string().min(1),
  variant: z.enum(exportVariantNames),
  /** Data rows the file holds; the child checks that it read them all. */
  rows: count,
  repetitions: count.min(1),
  warmups: count,
  engine: z.enum(databaseEngines).optional(),
});
export type StageRequest = z.infer<typeof stageRequestSchema>;

export function stageArguments(request: StageRequest): string[] {
  const flags: string[] = [];
  for (const [name, value] of Object.entries(request)) {
    if (value !== undefined) flags.push(`--${name}`, String(value));
  }
  return flags;
}

const categoryCountsSchema = z.object({
  green: z.number(),
  yellow: z.number(),
  red: z.number(),
  blue: z.number(),
  out_of_scope: z.number(),
});

export const stageResultSchema = z.object({
  stage: z.enum(stageNames),
  variant: z.enum(exportVariantNames),
  engine: z.enum(databaseEngines).nullable(),
  rows: z.number(),
  bytes: z.number(),
  /** Wall time of each measured repetition (warm-ups left out). */
  timesMs: z.array(z.number()),
  medianMs: z.number(),
  /** Median per phase, where a stage has more than one (identify: read, classify; import: read, import). */
  phasesMs: z.record(z.string(), z.number()),
  /** The import phase by what it waits for (bench/phase-clock.ts); empty for the other stages. */
  breakdownMs: z.record(z.string(), z.number()),
  /** The process's peak resident set over its whole life (getrusage ru_maxrss). */
  peakRssBytes: z.number(),
  /** Resident set after loading the code and reading the file, before the first run. */
  baselineRssBytes: z.number(),
  /** Heap + external memory the result holds after a full GC (largest over the runs). */
  liveBytes: z.number(),
  /** Students per category by home board (identify and import). */
  counts: categoryCountsSchema.nullable(),
  /** Rows in the database afterwards (import; copy: students = rows in the plain table). */
  stored: z.object({ students: z.number(), results: z.number(), cycles: z.number() }).nullable(),
});
export type StageResult = z.infer<typeof stageResultSchema>;
