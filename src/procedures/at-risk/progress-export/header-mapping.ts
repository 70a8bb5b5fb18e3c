import { cellText } from './cell-values.js';
import type { ExportProblem } from './export-problem.js';
import {
  type ColumnAliases,
  danishColumnAliases,
  type ProgressColumn,
  progressColumns,
  requiredColumns,
} from './progress-row.js';
import type { CellValue } from './source-table.js';

/** Where each known column sits in the file and how its header is written there. */
export interface HeaderMapping {
  /** Cell index per column; absent for an optional column the file leaves out. */
  readonly index: Readonly<Partial<Record<ProgressColumn, number>>>;
  /** The header as written in the file (trimmed), for naming the column in problems. */
  readonly label: Readonly<Partial<Record<ProgressColumn, string>>>;
}

export interface HeaderMappingResult {
  readonly mapping: HeaderMapping;
  readonly problems: readonly ExportProblem[];
}

/**
 * Spec "Columns": headers match case-insensitively, ignoring surrounding
 * spaces, by the English name, the Danish alias or a deployment's own aliases;
 * unknown columns are ignored. Two headers naming the same column would make
 * the file ambiguous, so that is a problem, as is every missing required one;
 * a header that names none of the required ones is not an export at all.
 */
export function mapHeader(
  header: readonly CellValue[],
  headerLine: number,
  columnAliases: ColumnAliases = {},
): HeaderMappingResult {
  const columnByName = headerNames(columnAliases);
  const index: Partial<Record<ProgressColumn, number>> = {};
  const label: Partial<Record<ProgressColumn, string>> = {};
  const problems: ExportProblem[] = [];

  header.forEach((cell, cellIndex) => {
    const written = cellText(cell);
    const column = columnByName.get(written.toLowerCase());
    if (column === undefined) return;
    const earlier = label[column];
    if (earlier !== undefined) {
      problems.push({
        line: headerLine,
        column: null,
        reason: { code: 'duplicate_column', column, first: earlier, second: written },
      });
      return;
    }
    index[column] = cellIndex;
    label[column] = written;
  });

  const required = progressColumns.filter((column) => requiredColumns.has(column));
  if (required.every((column) => index[column] === undefined)) {
    return { mapping: { index, label }, problems: [notAnExport(required)] };
  }
  for (const column of required) {
    if (index[column] === undefined) {
      problems.push({
        line: headerLine,
        column,
        reason: { code: 'missing_column', column, danishName: danishColumnAliases[column] },
      });
    }
  }
  return { mapping: { index, label }, problems };
}

/**
 * Not one required column is named, so the file is something else altogether
 * (README "Export files"): a single file-level problem that says which
 * columns an export has, rather than one "missing column" line per column.
 */
function notAnExport(required: readonly ProgressColumn[]): ExportProblem {
  return {
    line: null,
    column: null,
    reason: {
      code: 'not_a_progress_export',
      columns: required,
      danishNames: required.map((column) => danishColumnAliases[column]),
    },
  };
}

/**
 * Lower-cased header name → column. A configured alias never takes a name the
 * spec already gives to another column: that would silently re-route a
 * standard export.
 */
function headerNames(columnAliases: ColumnAliases): Map<string, ProgressColumn> {
  const columnByName = new Map<string, ProgressColumn>();
  for (const column of progressColumns) {
    columnByName.set(column, column);
    columnByName.set(danishColumnAliases[column].toLowerCase(), column);
  }
  for (const column of progressColumns) {
    for (const alias of columnAliases[column] ?? []) {
      const name = alias.trim().toLowerCase();
      if (name !== '' && !columnByName.has(name)) columnByName.set(name, column);
    }
  }
  return columnByName;
}
