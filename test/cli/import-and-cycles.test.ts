import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCprKey } from '../../src/security/cpr-cipher.js';
import { databaseEnv, runTrafiklys } from '../support/cli-runner.js';
import { type ProgressRowInput, progressExportCsv } from '../support/progress-export-builder.js';
import {
  createTestDatabaseTarget,
  type TestDatabaseTarget,
  testDatabaseEngine,
} from '../support/test-database.js';

let folder: string;
let target: TestDatabaseTarget;
let env: NodeJS.ProcessEnv;

const config = [
  'institution: { name: Test University }',
  'faculties: [{ code: HUM, name: Humanities }]',
  'boards:',
  '  - { code: SN-HIS, name: History, faculty: HUM, chair: chair@x.example, secretary: sec@x.example }',
  '  - { code: SN-PHI, name: Philosophy, faculty: HUM, chair: chair2@x.example, secretary: sec2@x.example }',
].join('\n');

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-import-'));
  target = await createTestDatabaseTarget();
  await writeFile(join(folder, 'trafiklys.config.yaml'), config);
  env = { ...databaseEnv(target), TRAFIKLYS_CPR_KEY: generateCprKey() };
});
afterAll(async () => {
  await target?.dispose();
  await rm(folder, { recursive: true, force: true });
});

const active = { lastPassedOn: '2026-01-20', enrolledOn: '2024-09-01', ectsExpected: 60 };

async function exportFile(name: string, rows: readonly ProgressRowInput[]): Promise<string> {
  await writeFile(join(folder, name), progressExportCsv(rows));
  return name;
}

const trafiklys = (...argv: string[]) => runTrafiklys(argv, { cwd: folder, env });

