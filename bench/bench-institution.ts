/**
 * The made-up university the benchmark's exports come from: four faculties,
 * twenty study boards of uneven size, a bachelor and a master programme each
 * (a few of them taught in English). The import stage creates these rows in
 * the database first, since cycles refer to their study board.
 */
import type { ExportProgramme, ExportStudyBoard } from '../src/demo/progress-export-generator.js';
import { type CalendarDate, parseIsoDate } from '../src/shared/calendar-date.js';

/** The April (spring) run: the exports hold the results of the January exams. */
export const benchReferenceDate: CalendarDate = isoDate('2026-04-01');

export interface BenchFaculty {
  readonly code: string;
  readonly name: string;
}

export interface BenchBoard extends ExportStudyBoard {
  readonly name: string;
  readonly facultyCode: string;
  /** The bachelor first, then the master. */
  readonly programmes: readonly [ExportProgramme, ExportProgramme];
}

export const benchFaculties: readonly BenchFaculty[] = [
  { code: 'HUM', name: 'Det Humanistiske Fakultet' },
  { code: 'SAMF', name: 'Det Samfundsvidenskabelige Fakultet' },
  { code: 'TECH', name: 'Det Tekniske Fakultet' },
  { code: 'SUND', name: 'Det Sundhedsvidenskabelige Fakultet' },
];

/** [code, subject, faculty, weight, the English name of a master taught in English] */
const boardTable: readonly (readonly [string, string, string, number, string?])[] = [
  ['HIS', 'Historie', 'HUM', 6],
  ['DAN', 'Dansk', 'HUM', 5],
  ['ENG', 'Engelsk', 'HUM', 4, 'MA in English'],
  ['FIL', 'Filosofi', 'HUM', 2],
  ['KDM', 'Kommunikation og Digitale Medier', 'HUM', 7],
  ['PAE', 'Pædagogik og Læring', 'HUM', 4],
  ['OEK', 'Økonomi', 'SAMF', 9, 'MSc in Economics'],
  ['JUR', 'Jura', 'SAMF', 10],
  ['POL', 'Politik og Administration', 'SAMF', 5],
  ['SOC', 'Sociologi', 'SAMF', 3],
  ['PSY', 'Psykologi', 'SAMF', 7],
  ['ERH', 'Erhvervsøkonomi', 'SAMF', 8],
  ['DAT', 'Datalogi', 'TECH', 8, 'MSc in Computer Science'],
  ['BYG', 'Byggeri og Anlæg', 'TECH', 5],
  ['ELE', 'Elektronik og Systemer', 'TECH', 4, 'MSc in Electronic Systems'],
  ['MAS', 'Maskinteknik', 'TECH', 5],
  ['MIL', 'Miljøteknologi', 'TECH', 3],
  ['PLA', 'Planlægning og Geografi', 'TECH', 3],
  ['MED', 'Medicin', 'SUND', 9],
  ['IDR', 'Idræt og Sundhed', 'SUND', 3],
];

export const benchBoards: readonly BenchBoard[] = boardTable.map(
  ([code, subject, facultyCode, weight, englishMaster]) => ({
    code: `SN-${code}`,
    name: `Studienævn for ${subject}`,
    facultyCode,
    weight,
    programmes: [
      { code: `BA-${code}`, name: `${subject} (bachelor)`, normEcts: 180, teachingLanguage: 'da' },
      {
        code: `KA-${code}`,
        name: englishMaster ?? `${subject} (kandidat)`,
        normEcts: 120,
        teachingLanguage: englishMaster === undefined ? 'da' : 'en',
      },
    ],
  }),
);

export const benchBoardCodes: ReadonlySet<string> = new Set(benchBoards.map((board) => board.code));

function isoDate(text: string): CalendarDate {
  const date = parseIsoDate(text);
  if (date === null) throw new Error(`bench: "${text}" is not a YYYY-MM-DD date`);
  return date;
}
