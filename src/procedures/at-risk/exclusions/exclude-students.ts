import { z } from 'zod';
import { mayDecideFor } from '../../../bot/permissions.js';
import type { StudyBoard } from '../../../config/institution-config.js';
import { containsCprShape } from '../../../security/cpr-shape.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { AuditRecord, CycleRecord } from '../identification-store.js';
import {
  type ExcludableStudent,
  type Exclusion,
  exclusionNoteMaxLength,
  exclusionReasons,
} from './exclusion.js';
import type { ExclusionStore } from './exclusion-store.js';

/**
 * Who asks: the e-mail decides the permission; `actor` names them in the
 * audit. An operator at the command line (who holds the database and its
 * keys already) acts for the chair and is audited as such.
 */
export interface ExclusionActor {
  readonly email: string | null;
  readonly actor: string;
  readonly operator?: boolean;
}

/** Whether this actor decides for the board: its chair or a delegate, or the operator. */
export function decidesFor(who: ExclusionActor, board: StudyBoard): boolean {
  return who.operator === true || mayDecideFor(who.email, board);
}

export interface ExclusionTarget {
  readonly board: StudyBoard;
  readonly period: IdentificationPeriod;
  readonly studentNumbers: readonly string[];
}

/** What the chair filled in; raw, as the form or the command line gave it. */
export interface ExclusionInput {
  readonly reason: string | null;
  readonly note: string | null;
}

export type ExclusionProblem =
  | 'no_students'
  | 'not_in_list'
  | 'not_followed_here'
  | 'not_at_risk'
  | 'reason_missing'
  | 'reason_unknown'
  | 'note_required'
  | 'note_too_long'
  | 'note_has_cpr';

export type ExclusionRefusal = 'not_allowed' | 'no_cycle' | 'dispatched';

export type ExclusionOutcome =
  | {
      readonly kind: 'excluded';
      readonly added: number;
      readonly alreadyExcluded: number;
      /** § 31 stk. 2: excluded students the university must otherwise contact; named again at dispatch. */
      readonly mandatoryContact: number;
    }
  | { readonly kind: 'undone'; readonly removed: number }
  | { readonly kind: 'refused'; readonly reason: ExclusionRefusal }
  | {
      readonly kind: 'invalid';
      /** By form field: `students`, `reason`, `note`. */
      readonly problems: Readonly<Partial<Record<'students' | 'reason' | 'note', ExclusionProblem>>>;
    };

const reasonSchema = z.enum(exclusionReasons);

/**
 * Spec step 3: the chair (or a delegate) sorts out students who show as at
 * risk without being so, and says why. Only red and yellow students this
 * board follows up can be excluded; the cycle must not be dispatched yet.
 * Anyone else is refused, the refusal audited without personal data, and
 * nothing changes.
 */
export async function excludeStudents(
  store: ExclusionStore,
  who: ExclusionActor,
  target: ExclusionTarget,
  input: ExclusionInput,
  now: Date,
): Promise<ExclusionOutcome> {
  const checked = await checkedCycle(store, who, target, 'exclude');
  if (checked.kind !== 'cycle') return checked;
  const { cycle } = checked;
  const problems: Partial<Record<'students' | 'reason' | 'note', ExclusionProblem>> = {};
  const numbers = [...new Set(target.studentNumbers.map((number) => number.trim()).filter(Boolean))];
  const students = numbers.length === 0 ? [] : await store.studentsOfCycle(cycle.id, numbers);
  const studentProblem = problemWithStudents(numbers, students);
  if (studentProblem) problems.students = studentProblem;
  const reason = reasonSchema.safeParse(input.reason?.trim() || undefined);
  if (!reason.success) problems.reason = input.reason?.trim() ? 'reason_unknown' : 'reason_missing';
  const note = input.note?.trim() || null;
  const noteProblem = problemWithNote(note, reason.success ? reason.data : null);
  if (noteProblem) problems.note = noteProblem;
  if (Object.keys(problems).length > 0 || !reason.success) return { kind: 'invalid', problems };

  const exclusions: Exclusion[] = students.map(({ studentNumber, followedUpHere: _here, ...snapshot }) => ({
    boardCode: target.board.code,
    period: target.period,
    studentNumber,
    reason: reason.data,
    note,
    snapshot,
    excludedBy: who.email ?? who.actor,
    excludedAt: now,
  }));
  const audit = auditOf(who, target, cycle, 'exclusion.added', {
    students: exclusions.length,
    reason: reason.data,
    studentNumbers: exclusions.map((exclusion) => exclusion.studentNumber).join(' '),
  });
  const { stored, added } = await store.addExclusions(cycle.id, exclusions, audit);
  if (!stored) return { kind: 'refused', reason: 'dispatched' };
  return {
    kind: 'excluded',
    added,
    alreadyExcluded: exclusions.length - added,
    mandatoryContact: students.filter((student) => student.mandatoryContact).length,
  };
}

