import type { CalendarDate } from '../../../shared/calendar-date.js';

/** One row of the study-progress export, validated and normalised. */
export interface ProgressRow {
  /** File line where the record starts (the header is line 1); for XLSX the sheet row. */
  readonly line: number;
  readonly studentId: string;
  /** CPR number normalised to `DDMMYYXXXX`; sensitive: never printed, stored encrypted. */
  readonly nationalId: string | null;
  readonly name: string;
  /** null marks the student "no e-mail" (an empty cell). */
  readonly email: string | null;
  readonly programmeCode: string;
  readonly programmeName: string;
  readonly boardCode: string;
  readonly enrolmentType: EnrolmentType;
  readonly status: EnrolmentStatus;
  readonly enrolledOn: CalendarDate;
  /** ECTS expected passed at the reference date, leave already deducted. */
  readonly ectsExpected: number;
  readonly ectsPassed: number;
  /** Most recent passed module; null = never passed. */
  readonly lastPassedOn: CalendarDate | null;
  readonly sideSubjectBoard: string | null;
  readonly teachingLanguage: TeachingLanguage;
}

export const enrolmentTypes = ['ordinary', 'single-subject', 'guest', 'exchange'] as const;
export type EnrolmentType = (typeof enrolmentTypes)[number];

export const enrolmentStatuses = ['active', 'leave'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

export const teachingLanguages = ['da', 'en'] as const;
export type TeachingLanguage = (typeof teachingLanguages)[number];

/** Canonical column names (the English header) in the spec's order. */
export const progressColumns = [
  'student_id',
  'national_id',
  'name',
  'email',
  'programme_code',
  'programme_name',
  'board_code',
  'enrolment_type',
  'status',
  'enrolled_on',
  'ects_expected',
  'ects_passed',
  'last_passed_on',
  'side_subject_board',
  'teaching_language',
] as const;
export type ProgressColumn = (typeof progressColumns)[number];

/** Columns a file may leave out; every other column is required (spec "Columns"). */
export const optionalColumns: ReadonlySet<ProgressColumn> = new Set([
  'national_id',
  'side_subject_board',
  'teaching_language',
]);

export const requiredColumns: ReadonlySet<ProgressColumn> = new Set(
  progressColumns.filter((column) => !optionalColumns.has(column)),
);

/** The Danish alias of each column; a deployment may add more in config. */
export const danishColumnAliases: Readonly<Record<ProgressColumn, string>> = {
  student_id: 'Studienummer',
  national_id: 'CPR',
  name: 'Navn',
  email: 'Email',
  programme_code: 'Uddannelseskode',
  programme_name: 'Uddannelse',
  board_code: 'Studienævn',
  enrolment_type: 'Indskrivningstype',
  status: 'Status',
  enrolled_on: 'Indskrevet dato',
  ects_expected: 'Forventede ECTS',
  ects_passed: 'Beståede ECTS',
  last_passed_on: 'Seneste beståede modul',
  side_subject_board: 'Sidefagsstudienævn',
  teaching_language: 'Undervisningssprog',
};

/** Accepted cell values, English and Danish, matched case-insensitively. */
export const enrolmentTypeValues: Readonly<Record<string, EnrolmentType>> = {
  ordinary: 'ordinary',
  ordinær: 'ordinary',
  'single-subject': 'single-subject',
  enkeltfag: 'single-subject',
  guest: 'guest',
  gæst: 'guest',
  exchange: 'exchange',
  udveksling: 'exchange',
};

/** How a Danish export writes each value (the inverse of the maps above, for writing files). */
export const danishEnrolmentTypeNames: Readonly<Record<EnrolmentType, string>> = {
  ordinary: 'ordinær',
  'single-subject': 'enkeltfag',
  guest: 'gæst',
  exchange: 'udveksling',
};

export const danishEnrolmentStatusNames: Readonly<Record<EnrolmentStatus, string>> = {
  active: 'aktiv',
  leave: 'orlov',
};

export const enrolmentStatusValues: Readonly<Record<string, EnrolmentStatus>> = {
  active: 'active',
  aktiv: 'active',
  leave: 'leave',
  orlov: 'leave',
};

/** Where a progress export came from and how it was written, for the audit trail. */
export interface ProgressExport {
  readonly fileName: string;
  /** sha256 of the file's bytes, hex: the idempotency key of an import. */
  readonly sha256: string;
  readonly format: 'csv' | 'xlsx';
  readonly encoding: 'utf-8' | 'windows-1252' | null;
  /** A tab only when the file's first line is Excel's `sep=` hint naming it. */
  readonly delimiter: ',' | ';' | '\t' | null;
  readonly decimalMark: '.' | ',' | null;
  /** Each column's header as the file writes it, so later problems name the column the way the file does. */
  readonly columnLabels: Readonly<Partial<Record<ProgressColumn, string>>>;
  readonly rows: readonly ProgressRow[];
}

/** Extra header names per column from the deployment's config. */
export type ColumnAliases = Partial<Record<ProgressColumn, readonly string[]>>;
