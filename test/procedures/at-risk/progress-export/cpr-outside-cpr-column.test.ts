import { describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/translator.js';
import {
  describeProblem,
  ProgressExportError,
} from '../../../../src/procedures/at-risk/progress-export/export-problem.js';
import {
  type ProgressColumn,
  progressColumns,
} from '../../../../src/procedures/at-risk/progress-export/progress-row.js';
import { readProgressExport } from '../../../../src/procedures/at-risk/progress-export/read-progress-export.js';
import { danishExcelNotation, progressExportCsv } from '../../../support/progress-export-builder.js';

// CPR-shaped values, with and without the dash, in turn.
const cprShaped = ['190704-1488', '2307435552'];
const otherColumns = progressColumns.filter((column) => column !== 'national_id');

async function rejectionOfRows(
  rows: Parameters<typeof progressExportCsv>[0],
  options: Parameters<typeof progressExportCsv>[1] = {},
) {
  const rejection = await readProgressExport(progressExportCsv(rows, options), {
    fileName: 'stads.csv',
  }).catch((caught: unknown) => caught);
  if (!(rejection instanceof ProgressExportError)) throw new Error('expected a ProgressExportError');
  return rejection;
}

describe('a CPR-shaped value outside the CPR column', () => {
  it('is refused in every other column, located by line and column, and never quoted', async () => {
    const rows = otherColumns.map((column, index) => ({
      studentId: `S${index + 1}`,
      rawCells: { [column]: cprShaped[index % 2] } as Partial<Record<ProgressColumn, string>>,
    }));

    const rejection = await rejectionOfRows(rows);

    expect(rejection.problems).toEqual(
      otherColumns.map((column, index) => ({
        line: index + 2,
        column,
        reason: { code: 'cpr_outside_cpr_column' },
      })),
    );
    const texts = [
      rejection.message,
      JSON.stringify(rejection.problems),
      ...rejection.problems.map(describeProblem),
      ...rejection.problems.map((problem) => translator('da').t.progressImport.problem(problem)),
    ].join('\n');
    for (const cpr of [...cprShaped, '1907041488', '230743-5552']) expect(texts).not.toContain(cpr);
    expect(
      describeProblem(rejection.problems[0] ?? { line: null, column: null, reason: { code: 'file_empty' } }),
    ).toBe(
      'line 2, column student_id: holds what looks like a CPR number; a CPR number belongs only in the CPR column (the value is not shown)',
    );
  });

  it('is refused inside other text too, under the file’s own Danish headers', async () => {
    const rejection = await rejectionOfRows(
      [{ rawCells: { name: 'Ida Holm 190704-1488', email: '2307435552@student.example.dk' } }],
      { notation: danishExcelNotation },
    );

    expect(rejection.problems.map((problem) => [problem.line, problem.column, problem.reason.code])).toEqual([
      [2, 'Navn', 'cpr_outside_cpr_column'],
      [2, 'Email', 'cpr_outside_cpr_column'],
    ]);
  });

  it('in the CPR column is what it should be: accepted', async () => {
    const accepted = await readProgressExport(progressExportCsv([{ nationalId: '190704-1488' }]), {
      fileName: 'stads.csv',
    });
    expect(accepted.rows).toHaveLength(1);
  });
});