/** Undo, until dispatch: the students are in the list again and get their mail. */
export async function undoExclusions(
  store: ExclusionStore,
  who: ExclusionActor,
  target: ExclusionTarget,
): Promise<ExclusionOutcome> {
  const checked = await checkedCycle(store, who, target, 'undo');
  if (checked.kind !== 'cycle') return checked;
  const numbers = [...new Set(target.studentNumbers.map((number) => number.trim()).filter(Boolean))];
  if (numbers.length === 0) return { kind: 'invalid', problems: { students: 'no_students' } };
  const audit = auditOf(who, target, checked.cycle, 'exclusion.undone', {
    students: numbers.length,
    studentNumbers: numbers.join(' '),
  });
  const { stored, removed } = await store.removeExclusions(
    checked.cycle.id,
    target.board.code,
    target.period,
    numbers,
    audit,
  );
  if (!stored) return { kind: 'refused', reason: 'dispatched' };
  return { kind: 'undone', removed };
}

async function checkedCycle(
  store: ExclusionStore,
  who: ExclusionActor,
  target: ExclusionTarget,
  attempt: 'exclude' | 'undo',
): Promise<{ readonly kind: 'cycle'; readonly cycle: CycleRecord } | ExclusionOutcome> {
  if (!decidesFor(who, target.board)) {
    // Audited, as every refused attempt on personal data is; counts and codes only.
    await store.recordAudit({
      actor: who.actor,
      action: 'exclusion.refused',
      boardCode: target.board.code,
      cycleId: null,
      details: { attempt, students: target.studentNumbers.length },
    });
    return { kind: 'refused', reason: 'not_allowed' };
  }
  const cycle = await store.findCycle(target.board.code, target.period);
  if (!cycle) return { kind: 'refused', reason: 'no_cycle' };
  if (cycle.status !== 'draft') return { kind: 'refused', reason: 'dispatched' };
  return { kind: 'cycle', cycle };
}

function problemWithStudents(
  numbers: readonly string[],
  students: readonly ExcludableStudent[],
): ExclusionProblem | null {
  if (numbers.length === 0) return 'no_students';
  if (students.length < numbers.length) return 'not_in_list';
  if (students.some((student) => !student.followedUpHere)) return 'not_followed_here';
  // Green students get no mail, blue ones are handled under the inactivity rules: nothing to sort out.
  if (students.some((student) => student.category !== 'red' && student.category !== 'yellow'))
    return 'not_at_risk';
  return null;
}

function problemWithNote(note: string | null, reason: string | null): ExclusionProblem | null {
  if (note === null) return reason === 'other' ? 'note_required' : null;
  if (note.length > exclusionNoteMaxLength) return 'note_too_long';
  // The note is printed in the journal and the meeting pack: a CPR number has no place in it.
  if (containsCprShape(note)) return 'note_has_cpr';
  return null;
}

function auditOf(
  who: ExclusionActor,
  target: ExclusionTarget,
  cycle: CycleRecord,
  action: string,
  details: AuditRecord['details'],
): AuditRecord {
  return {
    actor: who.actor,
    action,
    boardCode: target.board.code,
    cycleId: cycle.id,
    details: { period: `${target.period.term}-${target.period.year}`, ...details },
  };
}

/** An exclusion and the student it names as the current cycle holds her; null when she is no longer at risk there. */
export interface MatchedExclusion {
  readonly exclusion: Exclusion;
  readonly now: ExcludableStudent | null;
}

/**
 * The period's exclusions against the cycle as it is now: after a re-import
 * of the draft, an exclusion whose student is gone from the file, or no
 * longer red or yellow, is said plainly rather than silently applied.
 */
export async function matchExclusions(
  store: ExclusionStore,
  boardCode: string,
  period: IdentificationPeriod,
): Promise<MatchedExclusion[]> {
  const exclusions = await store.exclusionsOf(boardCode, period);
  const cycle = exclusions.length === 0 ? null : await store.findCycle(boardCode, period);
  const students = cycle
    ? await store.studentsOfCycle(
        cycle.id,
        exclusions.map((exclusion) => exclusion.studentNumber),
      )
    : [];
  const byNumber = new Map(students.map((student) => [student.studentNumber, student]));
  return exclusions.map((exclusion) => {
    const student = byNumber.get(exclusion.studentNumber);
    const stillAtRisk = student && (student.category === 'red' || student.category === 'yellow');
    return { exclusion, now: stillAtRisk ? student : null };
  });
}