describe(`trafiklys import and cycles (${testDatabaseEngine()})`, () => {
  it('before any import, cycles says there is nothing yet', async () => {
    const result = await trafiklys('cycles');
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toMatch(/^No cycles stored in .+ yet\.$/m);
  });

  it('import stores a cycle per board and prints the counts', async () => {
    const file = await exportFile('autumn.csv', [
      { ...active, studentId: 'S1', boardCode: 'SN-HIS', ectsPassed: 40, nationalId: '010190-1234' },
      { ...active, studentId: 'S2', boardCode: 'SN-HIS', ectsPassed: 60 },
      { ...active, studentId: 'S3', boardCode: 'SN-PHI', ectsPassed: 50 },
    ]);
    const result = await trafiklys('import', file, '--as-of', '2025-10-06');
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain(`Using ${join(folder, 'trafiklys.config.yaml')} (Test University).`);
    expect(result.stdout).toContain('Imported autumn.csv as of 2025-10-06 (autumn 2025)');
    expect(result.stdout).toContain('3 students, 0 out of scope.');
    expect(result.stdout).toMatch(/^SN-HIS\s+new\s+1\s+0\s+1\s+0\s+0\s+–\s+–\s+0\s+0$/m);
    expect(result.stdout).toContain('No previous cycle to compare with for: SN-HIS, SN-PHI.');
    expect(result.stdout).not.toContain('010190');
  });

  it('the next period’s import shows the change since the previous cycle', async () => {
    const file = await exportFile('spring.csv', [
      { ...active, studentId: 'S1', boardCode: 'SN-HIS', ectsPassed: 58 },
      { ...active, studentId: 'S2', boardCode: 'SN-HIS', ectsPassed: 30 },
      { ...active, studentId: 'S4', boardCode: 'SN-HIS', ectsPassed: 30 },
      { ...active, studentId: 'S3', boardCode: 'SN-PHI', ectsPassed: 50 },
    ]);
    const result = await trafiklys('import', file, '--as-of', '2026-04-06');
    expect(result.exitCode).toBe(0);
    // green 1 (±0), yellow 0 (±0), red 2 (+1), blue 0; newly red S2, S4; left red S1.
    expect(result.stdout).toMatch(
      /^SN-HIS\s+new\s+1 \(±0\)\s+0 \(±0\)\s+2 \(\+1\)\s+0 \(±0\)\s+0\s+2\s+1\s+0\s+0$/m,
    );
    expect(result.stdout).toContain('Changes in brackets are since each board’s previous cycle.');
  });

  it('importing the same file again changes nothing', async () => {
    const result = await trafiklys('import', 'spring.csv', '--as-of', '2026-04-06');
    expect(result.stdout).toMatch(/^SN-HIS\s+unchanged\s/m);
    expect(result.stdout).toMatch(/^SN-PHI\s+unchanged\s/m);
  });

  it('cycles lists every stored cycle, newest first per board, and filters by board', async () => {
    const all = await trafiklys('cycles');
    expect(all.stdout).toContain('4 cycles in ');
    const lines = all.stdout.split('\n').filter((line) => line.startsWith('SN-'));
    expect(lines.map((line) => line.split(/\s{2,}/).slice(0, 4))).toEqual([
      ['SN-HIS', 'spring 2026', '2026-04-06', 'draft'],
      ['SN-HIS', 'autumn 2025', '2025-10-06', 'draft'],
      ['SN-PHI', 'spring 2026', '2026-04-06', 'draft'],
      ['SN-PHI', 'autumn 2025', '2025-10-06', 'draft'],
    ]);
    const phi = await trafiklys('cycles', '--board', 'SN-PHI');
    expect(phi.stdout).toContain('2 cycles in ');
    expect(phi.stdout).not.toContain('SN-HIS');
  });

  it('a board the configuration does not know is refused with its line and column, and nothing is stored', async () => {
    const file = await exportFile('unknown-board.csv', [
      { ...active, studentId: 'S9', boardCode: 'SN-HIS' },
      { ...active, studentId: 'S10', boardCode: 'SN-GEO' },
    ]);
    const result = await trafiklys('import', file, '--as-of', '2026-10-05');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'error: unknown-board.csv cannot be used:\nline 3, column board_code: "SN-GEO" is not a study board in the configuration (known: SN-HIS, SN-PHI)\n',
    );
    expect((await trafiklys('cycles')).stdout).toContain('4 cycles in ');
  });

  const header =
    'student_id,name,email,programme_code,programme_name,board_code,enrolment_type,status,enrolled_on,ects_expected,ects_passed,last_passed_on';
  const badFiles = [
    {
      problem: 'a non-numeric ECTS value',
      content: `${header}\nS20,Ida,ida@x.dk,HIS,History,SN-HIS,ordinary,active,2024-09-01,60,fifteen,2026-01-20\n`,
      error: 'line 2, column ects_passed: "fifteen" is not a number',
    },
    {
      problem: 'an unknown category value',
      content: `${header}\nS20,Ida,ida@x.dk,HIS,History,SN-HIS,full-time,active,2024-09-01,60,60,2026-01-20\n`,
      error:
        'line 2, column enrolment_type: "full-time" is not an enrolment type (ordinary, single-subject, guest, exchange or ordinær, enkeltfag, gæst, udveksling)',
    },
    {
      problem: 'a bad date',
      content: `${header}\nS20,Ida,ida@x.dk,HIS,History,SN-HIS,ordinary,active,31-02-2024,60,60,2026-01-20\n`,
      error:
        'line 2, column enrolled_on: "31-02-2024" is not a date (use YYYY-MM-DD, DD-MM-YYYY, DD.MM.YYYY or DD/MM/YYYY)',
    },
    {
      problem: 'a duplicate student id',
      content: `${header}\nS20,Ida,ida@x.dk,HIS,History,SN-HIS,ordinary,active,2024-09-01,60,60,2026-01-20\nS20,Bo,bo@x.dk,HIS,History,SN-HIS,ordinary,active,2024-09-01,60,60,2026-01-20\n`,
      error: 'line 3, column student_id: "S20" appears again (first on line 2)',
    },
    {
      problem: 'a missing column',
      content: `${header.replace(',ects_passed', '')}\nS20,Ida,ida@x.dk,HIS,History,SN-HIS,ordinary,active,2024-09-01,60,2026-01-20\n`,
      error: 'line 1, column ects_passed: missing required column "ects_passed" (Danish: "Beståede ECTS")',
    },
    { problem: 'no content at all', content: '', error: 'the file is empty' },
  ];

  it.each(badFiles)(
    'a file with $problem is refused with a precise error, and nothing is stored',
    async (bad) => {
      await writeFile(join(folder, 'bad.csv'), bad.content);
      const before = (await trafiklys('cycles')).stdout;
      const result = await trafiklys('import', 'bad.csv', '--as-of', '2026-10-05');
      expect(result).toMatchObject({ exitCode: 1, stdout: '' });
      expect(result.stderr).toBe(`error: bad.csv cannot be used:\n${bad.error}\n`);
      expect((await trafiklys('cycles')).stdout).toBe(before);
    },
  );

  it('an export with CPR numbers is refused when no key is configured', async () => {
    const file = await exportFile('cpr.csv', [
      { ...active, studentId: 'S11', boardCode: 'SN-HIS', nationalId: '0202881235' },
    ]);
    const result = await runTrafiklys(['import', file, '--as-of', '2026-10-05'], {
      cwd: folder,
      env: databaseEnv(target),
    });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      'holds CPR numbers, which are stored only encrypted, but TRAFIKLYS_CPR_KEY is not set',
    );
    expect(result.stderr).not.toContain('020288');
  });
});
