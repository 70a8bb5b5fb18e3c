/**
 * Deterministic study-progress exports for the benchmark: the same seed gives
 * the same bytes. Every student is drawn for an intended traffic light
 * (~70% green, 15% yellow, 8% red, 4% blue, 3% out of scope) and given
 * enrolment dates, ECTS and a last pass that produce it as of the reference
 * date, so the identify stage can check that it found what was meant.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  danishColumnAliases,
  danishEnrolmentStatusNames,
  danishEnrolmentTypeNames,
  type EnrolmentStatus,
  type EnrolmentType,
  type ProgressColumn,
  progressColumns,
} from '../src/procedures/at-risk/progress-export/progress-row.js';
import type { Category, TrafficLight } from '../src/procedures/at-risk/traffic-light.js';
import { type CalendarDate, calendarDate, daysInMonth, subtractMonths } from '../src/shared/calendar-date.js';
import {
  type BenchBoard,
  type BenchProgramme,
  benchBoards,
  benchReferenceDate,
} from './bench-institution.js';
import {
  type ExportVariant,
  type ExportVariantName,
  exportFileName,
  exportVariants,
} from './export-variants.js';

export const benchSeed = 20260401;

export type CategoryCounts = Record<Category, number>;

export interface GeneratedStudent {
  readonly studentId: string;
  readonly nationalId: string;
  readonly name: string;
  readonly email: string | null;
  readonly boardCode: string;
  readonly programme: BenchProgramme;
  readonly enrolmentType: EnrolmentType;
  readonly status: EnrolmentStatus;
  readonly enrolledOn: CalendarDate;
  readonly ectsExpected: number;
  readonly ectsPassed: number;
  readonly lastPassedOn: CalendarDate | null;
  readonly sideSubjectBoard: string | null;
  readonly intended: Category;
}

export interface GeneratedExport {
  readonly students: readonly GeneratedStudent[];
  /** By home board, as identifyStudents counts them. */
  readonly intendedCounts: CategoryCounts;
}

export interface WrittenExport {
  readonly rows: number;
  readonly variant: ExportVariantName;
  readonly path: string;
  readonly bytes: number;
}

// ---------------------------------------------------------------------------
// Distributions

const categoryWeights: readonly (readonly [Category, number])[] = [
  ['green', 70],
  ['yellow', 15],
  ['red', 8],
  ['blue', 4],
  ['out_of_scope', 3],
];

/** ECTS behind per light; modules of 2.5, 5, 7.5 and 15 ECTS leave half ECTS (7,5) in many rows. */
const behindOptions: Readonly<Record<Exclude<TrafficLight, 'blue'>, readonly number[]>> = {
  green: [-10, -5, -2.5, 0, 0, 0, 0, 0, 0, 0, 0, 2.5, 5, 5],
  yellow: [7.5, 7.5, 10, 10, 10, 12.5, 12.5, 14],
  red: [15, 15, 17.5, 20, 22.5, 30, 30, 37.5, 45, 60, 90],
};
/** A blue student has passed nothing for a year, so is usually far behind. */
const blueBehindOptions = [30, 37.5, 45, 60, 60, 90, 120, 180];

const outOfScopeKinds: readonly (readonly [{ type: EnrolmentType; status: EnrolmentStatus }, number])[] = [
  [{ type: 'ordinary', status: 'leave' }, 40],
  [{ type: 'single-subject', status: 'active' }, 30],
  [{ type: 'exchange', status: 'active' }, 15],
  [{ type: 'guest', status: 'active' }, 15],
];

const sideSubjectShare = 0.02;
const noEmailShare = 0.015;
/** "Jensen, Anne": a comma in the name makes a quoted field in a comma-separated file. */
const surnameFirstShare = 0.01;
const middleNameShare = 0.3;

// biome-ignore format: a word list
const firstNames = [
  'Anne', 'Mette', 'Søren', 'Åse', 'Mikkel', 'Sofie', 'Frederikke', 'Jørgen', 'Bjørn', 'Ida', 'Emma',
  'Magnus', 'Freja', 'Mathias', 'Laura', 'Asger', 'Lærke', 'Sigrún', 'Zoë', 'Mads', 'Anders', 'Kirsten',
  'Karoline', 'Signe', 'Rasmus', 'Oliver', 'Astrid', 'Ørjan', 'Noël', 'Maja', 'Birgitte', 'Tove',
];
const middleNames = ['Marie', 'Louise', 'Kjær', 'Østergaard', 'Højgaard', 'Emil', 'Søgaard', 'Bæk'];
// biome-ignore format: a word list
const surnames = [
  'Jensen', 'Nielsen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen',
  'Jørgensen', 'Petersen', 'Madsen', 'Kristensen', 'Olsen', 'Thomsen', 'Poulsen', 'Møller', 'Mortensen',
  'Østergaard', 'Kjær', 'Bækgaard', 'Ærenlund', 'Damgård', 'Søndergård', 'Højgaard', 'Brøndum', 'Lykkegård',
];

// ---------------------------------------------------------------------------
// Students

const windowStart = subtractMonths(benchReferenceDate, 12);

