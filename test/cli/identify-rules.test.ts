import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdentificationJson } from '../../src/cli/format/identification-output.js';
import { spawnTrafiklys } from '../support/cli-runner.js';
import { type ProgressRowInput, progressExportCsv } from '../support/progress-export-builder.js';

// Every rule of the spec, with its boundaries, through the real `trafiklys
// identify --json` on one file, as of the April run 2026 (R = 2026-04-06, so
// R − 12 months = 2025-04-06).
const asOf = '2026-04-06';
const recentPass = { enrolledOn: '2024-09-01', lastPassedOn: '2026-01-20' };

interface RuleCase {
  readonly rule: string;
  readonly row: ProgressRowInput;
  readonly category: string;
  readonly ectsBehind?: number;
  readonly delayMonths?: number;
}

const cases: readonly RuleCase[] = [
  {
    rule: 'exactly 5 ECTS behind is green',
    row: { ...recentPass, ectsExpected: 60, ectsPassed: 55 },
    category: 'green',
    ectsBehind: 5,
    delayMonths: 1,
  },
  {
    rule: '5.5 ECTS behind is yellow',
    row: { ...recentPass, ectsExpected: 60, ectsPassed: 54.5 },
    category: 'yellow',
    ectsBehind: 5.5,
  },
  {
    rule: '14.5 ECTS behind is yellow',
    row: { ...recentPass, ectsExpected: 60, ectsPassed: 45.5 },
    category: 'yellow',
    ectsBehind: 14.5,
  },
  {
    rule: 'exactly 15 ECTS behind is red',
    row: { ...recentPass, ectsExpected: 60, ectsPassed: 45 },
    category: 'red',
    ectsBehind: 15,
    delayMonths: 3,
  },
  {
    rule: 'ahead of plan is green with no delay',
    row: { ...recentPass, ectsExpected: 60, ectsPassed: 70 },
    category: 'green',
    ectsBehind: -10,
    delayMonths: 0,
  },
  {
    rule: 'a last pass exactly 12 months before R is within the window: not blue',
    row: { enrolledOn: '2023-09-01', lastPassedOn: '2025-04-06', ectsExpected: 90, ectsPassed: 60 },
    category: 'red',
  },
  {
    rule: 'a last pass one day before the window is blue',
    row: { enrolledOn: '2023-09-01', lastPassedOn: '2025-04-05', ectsExpected: 90, ectsPassed: 60 },
    category: 'blue',
  },
  {
    rule: 'enrolled exactly 12 months with no pass is blue',
    row: { enrolledOn: '2025-04-06', lastPassedOn: null, ectsExpected: 60, ectsPassed: 0 },
    category: 'blue',
    delayMonths: 12,
  },
  {
    rule: 'enrolled one day short of 12 months with no pass is classified by ECTS',
    row: { enrolledOn: '2025-04-07', lastPassedOn: null, ectsExpected: 55, ectsPassed: 0 },
    category: 'red',
  },
  {
    rule: 'a student on leave is out of scope',
    row: { ...recentPass, status: 'leave', ectsExpected: 60, ectsPassed: 0 },
    category: 'out_of_scope',
  },
  {
    rule: 'a single-subject student is out of scope',
    row: { ...recentPass, enrolmentType: 'single-subject' },
    category: 'out_of_scope',
  },
  {
    rule: 'a guest student is out of scope',
    row: { ...recentPass, enrolmentType: 'guest' },
    category: 'out_of_scope',
  },
  {
    rule: 'an exchange student is out of scope',
    row: { ...recentPass, enrolmentType: 'exchange' },
    category: 'out_of_scope',
  },
  {
    rule: 'delay in months is ECTS behind / 5 (61 ECTS → 12.2 months)',
    row: { ...recentPass, ectsExpected: 120, ectsPassed: 59 },
    category: 'red',
    ectsBehind: 61,
    delayMonths: 12.2,
  },
];

let folder: string;
let identification: IdentificationJson;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-rules-'));
  const rows = cases.map((ruleCase, index) => ({
    ...ruleCase.row,
    studentId: `R${index + 1}`,
    boardCode: 'SN-HIS',
  }));
  await writeFile(join(folder, 'rules.csv'), progressExportCsv(rows));
  const result = spawnTrafiklys(['identify', 'rules.csv', '--as-of', asOf, '--json'], { cwd: folder });
  expect(result).toMatchObject({ exitCode: 0, stderr: '' });
  identification = JSON.parse(result.stdout);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('trafiklys identify follows every rule of the spec', () => {
  it.each(cases.map((ruleCase, index) => ({ ...ruleCase, studentId: `R${index + 1}` })))(
    '$rule',
    ({ studentId, category, ectsBehind, delayMonths }) => {
      const student = identification.students.find((candidate) => candidate.studentId === studentId);
      expect(student?.category).toBe(category);
      if (ectsBehind !== undefined) expect(student?.ectsBehind).toBe(ectsBehind);
      if (delayMonths !== undefined) expect(student?.delayMonths).toBe(delayMonths);
    },
  );

  it('the board counts add up to the classified students; out-of-scope ones are counted apart', () => {
    const counted = cases.filter((ruleCase) => ruleCase.category !== 'out_of_scope');
    const tally = (category: string) => counted.filter((ruleCase) => ruleCase.category === category).length;
    expect(identification.boards).toEqual({
      'SN-HIS': { green: tally('green'), yellow: tally('yellow'), red: tally('red'), blue: tally('blue') },
    });
    expect(identification.outOfScope).toBe(cases.length - counted.length);
  });
});
