import type { StagedStudent } from '../procedures/at-risk/identification-store.js';
import { copyBytes, copyText } from './copy-in.js';

/** The staging table of one import; it goes with the transaction, committed or not. */
export const createStagingTable = `
  CREATE TEMP TABLE staged_student (
    student_number text NOT NULL,
    name text NOT NULL,
    email text,
    programme_code text NOT NULL,
    programme_name text NOT NULL,
    language text NOT NULL,
    cpr_encrypted bytea,
    home_board_code text NOT NULL,
    side_subject_board_code text,
    forwarded_to text,
    category text NOT NULL,
    enrolment_type text NOT NULL,
    enrolment_status text NOT NULL,
    enrolled_on date NOT NULL,
    last_passed_on date,
    ects_expected numeric NOT NULL,
    ects_passed numeric NOT NULL,
    ects_behind numeric NOT NULL,
    delay_months numeric NOT NULL,
    special_guidance boolean NOT NULL,
    mandatory_contact boolean NOT NULL,
    source_line integer NOT NULL
  ) ON COMMIT DROP`;

export const stagedColumns = [
  'student_number',
  'name',
  'email',
  'programme_code',
  'programme_name',
  'language',
  'cpr_encrypted',
  'home_board_code',
  'side_subject_board_code',
  'forwarded_to',
  'category',
  'enrolment_type',
  'enrolment_status',
  'enrolled_on',
  'last_passed_on',
  'ects_expected',
  'ects_passed',
  'ects_behind',
  'delay_months',
  'special_guidance',
  'mandatory_contact',
  'source_line',
] as const;

/** The batch as COPY text, in stagedColumns' order. */
export function stagedStudentRows(students: readonly StagedStudent[]): string {
  let rows = '';
  for (const s of students) {
    rows += `${copyText(s.studentNumber)}\t${copyText(s.name)}\t${copyText(s.email)}\t${copyText(
      s.programmeCode,
    )}\t${copyText(s.programmeName)}\t${s.language}\t${copyBytes(s.cprEncrypted)}\t${copyText(
      s.homeBoardCode,
    )}\t${copyText(s.sideSubjectBoardCode)}\t${copyText(s.forwardedTo)}\t${s.category}\t${s.enrolmentType}\t${
      s.enrolmentStatus
    }\t${s.enrolledOn}\t${copyText(s.lastPassedOn)}\t${s.ectsExpected}\t${s.ectsPassed}\t${s.ectsBehind}\t${
      s.delayMonths
    }\t${s.specialGuidance}\t${s.mandatoryContact}\t${s.sourceLine}\n`;
  }
  return rows;
}
