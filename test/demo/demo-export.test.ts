import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InstitutionConfig } from '../../src/config/institution-config.js';
import { demoConfigPath, parseConfigText } from '../../src/config/load-config.js';
import {
  defaultDemoExportCount,
  demoExportBoards,
  demoExportFor,
  demoStudentsFor,
  normEctsOf,
  teachingLanguageOf,
} from '../../src/demo/demo-export.js';
import type { CategoryCounts, GeneratedStudent } from '../../src/demo/progress-export-generator.js';
import { exportVariantNames } from '../../src/demo/progress-export-writer.js';
import { defaultIdentificationRules } from '../../src/procedures/at-risk/identification-rules.js';
import { identifyStudents } from '../../src/procedures/at-risk/identify-students.js';
import { readProgressExport } from '../../src/procedures/at-risk/progress-export/read-progress-export.js';
import { type CalendarDate, parseIsoDate } from '../../src/shared/calendar-date.js';
import { anInstitutionConfig } from '../support/institution-config-builder.js';

let demoConfig: InstitutionConfig;
beforeAll(async () => {
  demoConfig = parseConfigText(await readFile(demoConfigPath(), 'utf8'), demoConfigPath());
});

const spring = isoDate('2026-04-06');

function isoDate(text: string): CalendarDate {
  const date = parseIsoDate(text);
  if (date === null) throw new Error(`${text} is not a date`);
  return date;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function noCounts(): CategoryCounts {
  return { green: 0, yellow: 0, red: 0, blue: 0, out_of_scope: 0 };
}

/** What identifyStudents should count per home board. */
function intendedPerBoard(students: readonly GeneratedStudent[]): Record<string, CategoryCounts> {
  const perBoard: Record<string, CategoryCounts> = {};
  for (const student of students) {
    perBoard[student.boardCode] ??= noCounts();
    perBoard[student.boardCode]![student.intended] += 1;
  }
  return perBoard;
}

async function identifiedPerBoard(bytes: Uint8Array, asOf: CalendarDate) {
  const progressExport = await readProgressExport(bytes, { fileName: 'demo.csv' });
  const identification = identifyStudents(progressExport.rows, asOf, defaultIdentificationRules);
  return {
    progressExport,
    perBoard: Object.fromEntries(identification.boards.map((board) => [board.boardCode, board.counts])),
  };
}

describe('demoExportFor', () => {
  it('the same seed gives the same bytes, and another seed another file', () => {
    for (const variant of exportVariantNames) {
      const first = demoExportFor(demoConfig, { referenceDate: spring, seed: 7, variant });
      const again = demoExportFor(demoConfig, { referenceDate: spring, seed: 7, variant });
      const other = demoExportFor(demoConfig, { referenceDate: spring, seed: 8, variant });
      expect(sha256(again)).toBe(sha256(first));
      expect(sha256(other)).not.toBe(sha256(first));
    }
  });

  it('the UTF-8 file reads without problems and gives exactly the intended counts per board', async () => {
    const { students, intendedCounts } = demoStudentsFor(demoConfig, { referenceDate: spring });
    const bytes = demoExportFor(demoConfig, { referenceDate: spring });
    const { progressExport, perBoard } = await identifiedPerBoard(bytes, spring);
    expect(progressExport).toMatchObject({ encoding: 'utf-8', delimiter: ',', decimalMark: '.' });
    expect(progressExport.rows).toHaveLength(defaultDemoExportCount);
    expect(perBoard).toEqual(intendedPerBoard(students));
    expect(Object.values(intendedCounts).reduce((sum, count) => sum + count, 0)).toBe(1_500);
  });

  it('the Danish Excel file (Windows-1252, ";", decimal comma, CRLF) reads to the same students', async () => {
    const { students } = demoStudentsFor(demoConfig, { referenceDate: spring });
    const bytes = demoExportFor(demoConfig, { referenceDate: spring, variant: 'danish-excel' });
    const header = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
    expect(header).toMatch(/^Studienummer;CPR;Navn;Email;Uddannelseskode;Uddannelse;Studienævn;/);
    expect(header).toContain('\r\n');
    const { progressExport, perBoard } = await identifiedPerBoard(bytes, spring);
    expect(progressExport).toMatchObject({ encoding: 'windows-1252', delimiter: ';', decimalMark: ',' });
    expect(perBoard).toEqual(intendedPerBoard(students));
    const utf8 = await readProgressExport(demoExportFor(demoConfig, { referenceDate: spring }), {
      fileName: 'demo.csv',
    });
    expect(progressExport.rows.map(({ line: _, ...row }) => row)).toEqual(
      utf8.rows.map(({ line: _, ...row }) => row),
    );
  });

  it.each(['2026-01-02', '2026-02-01', '2026-10-05', '2024-02-29', '2027-12-31'])(
    'the intended counts hold as of %s too',
    async (text) => {
      const referenceDate = isoDate(text);
      const { students } = demoStudentsFor(demoConfig, { referenceDate, count: 600 });
      for (const student of students) expect(student.enrolledOn <= referenceDate).toBe(true);
      const { perBoard } = await identifiedPerBoard(
        demoExportFor(demoConfig, { referenceDate, count: 600 }),
        referenceDate,
      );
      expect(perBoard).toEqual(intendedPerBoard(students));
    },
  );

  it('every board and every programme of the demo configuration gets students', () => {
    const { students } = demoStudentsFor(demoConfig, { referenceDate: spring });
    const boards = new Set(students.map((student) => student.boardCode));
    const programmes = new Set(students.map((student) => student.programme.code));
    expect([...boards].sort()).toEqual(demoConfig.boards.map((board) => board.code).sort());
    expect([...programmes].sort()).toEqual(demoConfig.programmes.map((programme) => programme.code).sort());
    for (const student of students) {
      const programme = demoConfig.programmes.find((candidate) => candidate.code === student.programme.code);
      expect(programme?.board).toBe(student.boardCode);
    }
  });

  it('side subjects point only to other boards of the configuration', () => {
    const { students } = demoStudentsFor(demoConfig, { referenceDate: spring });
    const configured = new Set(demoConfig.boards.map((board) => board.code));
    const withSideSubject = students.filter((student) => student.sideSubjectBoard !== null);
    expect(withSideSubject.length).toBeGreaterThan(10);
    for (const student of withSideSubject) {
      expect(configured.has(student.sideSubjectBoard ?? '')).toBe(true);
      expect(student.sideSubjectBoard).not.toBe(student.boardCode);
    }
  });

  it('the generated CPR numbers have the parser’s shape with a real date', async () => {
    const { students } = demoStudentsFor(demoConfig, { referenceDate: spring });
    for (const { nationalId } of students) {
      expect(nationalId).toMatch(/^\d{6}-\d{4}$/);
      const date = `${19}${nationalId.slice(4, 6)}-${nationalId.slice(2, 4)}-${nationalId.slice(0, 2)}`;
      expect(parseIsoDate(date)).not.toBeNull();
    }
    const { progressExport } = await identifiedPerBoard(
      demoExportFor(demoConfig, { referenceDate: spring }),
      spring,
    );
    expect(progressExport.rows.every((row) => row.nationalId?.length === 10)).toBe(true);
  });

  it('a board without programmes gets a stand-in one; a single board has no side subjects', async () => {
    const config = anInstitutionConfig(['SN-ONLY']);
    expect(demoExportBoards(config)).toEqual([
      {
        code: 'SN-ONLY',
        weight: 1,
        programmes: [
          {
            code: 'SN-ONLY-DEMO',
            name: 'Demouddannelse, Study board SN-ONLY',
            normEcts: 120,
            teachingLanguage: 'da',
          },
        ],
      },
    ]);
    const { students } = demoStudentsFor(config, { referenceDate: spring, count: 300 });
    expect(students.every((student) => student.sideSubjectBoard === null)).toBe(true);
    const { perBoard } = await identifiedPerBoard(
      demoExportFor(config, { referenceDate: spring, count: 300, variant: 'danish-excel' }),
      spring,
    );
    expect(perBoard).toEqual(intendedPerBoard(students));
  });

  it('a name with a character Windows-1252 lacks is written as "?" in the Danish file, as Excel does', async () => {
    const config = {
      boards: anInstitutionConfig(['SN-X']).boards,
      programmes: [{ code: 'X-BA', name: 'Miljø – Łódź-studier', board: 'SN-X' }],
    };
    const read = async (variant: 'utf8' | 'danish-excel') =>
      (
        await readProgressExport(demoExportFor(config, { referenceDate: spring, count: 5, variant }), {
          fileName: 'x.csv',
        })
      ).rows[0]?.programmeName;
    expect(await read('utf8')).toBe('Miljø – Łódź-studier');
    expect(await read('danish-excel')).toBe('Miljø – ?ód?-studier');
  });
});

describe('norm ECTS and teaching language from the configuration', () => {
  it.each([
    ['DAT-BSC', 'Bachelor i datalogi', 180, 'da'],
    ['DAT-MSC', 'Master of Science in Computer Science', 120, 'en'],
    ['HIST-BA', 'Bachelor i historie', 180, 'da'],
    ['HIST-KA', 'Kandidat i historie', 120, 'da'],
    ['IK-MA', 'Master of Arts in Information Studies', 120, 'en'],
    ['MED-CAND', 'Kandidat i medicin', 120, 'da'],
    ['X1', 'BSc in Data Science', 180, 'en'],
    ['X2', 'MA in English', 120, 'en'],
    ['X3', 'Filosofi', 120, 'da'],
    ['BASIS', 'Basisår', 120, 'da'],
  ] as const)('%s "%s" is %i ECTS, taught in %s', (code, name, normEcts, language) => {
    expect(normEctsOf({ code, name })).toBe(normEcts);
    expect(teachingLanguageOf(name)).toBe(language);
  });
});
