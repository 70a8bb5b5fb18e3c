import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDates } from '../../src/procedures/deviations/deadlines.js';
import type { DeviationCategory } from '../../src/procedures/deviations/deviation-case.js';
import { UnitDirectory } from '../../src/procedures/deviations/unit-directory.js';
import { people } from '../support/deviations-fixture.js';
import { testDatabaseEngine } from '../support/test-database.js';
import { type CliFolder, cliConfig, cliFolder } from './deviations-cli-fixture.js';

// 15 October 2026, 12:00 in Oslo.
const now = new Date('2026-10-15T10:00:00Z');
const secretText = 'Kari Nordmann’s diagnosis was read out in the lecture';
const reporter = {
  email: people.student,
  name: 'Stina Studentsen',
  role: 'student',
  surface: 'slack',
  language: 'en',
} as const;
const owner = { email: people.ownerIe1, name: 'Olav Owner' };
const handler = { email: people.handler, name: 'Hanne Handlersen' };

let cli: CliFolder;

/**
 * Four cases: A (IE, closed after 10 days), B (NV, sensitive, in handling
 * and overdue), C (IE, received, not yet due), D (NV, in 2025: outside 2026).
 */
async function fileCases(): Promise<void> {
  const { config, section } = cliConfig();
  const units = new UnitDirectory(config, section);
  await cli.withStore(async (store) => {
    const file = async (
      key: string,
      unit: { kind: 'course' | 'programme'; code: string },
      category: DeviationCategory,
      received: string,
      description: string,
    ) => {
      const found = units.unit(unit);
      if (found === null) throw new Error(`${unit.code} is not reportable`);
      const receivedAt = new Date(received);
      const { deviation } = await store.file({
        submissionKey: key,
        category,
        unit: found,
        whereWhen: 'Room R7',
        description,
        reporter,
        receivedAt,
        dates: caseDates(receivedAt, { timeZone: 'Europe/Oslo', deadlineDays: 28, reminderDays: 21 }),
      });
      return deviation;
    };
    const a = await file(
      'A',
      { kind: 'course', code: 'TDT4100' },
      'timetabling',
      '2026-03-02T10:00:00Z',
      'Clash',
    );
    await store.step(a.id, 'accept', owner, { handler });
    await store.step(a.id, 'close', handler, {
      outcome: 'Fixed',
      closedAt: new Date('2026-03-12T10:00:00Z'),
    });
    const b = await file(
      'B',
      { kind: 'course', code: 'MA1101' },
      'information_flow',
      '2026-03-05T10:00:00Z',
      secretText,
    );
    const ownerNv = { email: people.ownerNv, name: 'Nils Owner' };
    await store.step(b.id, 'flagSensitive', ownerNv, { sensitive: true });
    await store.step(b.id, 'accept', ownerNv, { handler });
    await file(
      'C',
      { kind: 'programme', code: 'MTDT' },
      'exam_assessment_forms',
      '2026-09-20T10:00:00Z',
      'Late',
    );
    await file('D', { kind: 'programme', code: 'BMAT' }, 'other', '2025-05-01T10:00:00Z', 'Old');
  });
}

beforeAll(async () => {
  cli = await cliFolder({ now });
  await fileCases();
}, 120_000);
afterAll(async () => cli?.dispose());