export function generateExport(count: number, seed = benchSeed): GeneratedExport {
  const random = seededRandom(seed);
  const intendedCounts: CategoryCounts = { green: 0, yellow: 0, red: 0, blue: 0, out_of_scope: 0 };
  const boardWeights = benchBoards.map((board) => [board, board.weight] as const);
  const students: GeneratedStudent[] = [];
  for (let index = 0; index < count; index++) {
    const intended = weighted(random, categoryWeights);
    const board = weighted(random, boardWeights);
    const programme = random() < 0.6 ? board.bachelor : board.master;
    const kind = intended === 'out_of_scope' ? weighted(random, outOfScopeKinds) : null;
    // Out-of-scope students have ordinary progress; only their enrolment keeps them out.
    const progressLight =
      intended === 'out_of_scope' ? pick(random, ['green', 'green', 'yellow', 'red'] as const) : intended;
    const studentId = String(20_000_000 + index);
    students.push({
      studentId,
      nationalId: cprNumber(random),
      name: personName(random),
      email: random() < noEmailShare ? null : `${studentId}@student.example.dk`,
      boardCode: board.code,
      programme,
      enrolmentType: kind?.type ?? 'ordinary',
      status: kind?.status ?? 'active',
      ...progress(random, progressLight, programme),
      sideSubjectBoard: random() < sideSubjectShare ? otherBoard(random, board).code : null,
      intended,
    });
    intendedCounts[intended] += 1;
  }
  return { students, intendedCounts };
}

interface Progress {
  readonly enrolledOn: CalendarDate;
  readonly ectsExpected: number;
  readonly ectsPassed: number;
  readonly lastPassedOn: CalendarDate | null;
}

/**
 * Enrolment, ECTS and last pass that make the light come out as intended
 * (spec "Traffic light"): blue needs a year enrolled without a pass in the
 * last twelve months; every other light needs a pass within them unless the
 * student started less than a year ago. Draws again until they fit.
 */
function progress(random: Random, light: TrafficLight, programme: BenchProgramme): Progress {
  for (;;) {
    const enrolledOn = intake(random, programme);
    const ectsExpected = expectedEcts(enrolledOn, programme);
    const enrolledAYear = enrolledOn <= windowStart;
    const earliestPass = subtractMonths(enrolledOn, -4);
    if (light === 'blue') {
      if (!enrolledAYear) continue;
      const ectsPassed = Math.max(0, ectsExpected - pick(random, blueBehindOptions));
      if (ectsPassed === 0) return { enrolledOn, ectsExpected, ectsPassed, lastPassedOn: null };
      const lastPassedOn = examDateBetween(random, earliestPass, windowStart);
      if (lastPassedOn !== null) return { enrolledOn, ectsExpected, ectsPassed, lastPassedOn };
      continue;
    }
    const ectsPassed = ectsExpected - pick(random, behindOptions[light]);
    if (ectsPassed < 0 || (ectsPassed === 0 && enrolledAYear)) continue;
    if (ectsPassed === 0) return { enrolledOn, ectsExpected, ectsPassed, lastPassedOn: null };
    const from = enrolledAYear ? windowStart : earliestPass;
    const lastPassedOn = examDateBetween(random, from, benchReferenceDate);
    if (lastPassedOn !== null) return { enrolledOn, ectsExpected, ectsPassed, lastPassedOn };
  }
}

/** Bachelors start in September; masters in September or February. */
function intake(random: Random, programme: BenchProgramme): CalendarDate {
  const lastYear = Number(benchReferenceDate.slice(0, 4));
  if (programme.normEcts === 180) return date(lastYear - 1 - Math.floor(random() * 7), 9, 1);
  const year = lastYear - Math.floor(random() * 4);
  const month = random() < 0.75 ? 9 : 2;
  return year === lastYear && month === 9 ? date(year, 2, 1) : date(year, month, 1);
}

/** 30 ECTS per completed half year since enrolment, at most the programme's norm. */
function expectedEcts(enrolledOn: CalendarDate, programme: BenchProgramme): number {
  const halfYears = Math.floor(monthsBetween(enrolledOn, benchReferenceDate) / 6);
  return Math.min(halfYears * 30, programme.normEcts);
}

/** A day in an exam session (January, June, August re-exams) within [from, before), or null. */
function examDateBetween(random: Random, from: CalendarDate, before: CalendarDate): CalendarDate | null {
  const sessions: { year: number; month: number }[] = [];
  const lastYear = Number(before.slice(0, 4));
  for (let year = lastYear - 8; year <= lastYear; year++) {
    for (const month of [1, 6, 8]) {
      if (date(year, month, 5) >= from && date(year, month, 28) < before) sessions.push({ year, month });
    }
  }
  const latest = sessions.at(-1);
  if (latest === undefined) return null;
  // Most students' latest pass is in the latest session.
  const session = random() < 0.7 ? latest : pick(random, sessions);
  return date(session.year, session.month, 5 + Math.floor(random() * 24));
}

