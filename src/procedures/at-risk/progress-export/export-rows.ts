import type { ProgressExport, ProgressRow } from './progress-row.js';

/**
 * How many rows travel together: a batch is staged with one COPY, and memory
 * holds about two (one being staged while the next is read). Small enough
 * that a batch's objects mostly die young: with 5,000 rows they outlived
 * V8's young generation, were promoted and piled up as old garbage, and a
 * 100,000-row import peaked near 370 MB instead of under 300 MB (bench, Node's
 * default flags); a COPY per 1,000 rows costs no measurable time.
 */
export const rowBatchSize = 1_000;

/**
 * An export as an import needs it: where it came from, and its valid rows
 * either read whole (a ProgressExport) or read as they are used, a batch at a
 * time. A reading throws its ProgressExportError after the last batch when
 * the file had any problem: until then nothing read may be kept.
 */
export type ExportRows = Pick<ProgressExport, 'fileName' | 'sha256' | 'columnLabels'> &
  (
    | { readonly rows: readonly ProgressRow[] }
    | { readonly rows?: undefined; batches(): AsyncIterable<readonly ProgressRow[]> }
  );

/** The export's rows in file order, at most rowBatchSize at a time. */
export async function* rowBatches(progressExport: ExportRows): AsyncGenerator<readonly ProgressRow[]> {
  if (progressExport.rows === undefined) {
    yield* progressExport.batches();
    return;
  }
  const { rows } = progressExport;
  for (let start = 0; start < rows.length; start += rowBatchSize) {
    yield rows.slice(start, start + rowBatchSize);
  }
}
