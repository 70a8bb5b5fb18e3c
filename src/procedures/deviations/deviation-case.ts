/**
 * A deviation report as the procedure knows it (NTNU's guideline for
 * reporting, handling and following up deviations in education and the
 * learning environment, ../shared/spec/procedures.md "Deviation reports").
 * Plain objects: the storage returns them, the use-cases read them, the
 * presenters show them.
 */

/** The guideline's list of what a deviation in education can concern. */
export const deviationCategories = [
  'information_flow',
  'feedback_guidance',
  'teaching_learning_forms',
  'exam_assessment_forms',
  'timetabling',
  'grading_examiners',
  'reference_groups',
  'equipment_premises',
  'universal_design_digital',
  'other',
] as const;
export type DeviationCategory = (typeof deviationCategories)[number];

/** Who reports: the guideline has a student's and an employee's version of the same report. */
export const reporterRoles = ['student', 'employee'] as const;
export type ReporterRole = (typeof reporterRoles)[number];

/**
 * Where a case stands. `received`: with the faculty's report owners, who
 * triage it (forwarding keeps it received, at another faculty). `in_handling`:
 * accepted and assigned to a handler. The other three are final.
 */
export const deviationStates = ['received', 'in_handling', 'closed', 'rejected', 'redirected'] as const;
export type DeviationState = (typeof deviationStates)[number];

/** A programme (from the core configuration) or a course (from the deviations section or its catalogue). */
export type UnitKind = 'programme' | 'course';

export interface UnitRef {
  readonly kind: UnitKind;
  readonly code: string;
}

/** A person as the case records them: by e-mail, with the name they had then. */
export interface CasePerson {
  readonly email: string;
  readonly name: string;
}

/** The reporter, with where and in which language the bot writes to her. */
export interface Reporter extends CasePerson {
  readonly role: ReporterRole;
  /** The surface she filed on: the bot writes to her there. */
  readonly surface: 'slack' | 'teams' | 'console';
  readonly language: string;
}

export interface DeviationCase {
  readonly id: string;
  /** Shown to people: `2026-0042`, the year of receipt and a running number. */
  readonly number: string;
  readonly state: DeviationState;
  readonly category: DeviationCategory;
  readonly unit: UnitRef;
  /** The faculty whose report owners have it now (a forward changes it). */
  readonly facultyCode: string;
  /** Null once the retention rule has removed the text (a report redirected to whistleblowing). */
  readonly whereWhen: string | null;
  readonly description: string | null;
  readonly reporter: Reporter;
  /** Flagged by a report owner: only the handler, the report owners and the line managers see the text. */
  readonly sensitive: boolean;
  readonly handler: CasePerson | null;
  readonly receivedAt: Date;
  /** Forvaltningsloven § 11a: reply without undue delay, 4 weeks from receipt by default. */
  readonly deadlineAt: Date;
  readonly preliminaryReplyAt: Date | null;
  readonly causes: string | null;
  readonly measures: string | null;
  readonly outcome: string | null;
  /** The reason given to the reporter for a rejection or a redirection to whistleblowing. */
  readonly reason: string | null;
  readonly closedAt: Date | null;
  /** When the text of a redirected report is removed (retention); null while it is kept. */
  readonly textPurgeAfter: Date | null;
  readonly version: number;
}

/** The audit trail of a case: every transition and activity, with its actor and time. */
export const caseEventKinds = [
  'filed',
  'forwarded',
  'accepted',
  'assigned',
  'asked',
  'answered',
  'sent_for_comments',
  'commented',
  'preliminary_reply',
  'causes_recorded',
  'closed',
  'rejected',
  'redirected',
  'flagged_sensitive',
  'unflagged_sensitive',
  'reminded',
  'escalated',
  'text_removed',
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

export interface CaseEvent {
  readonly caseId: string;
  readonly kind: CaseEventKind;
  /** The person acting; `trafiklys` for the bot's own timers. */
  readonly actor: CasePerson;
  readonly occurredAt: Date;
  /** Plain values only; never the report's text for a sensitive case. */
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

/** The bot itself as the actor of a timer's event. */
export const botActor: CasePerson = { email: 'trafiklys', name: 'Trafiklys' };