function cprNumber(random: Random): string {
  const year = 1990 + Math.floor(random() * 17);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * daysInMonth(year, month));
  const serial = String(Math.floor(random() * 10_000)).padStart(4, '0');
  return `${pad2(day)}${pad2(month)}${pad2(year % 100)}-${serial}`;
}

function personName(random: Random): string {
  const first = pick(random, firstNames);
  const last = pick(random, surnames);
  if (random() < surnameFirstShare) return `${last}, ${first}`;
  return random() < middleNameShare ? `${first} ${pick(random, middleNames)} ${last}` : `${first} ${last}`;
}

function otherBoard(random: Random, home: BenchBoard): BenchBoard {
  const others = benchBoards.filter((board) => board.code !== home.code);
  return pick(random, others);
}

// ---------------------------------------------------------------------------
// Files

/** The export as its text, before encoding. */
export function exportText(students: readonly GeneratedStudent[], variant: ExportVariant): string {
  const line = (cellOf: (column: ProgressColumn) => string) =>
    progressColumns.map((column) => quoteField(cellOf(column), variant.delimiter)).join(variant.delimiter);
  const lines = [line((column) => (variant.language === 'danish' ? danishColumnAliases[column] : column))];
  for (const student of students) {
    const cells = cellsOf(student, variant);
    lines.push(line((column) => cells[column]));
  }
  return lines.join(variant.lineEnd) + variant.lineEnd;
}

function cellsOf(student: GeneratedStudent, variant: ExportVariant): Record<ProgressColumn, string> {
  const danish = variant.language === 'danish';
  const number = (value: number) =>
    variant.decimalMark === ',' ? String(value).replace('.', ',') : String(value);
  const day = (value: CalendarDate) =>
    variant.dateOrder === 'year-first'
      ? value
      : `${value.slice(8, 10)}-${value.slice(5, 7)}-${value.slice(0, 4)}`;
  return {
    student_id: student.studentId,
    national_id: student.nationalId,
    name: student.name,
    email: student.email ?? '',
    programme_code: student.programme.code,
    programme_name: student.programme.name,
    board_code: student.boardCode,
    enrolment_type: danish ? danishEnrolmentTypeNames[student.enrolmentType] : student.enrolmentType,
    status: danish ? danishEnrolmentStatusNames[student.status] : student.status,
    enrolled_on: day(student.enrolledOn),
    ects_expected: number(student.ectsExpected),
    ects_passed: number(student.ectsPassed),
    last_passed_on: student.lastPassedOn === null ? '' : day(student.lastPassedOn),
    side_subject_board: student.sideSubjectBoard ?? '',
    teaching_language: student.programme.language,
  };
}

/** The text in the variant's encoding; Windows-1252 equals Latin-1 for every character the generator uses. */
export function encodeExport(text: string, variant: ExportVariant): Buffer {
  if (variant.encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const outside = /[\u0080-\u009f\u0100-\uffff]/.exec(text);
  if (outside !== null) throw new Error(`bench: "${outside[0]}" has no Windows-1252 byte in this generator`);
  return Buffer.from(text, 'latin1');
}

/** RFC 4180: quote a field holding the delimiter, a quote or a line break. */
function quoteField(text: string, delimiter: string): string {
  const needsQuotes =
    text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes one file per variant into `folder`. */
export async function writeExports(folder: string, generated: GeneratedExport): Promise<WrittenExport[]> {
  await mkdir(folder, { recursive: true });
  const rows = generated.students.length;
  const written: WrittenExport[] = [];
  for (const variant of Object.values(exportVariants)) {
    const bytes = encodeExport(exportText(generated.students, variant), variant);
    const path = join(folder, exportFileName(rows, variant.name));
    await writeFile(path, bytes);
    written.push({ rows, variant: variant.name, path, bytes: bytes.length });
  }
  return written;
}

// ---------------------------------------------------------------------------
// Small helpers

type Random = () => number;

/** mulberry32: small, fast and good enough to draw test data reproducibly. */
function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: Random, options: readonly T[]): T {
  const option = options[Math.floor(random() * options.length)];
  if (option === undefined) throw new Error('bench: pick from an empty list');
  return option;
}

function weighted<T>(random: Random, options: readonly (readonly [T, number])[]): T {
  const total = options.reduce((sum, [, weight]) => sum + weight, 0);
  let remaining = random() * total;
  for (const [option, weight] of options) {
    remaining -= weight;
    if (remaining < 0) return option;
  }
  const last = options.at(-1);
  if (last === undefined) throw new Error('bench: weighted pick from an empty list');
  return last[0];
}

function date(year: number, month: number, day: number): CalendarDate {
  const value = calendarDate(year, month, day);
  if (value === null) throw new Error(`bench: ${year}-${month}-${day} is not a date`);
  return value;
}

/** Whole months from `from` to `to`. */
function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  const months =
    Number(to.slice(0, 4)) * 12 +
    Number(to.slice(5, 7)) -
    (Number(from.slice(0, 4)) * 12 + Number(from.slice(5, 7)));
  return Number(to.slice(8, 10)) < Number(from.slice(8, 10)) ? months - 1 : months;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