describe(`trafiklys deviations stats (${testDatabaseEngine()})`, () => {
  it('--csv writes one row per case of the period, with codes, dates and flags and never the text, reporter or handler', async () => {
    const result = await cli.trafiklys('deviations', 'stats', '--period', '2026', '--csv');
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toBe(
      [
        '\uFEFFnumber;faculty;unit_kind;unit_code;category;state;received;deadline;finished;handling_days;overdue;finished_late;sensitive',
        '2026-0001;IE;course;TDT4100;timetabling;closed;2026-03-02;2026-03-30;2026-03-12;10;no;no;no',
        '2026-0002;NV;course;MA1101;information_flow;in_handling;2026-03-05;2026-04-02;;;yes;no;yes',
        '2026-0003;IE;programme;MTDT;exam_assessment_forms;received;2026-09-20;2026-10-18;;;no;no;no',
        '',
      ].join('\r\n'),
    );
    for (const secret of [secretText, 'Clash', reporter.name, reporter.email, handler.name, handler.email])
      expect(result.stdout).not.toContain(secret);
  });

  it('--json prints the statistics object of the faculty asked for (the code in any case)', async () => {
    const result = await cli.trafiklys(
      'deviations',
      'stats',
      '--faculty',
      'ie',
      '--period',
      '2026',
      '--json',
    );
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout.endsWith('\n')).toBe(true);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((month) => ({
      month: `2026-${month}`,
      received: month === '03' || month === '09' ? 1 : 0,
      finished: month === '03' ? 1 : 0,
    }));
    expect(JSON.parse(result.stdout)).toEqual({
      facultyCode: 'IE',
      period: { from: '2026-01', to: '2026-12' },
      timeZone: 'Europe/Oslo',
      asOf: '2026-10-15T10:00:00.000Z',
      total: 2,
      byCategory: {
        information_flow: 0,
        feedback_guidance: 0,
        teaching_learning_forms: 0,
        exam_assessment_forms: 1,
        timetabling: 1,
        grading_examiners: 0,
        reference_groups: 0,
        equipment_premises: 0,
        universal_design_digital: 0,
        other: 0,
      },
      byFaculty: [{ faculty: 'IE', count: 2 }],
      byState: { received: 1, in_handling: 0, closed: 1, rejected: 0, redirected: 0 },
      handlingDays: { median: 10, finished: 1 },
      overdue: 0,
      finishedLate: 0,
      months,
    });
  });

  it('--json of every faculty counts the sensitive case and shows none of its words', async () => {
    const result = await cli.trafiklys('deviations', 'stats', '--period', 'spring-2026', '--json');
    expect(result.exitCode).toBe(0);
    const statistics = JSON.parse(result.stdout);
    expect(statistics).toMatchObject({
      total: 2,
      byFaculty: [
        { faculty: 'IE', count: 1 },
        { faculty: 'NV', count: 1 },
      ],
      overdue: 1,
    });
    expect(result.stdout).not.toContain('Kari');
  });

  it('prints text by default: the last twelve months and this one, facts and tables', async () => {
    const result = await cli.trafiklys('deviations', 'stats');
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`Using ${join(cli.folder, 'trafiklys.config.yaml')} (Test University).`);
    expect(lines[1]).toBe('Deviation statistics for all faculties, October 2025\u2009–\u2009October 2026.');
    expect(lines.slice(3, 7)).toEqual([
      'Deviations received           3',
      'Median handling time          10 days (1 finished case)',
      'Open cases past the deadline  1',
      'Finished after the deadline   0',
    ]);
    expect(result.stdout).toMatch(/^IE – Faculty of Information Technology and Electrical Engineering\s+2$/m);
    expect(result.stdout).toMatch(/^In handling\s+1$/m);
    expect(result.stdout).toMatch(/^Sept 2026\s+1\s+0$/m);
    expect(result.stdout).not.toContain('Kari');
  });

  it.each([
    [['--period', '2026-13'], '--period: “2026-13” is not a period.'],
    [
      ['--period', '2026-06..2026-01'],
      '--period: In the period “2026-06..2026-01” the end comes before the start.',
    ],
    [['--faculty', 'XY'], '--faculty: no faculty has the code "XY" (known: IE, NV, HF)'],
    [['--json', '--csv'], 'choose one of --json and --csv'],
    [['IE'], 'unexpected argument "IE"'],
  ])('%j is a usage error (exit 2) that names the argument', async (args, message) => {
    const result = await cli.trafiklys('deviations', 'stats', ...args);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`error: ${message}`);
  });
});

describe(`trafiklys deviations without deviations: in the configuration (${testDatabaseEngine()})`, () => {
  let off: CliFolder;
  beforeAll(async () => {
    off = await cliFolder({ now, withDeviations: false });
  });
  afterAll(async () => off?.dispose());

  it('stats says the procedure is off and fails', async () => {
    const result = await off.trafiklys('deviations', 'stats', '--json');
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^error: .+trafiklys\.config\.yaml has no deviations: section, so the deviation procedure is off\./,
    );
  });
});
