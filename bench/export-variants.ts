/** The two ways a study-progress export reaches us that the benchmark measures, and its files' names. */
import type { ExportVariantName } from '../src/demo/progress-export-writer.js';

export {
  type ExportVariant,
  type ExportVariantName,
  exportVariantNames,
  exportVariants,
} from '../src/demo/progress-export-writer.js';

export function exportFileName(rows: number, variant: ExportVariantName): string {
  return `progress-${rows}-${variant}.csv`;
}
