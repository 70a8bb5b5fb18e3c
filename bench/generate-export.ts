/**
 * The benchmark's study-progress exports: the product's generator
 * (src/demo/progress-export-generator.ts) run for the bench's own institution
 * and reference date, written to bench/out in both variants. The same seed
 * gives the same bytes, and every student's intended category is known, so
 * the identify and import stages can check that they found what was meant.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type CategoryCounts,
  type GeneratedExport,
  type GeneratedStudent,
  generateProgressExport,
} from '../src/demo/progress-export-generator.js';
import { progressExportBytes } from '../src/demo/progress-export-writer.js';
import { benchBoards, benchReferenceDate } from './bench-institution.js';
import { type ExportVariantName, exportFileName, exportVariantNames } from './export-variants.js';

export type { CategoryCounts, GeneratedExport, GeneratedStudent };

export const benchSeed = 20260401;
/** The addresses the bench has always written, so its files stay byte for byte what they were. */
const benchEmailDomain = 'student.example.dk';

export interface WrittenExport {
  readonly rows: number;
  readonly variant: ExportVariantName;
  readonly path: string;
  readonly bytes: number;
}

export function generateExport(count: number, seed = benchSeed): GeneratedExport {
  return generateProgressExport({
    boards: benchBoards,
    referenceDate: benchReferenceDate,
    count,
    seed,
    emailDomain: benchEmailDomain,
  });
}

/** Writes one file per variant into `folder`. */
export async function writeExports(folder: string, generated: GeneratedExport): Promise<WrittenExport[]> {
  await mkdir(folder, { recursive: true });
  const rows = generated.students.length;
  const written: WrittenExport[] = [];
  for (const variant of exportVariantNames) {
    const bytes = progressExportBytes(generated.students, variant);
    const path = join(folder, exportFileName(rows, variant));
    await writeFile(path, bytes);
    written.push({ rows, variant, path, bytes: bytes.length });
  }
  return written;
}
