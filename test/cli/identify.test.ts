import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTrafiklys, spawnTrafiklys } from '../support/cli-runner.js';
import { type ProgressRowInput, progressExportCsv } from '../support/progress-export-builder.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-identify-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const active = { lastPassedOn: '2026-01-20', enrolledOn: '2024-09-01' };

async function exportFile(name: string, rows: readonly ProgressRowInput[]): Promise<string> {
  await writeFile(join(folder, name), progressExportCsv(rows));
  return name;
}

describe('trafiklys identify', () => {
  it('--json prints exactly one JSON object with the counts per board and every student', async () => {
    const file = await exportFile('spring.csv', [
      { ...active, studentId: 'S1', boardCode: 'SN-HIS', ectsExpected: 60, ectsPassed: 55 },
      { ...active, studentId: 'S2', boardCode: 'SN-HIS', ectsExpected: 60, ectsPassed: 52.5 },
      { ...active, studentId: 'S3', boardCode: 'SN-DAT', ectsExpected: 60, ectsPassed: 45 },
      {
        studentId: 'S4',
        boardCode: 'SN-DAT',
        enrolledOn: '2023-09-01',
        lastPassedOn: null,
        ectsExpected: 90,
        ectsPassed: 0,
      },
      { ...active, studentId: 'S5', boardCode: 'SN-DAT', status: 'leave', ectsExpected: 60, ectsPassed: 10 },
    ]);
    const result = await runTrafiklys(['identify', file, '--as-of', '2026-04-06', '--json'], { cwd: folder });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toEqual({
      asOf: '2026-04-06',
      boards: {
        'SN-DAT': { green: 0, yellow: 0, red: 1, blue: 1 },
        'SN-HIS': { green: 1, yellow: 1, red: 0, blue: 0 },
      },
      outOfScope: 1,
      students: [
        { studentId: 'S1', board: 'SN-HIS', category: 'green', ectsBehind: 5, delayMonths: 1 },
        { studentId: 'S2', board: 'SN-HIS', category: 'yellow', ectsBehind: 7.5, delayMonths: 1.5 },
        { studentId: 'S3', board: 'SN-DAT', category: 'red', ectsBehind: 15, delayMonths: 3 },
        { studentId: 'S4', board: 'SN-DAT', category: 'blue', ectsBehind: 90, delayMonths: 18 },
        { studentId: 'S5', board: 'SN-DAT', category: 'out_of_scope', ectsBehind: 50, delayMonths: 10 },
      ],
    });
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('without --json prints a readable table per board with totals', async () => {
    const file = await exportFile('table.csv', [
      { ...active, boardCode: 'SN-HIS', ectsExpected: 60, ectsPassed: 40 },
      { ...active, boardCode: 'SN-HIS', sideSubjectBoard: 'SN-MAT', ectsExpected: 60, ectsPassed: 60 },
    ]);
    const result = await runTrafiklys(['identify', file, '--as-of', '2026-04-06'], { cwd: folder });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      'Identification as of 2026-04-06 (spring 2026): 2 students, 0 out of scope',
    );
    expect(result.stdout).toMatch(/^SN-HIS\s+1\s+0\s+1\s+0\s+0\s+1\s+0\s+0\s+0$/m);
    expect(result.stdout).toMatch(/^SN-MAT\s+0\s+0\s+0\s+0\s+0\s+0\s+1\s+0\s+0$/m);
    expect(result.stdout).toMatch(/^Total\s+1\s+0\s+1\s+0\s+0\s+1\s+1\s+0\s+0$/m);
  });

  it('no CPR number appears in its output, in either form', async () => {
    const file = await exportFile('cpr.csv', [
      { ...active, studentId: 'S1', nationalId: '010190-1234' },
      { ...active, studentId: 'S2', nationalId: '0202881235' },
    ]);
    for (const extra of [['--json'], []]) {
      const result = await runTrafiklys(['identify', file, '--as-of', '2026-04-06', ...extra], {
        cwd: folder,
      });
      const output = result.stdout + result.stderr;
      expect(result.exitCode).toBe(0);
      for (const fragment of ['010190', '1234', '020288', '1235']) expect(output).not.toContain(fragment);
    }
  });

  it('a bad file exits non-zero with the line, column and value on stderr, and nothing on stdout', async () => {
    const file = await exportFile('bad.csv', [
      { ...active },
      { ...active, rawCells: { ects_passed: 'fifteen' } },
    ]);
    const result = spawnTrafiklys(['identify', file, '--json'], { cwd: folder });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'error: bad.csv cannot be used:\nline 3, column ects_passed: "fifteen" is not a number\n',
    );
  });

  it('thresholds come from a config when one is given', async () => {
    const file = await exportFile('thresholds.csv', [
      { ...active, studentId: 'S1', ectsExpected: 60, ectsPassed: 57 },
    ]);
    await writeFile(
      join(folder, 'strict.yaml'),
      [
        'institution: { name: Strict University }',
        'faculties: [{ code: FAC, name: Faculty }]',
        'boards: [{ code: SN-HIS, name: History, faculty: FAC, chair: c@x.example, secretary: s@x.example }]',
        'thresholds: { greenMaxBehind: 2, redMinBehind: 10 }',
      ].join('\n'),
    );
    const plain = await runTrafiklys(['identify', file, '--as-of', '2026-04-06', '--json'], { cwd: folder });
    const strict = await runTrafiklys(
      ['identify', file, '--as-of', '2026-04-06', '--json', '--config', 'strict.yaml'],
      {
        cwd: folder,
      },
    );
    expect(JSON.parse(plain.stdout).students[0].category).toBe('green');
    expect(JSON.parse(strict.stdout).students[0].category).toBe('yellow');
  });

  it('a missing file, a bad --as-of and a missing argument each say what is wrong', async () => {
    expect(await runTrafiklys(['identify', 'nowhere.csv'], { cwd: folder })).toMatchObject({
      exitCode: 1,
      stderr: 'error: nowhere.csv: cannot read the file (no such file)\n',
    });
    expect(await runTrafiklys(['identify', 'x.csv', '--as-of', '06-04-2026'], { cwd: folder })).toMatchObject(
      {
        exitCode: 2,
        stderr: 'error: --as-of: "06-04-2026" is not a date in the form YYYY-MM-DD\n',
      },
    );
    const missing = await runTrafiklys(['identify'], { cwd: folder });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('usage: trafiklys identify FILE');
  });

  it('without --as-of the reference date is today in Copenhagen', async () => {
    const file = await exportFile('today.csv', [{ ...active }]);
    const result = await runTrafiklys(['identify', file, '--json'], {
      cwd: folder,
      now: new Date('2026-10-04T22:30:00Z'),
    });
    expect(JSON.parse(result.stdout).asOf).toBe('2026-10-05');
  });
});
