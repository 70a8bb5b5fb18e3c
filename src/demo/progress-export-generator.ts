/**
 * Deterministic study-progress exports (spec "Study-progress export"): the
 * same plan and seed give the same students. Every student is drawn for an
 * intended category (~70% green, 15% yellow, 8% red, 4% blue, 3% out of
 * scope) and given enrolment dates, ECTS and a last pass that produce it as of
 * the reference date, so whoever reads the export can check that it found
 * what was meant. The benchmark and `trafiklys demo export` both use it;
 * `progress-export-writer.ts` turns the students into file bytes.
 */
import type { CategoryCounts } from '../procedures/at-risk/identify-students.js';
import type {
  EnrolmentStatus,
  EnrolmentType,
  TeachingLanguage,
} from '../procedures/at-risk/progress-export/progress-row.js';
import type { Category, TrafficLight } from '../procedures/at-risk/traffic-light.js';
import {
  type CalendarDate,
  calendarDate,
  dateParts,
  daysInMonth,
  subtractMonths,
} from '../shared/calendar-date.js';
import { pick, type Random, seededRandom, weighted } from './seeded-random.js';

export type { CategoryCounts };

export interface ExportProgramme {
  readonly code: string;
  readonly name: string;
  /** ECTS of the whole programme: the most a student is expected to have passed. 180 or more is a bachelor. */
  readonly normEcts: number;
  readonly teachingLanguage: TeachingLanguage;
}

export interface ExportStudyBoard {
  readonly code: string;
  /** At least one. */
  readonly programmes: readonly ExportProgramme[];
  /** Relative number of students, so boards can differ in size as real ones do. */
  readonly weight: number;
}

export interface ProgressExportPlan {
  /** At least one; side subjects point only to these boards. */
  readonly boards: readonly ExportStudyBoard[];
  readonly referenceDate: CalendarDate;
  readonly count: number;
  readonly seed: number;
  /** Students' addresses are `<student id>@<domain>`; default `student.demo.example`, which receives no mail. */
  readonly emailDomain?: string;
}

export interface GeneratedStudent {
  readonly studentId: string;
  /** CPR-shaped (DDMMYY-XXXX with a real date) but drawn at random. */
  readonly nationalId: string;
  readonly name: string;
  readonly email: string | null;
  readonly boardCode: string;
  readonly programme: ExportProgramme;
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
  /** By home board, as identifyStudents counts them, summed over the boards. */
  readonly intendedCounts: CategoryCounts;
}

const defaultEmailDomain = 'student.demo.example';

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

/** Where a board has both, this share of its students is on a bachelor programme. */
const bachelorShare = 0.6;
const sideSubjectShare = 0.02;
const noEmailShare = 0.015;
/** "Jensen, Anne": a comma in the name makes a quoted field in a comma-separated file. */
const surnameFirstShare = 0.01;
const middleNameShare = 0.3;
/** Far more than any plan needs; only an impossible plan gets there. */
const maxProgressDraws = 10_000;

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

function isBachelorProgramme(programme: Pick<ExportProgramme, 'normEcts'>): boolean {
  return programme.normEcts >= 180;
}

interface BoardDraw {
  readonly board: ExportStudyBoard;
  readonly bachelors: readonly ExportProgramme[];
  readonly others: readonly ExportProgramme[];
  /** The boards a side subject of this board's students may be at. */
  readonly sideSubjectBoards: readonly ExportStudyBoard[];
}

export function generateProgressExport(plan: ProgressExportPlan): GeneratedExport {
  checkPlan(plan);
  const random = seededRandom(plan.seed);
  const emailDomain = plan.emailDomain ?? defaultEmailDomain;
  const boardWeights = plan.boards.map(
    (board) =>
      [
        {
          board,
          bachelors: board.programmes.filter(isBachelorProgramme),
          others: board.programmes.filter((programme) => !isBachelorProgramme(programme)),
          sideSubjectBoards: plan.boards.filter((other) => other.code !== board.code),
        },
        board.weight,
      ] as const,
  );
  const intendedCounts: CategoryCounts = { green: 0, yellow: 0, red: 0, blue: 0, out_of_scope: 0 };
  const students: GeneratedStudent[] = [];
  for (let index = 0; index < plan.count; index++) {
    const intended = weighted(random, categoryWeights);
    const draw = weighted(random, boardWeights);
    const programme = programmeOf(random, draw);
    const kind = intended === 'out_of_scope' ? weighted(random, outOfScopeKinds) : null;
    // Out-of-scope students have ordinary progress; only their enrolment keeps them out.
    const progressLight =
      intended === 'out_of_scope' ? pick(random, ['green', 'green', 'yellow', 'red'] as const) : intended;
    const studentId = String(20_000_000 + index);
    students.push({
      studentId,
      nationalId: cprNumber(random),
      name: personName(random),
      email: random() < noEmailShare ? null : `${studentId}@${emailDomain}`,
      boardCode: draw.board.code,
      programme,
      enrolmentType: kind?.type ?? 'ordinary',
      status: kind?.status ?? 'active',
      ...progress(random, progressLight, programme, plan.referenceDate),
      sideSubjectBoard: sideSubjectBoard(random, draw),
      intended,
    });
    intendedCounts[intended] += 1;
  }
  return { students, intendedCounts };
}

