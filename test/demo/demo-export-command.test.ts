import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfigPath, parseConfigText } from '../../src/config/load-config.js';
import { demoStudentsFor } from '../../src/demo/demo-export.js';
import { parseIsoDate } from '../../src/shared/calendar-date.js';
import { runTrafiklys } from '../support/cli-runner.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-demo-export-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** runTrafiklys's clock: 2026-04-06 in Copenhagen. */
const today = '2026-04-06';
const trafiklys = (...argv: string[]) => runTrafiklys(argv, { cwd: folder });

interface IdentifyJson {
  readonly asOf: string;
  readonly boards: Record<string, { green: number; yellow: number; red: number; blue: number }>;
  readonly outOfScope: number;
  readonly students: readonly { studentId: string; board: string; category: string }[];
}

async function identifyJson(file: string, asOf: string): Promise<IdentifyJson> {
  const result = await trafiklys('identify', file, '--as-of', asOf, '--json');
  expect(result).toMatchObject({ exitCode: 0, stderr: '' });
  return JSON.parse(result.stdout);
}

describe('trafiklys demo export', () => {
  it('writes an export of the demo university that identify accepts, with the generator’s categories', async () => {
    const result = await trafiklys('demo', 'export', 'demo.csv', '--rows', '250', '--as-of', '2025-10-06');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Wrote demo.csv: 250 made-up students of Demo University');
    expect(result.stdout).toContain('trafiklys identify demo.csv --as-of 2025-10-06');
    expect(result.stderr).toContain('the CPR numbers in the file are fake');

    const identified = await identifyJson('demo.csv', '2025-10-06');
    const demoConfig = parseConfigText(await readFile(demoConfigPath(), 'utf8'), demoConfigPath());
    const referenceDate = parseIsoDate('2025-10-06');
    if (referenceDate === null) throw new Error('not a date');
    const { students } = demoStudentsFor(demoConfig, { referenceDate, count: 250 });
    expect(identified.students.map((student) => [student.studentId, student.category])).toEqual(
      students.map((student) => [student.studentId, student.intended]),
    );
    expect(Object.keys(identified.boards).sort()).toEqual(
      demoConfig.boards.map((board) => board.code).sort(),
    );
  });

  it('--danish writes the Danish Excel flavour, which identify accepts as well', async () => {
    const result = await trafiklys('demo', 'export', 'demo-da.csv', '--danish', '--rows', '40');
    expect(result.exitCode).toBe(0);
    const bytes = await readFile(join(folder, 'demo-da.csv'));
    expect(bytes.toString('latin1')).toMatch(/^Studienummer;CPR;Navn;.*Studienævn;.*\r\n/);
    expect(bytes.includes(Buffer.from('æ', 'utf8'))).toBe(false);
    expect((await identifyJson('demo-da.csv', today)).students).toHaveLength(40);
  });

  it('without --rows and --as-of it writes 1,500 students as of today in the institution’s zone', async () => {
    const result = await trafiklys('demo', 'export', 'default.csv');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`1,500 made-up students`);
    expect(result.stdout).toContain(`as of ${today}`);
    expect((await identifyJson('default.csv', today)).students).toHaveLength(1_500);
  });

  it('--rows 1 writes a single student', async () => {
    expect((await trafiklys('demo', 'export', 'one.csv', '--rows', '1')).exitCode).toBe(0);
    expect((await identifyJson('one.csv', today)).students).toHaveLength(1);
  });

  it('--config takes the boards from that configuration', async () => {
    await writeFile(
      join(folder, 'small.yaml'),
      [
        'institution: { name: Small University }',
        'faculties: [{ code: FAC, name: Faculty }]',
        'boards: [{ code: SN-ONE, name: One, faculty: FAC, chair: c@x.example, secretary: s@x.example }]',
      ].join('\n'),
    );
    const result = await trafiklys('demo', 'export', 'small.csv', '--rows', '30', '--config', 'small.yaml');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Small University');
    expect(result.stdout).toContain('--config small.yaml');
    expect(Object.keys((await identifyJson('small.csv', today)).boards)).toEqual(['SN-ONE']);
  });

  it.each([['0'], ['-5'], ['1.5'], ['ten'], ['1e3'], ['1000001']])(
    '--rows %s is a usage error and writes nothing',
    async (rows) => {
      const result = await trafiklys('demo', 'export', 'rejected.csv', `--rows=${rows}`);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain(`--rows: "${rows}" is not a whole number from 1 to 1,000,000`);
      expect(result.stderr).toContain('usage: trafiklys demo export FILE');
      expect(existsSync(join(folder, 'rejected.csv'))).toBe(false);
    },
  );

  it.each([['2026-02-30'], ['06-04-2026'], ['today']])('--as-of %s is a usage error', async (asOf) => {
    const result = await trafiklys('demo', 'export', 'rejected.csv', '--as-of', asOf);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(`--as-of: "${asOf}" is not a date in the form YYYY-MM-DD`);
    expect(existsSync(join(folder, 'rejected.csv'))).toBe(false);
  });

  it('no file, two files or an unknown option is a usage error', async () => {
    for (const argv of [[], ['a.csv', 'b.csv'], ['a.csv', '--xlsx']]) {
      const result = await trafiklys('demo', 'export', ...argv);
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toContain('usage: trafiklys demo export FILE');
    }
  });

  it('a file that cannot be written fails with the path and the reason', async () => {
    const result = await trafiklys('demo', 'export', 'no-such-folder/demo.csv');
    expect(result).toMatchObject({
      exitCode: 1,
      stdout: '',
      stderr: 'error: no-such-folder/demo.csv: cannot write the file (no such folder)\n',
    });
  });

  it('help lists it', async () => {
    expect((await trafiklys('help')).stdout).toContain('trafiklys demo export FILE [--rows N]');
  });
});