function checkPlan(plan: ProgressExportPlan): void {
  if (!Number.isInteger(plan.count) || plan.count < 0) {
    throw new RangeError(`the number of students must be a whole number ≥ 0, not ${plan.count}`);
  }
  if (plan.boards.length === 0) throw new RangeError('an export needs at least one study board');
  for (const board of plan.boards) {
    if (board.programmes.length === 0) throw new RangeError(`study board ${board.code} has no programme`);
    if (!(board.weight > 0)) throw new RangeError(`study board ${board.code} needs a weight above 0`);
    for (const programme of board.programmes) {
      if (!(programme.normEcts > 0)) {
        throw new RangeError(`programme ${programme.code} needs a norm ECTS above 0`);
      }
    }
  }
}

function programmeOf(random: Random, draw: BoardDraw): ExportProgramme {
  const level =
    draw.bachelors.length === 0 || draw.others.length === 0
      ? draw.board.programmes
      : random() < bachelorShare
        ? draw.bachelors
        : draw.others;
  // No draw for a lone programme: a board with one bachelor and one master draws
  // exactly as the benchmark's generator always has, so its files stay the same.
  return level.length === 1 ? level[0]! : pick(random, level);
}

function sideSubjectBoard(random: Random, draw: BoardDraw): string | null {
  if (!(random() < sideSubjectShare) || draw.sideSubjectBoards.length === 0) return null;
  return pick(random, draw.sideSubjectBoards).code;
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
function progress(
  random: Random,
  light: TrafficLight,
  programme: ExportProgramme,
  referenceDate: CalendarDate,
): Progress {
  const windowStart = subtractMonths(referenceDate, 12);
  for (let draws = 0; draws < maxProgressDraws; draws++) {
    const enrolledOn = intake(random, programme, referenceDate);
    const ectsExpected = expectedEcts(enrolledOn, programme, referenceDate);
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
    const lastPassedOn = examDateBetween(random, from, referenceDate);
    if (lastPassedOn !== null) return { enrolledOn, ectsExpected, ectsPassed, lastPassedOn };
  }
  throw new Error(`cannot draw a ${light} student of ${programme.code} as of ${referenceDate}`);
}

/**
 * Bachelors start in September; masters in September or February. Never
 * after the reference date: an intake still to come is moved to the latest
 * one before it.
 */
function intake(random: Random, programme: ExportProgramme, referenceDate: CalendarDate): CalendarDate {
  const lastYear = dateParts(referenceDate).year;
  if (isBachelorProgramme(programme)) return date(lastYear - 1 - Math.floor(random() * 7), 9, 1);
  const year = lastYear - Math.floor(random() * 4);
  const month = random() < 0.75 ? 9 : 2;
  const drawn = date(year, month, 1);
  if (drawn <= referenceDate) return drawn;
  const spring = date(year, 2, 1);
  return month === 9 && spring <= referenceDate ? spring : date(year - 1, 9, 1);
}

/** 30 ECTS per completed half year since enrolment, at most the programme's norm. */
function expectedEcts(enrolledOn: CalendarDate, programme: ExportProgramme, referenceDate: CalendarDate) {
  const halfYears = Math.floor(monthsBetween(enrolledOn, referenceDate) / 6);
  return Math.min(halfYears * 30, programme.normEcts);
}

/** A day in an exam session (January, June, August re-exams) within [from, before), or null. */
function examDateBetween(random: Random, from: CalendarDate, before: CalendarDate): CalendarDate | null {
  const sessions: { year: number; month: number }[] = [];
  const lastYear = dateParts(before).year;
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

/** DDMMYY-XXXX with a real birth date (1990–2006) and a random serial: the shape of a CPR number, no more. */
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

// ---------------------------------------------------------------------------
// Dates

function date(year: number, month: number, day: number): CalendarDate {
  const value = calendarDate(year, month, day);
  if (value === null) throw new Error(`${year}-${month}-${day} is not a date`);
  return value;
}

/** Whole months from `from` to `to`. */
function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  const start = dateParts(from);
  const end = dateParts(to);
  const months = end.year * 12 + end.month - (start.year * 12 + start.month);
  return end.day < start.day ? months - 1 : months;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
