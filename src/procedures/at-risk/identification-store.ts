import type { CalendarDate } from '../../shared/calendar-date.js';
import type { ExclusionReason } from './exclusions/exclusion.js';
import type { IdentificationPeriod, Term } from './identification-period.js';
import type { CategoryCounts } from './identify-students.js';
import type { EnrolmentStatus, EnrolmentType, TeachingLanguage } from './progress-export/progress-row.js';
import type { Category, TrafficLight } from './traffic-light.js';

/** The storage the at-risk procedure needs; src/storage implements it on Prisma. */
export interface IdentificationStorage {
  /** Runs the work in one database transaction: all of it is stored, or none. */
  transaction<T>(work: (store: IdentificationStore) => Promise<T>): Promise<T>;
  listCycles(filter: { boardCode?: string }): Promise<CycleRecord[]>;
  findCycle(boardCode: string, period: IdentificationPeriod): Promise<CycleRecord | null>;
  /** The students of a board's cycle for the chair's review: red first, then yellow, blue, green, out of scope. */
  reviewList(cycleId: string): Promise<ReviewRow[]>;
  /** How many red, yellow and blue students a cycle's review list holds, and their programmes. */
  reviewOverview(cycleId: string): Promise<ReviewOverview>;
  /**
   * One page of a cycle's review list, filtered, in the list's order (red,
   * yellow, blue; most ECTS behind first), with how many students match: a
   * paged query, never the whole list.
   */
  reviewPage(cycleId: string, query: ReviewQuery): Promise<ReviewPage>;
  compareWithPrevious(cycleId: string): Promise<CycleComparison>;
  /** One audit event outside an import (a list opened, a refused attempt). */
  recordAudit(event: AuditRecord): Promise<void>;
}

/**
 * What an import does inside its transaction. An import touches every board
 * of a file at once, so each step takes all of them: a handful of
 * statements per import, whatever the number of boards or students.
 */
export interface IdentificationStore {
  /** The period's cycles of the given boards (those that have one). */
  findCycles(boardCodes: readonly string[], period: IdentificationPeriod): Promise<CycleRecord[]>;
  /**
   * Holds a batch of the file's students for the rest of the transaction
   * (bulk-loaded, not yet stored): a file is staged batch by batch as it is
   * read, and stored by the set-based saves below once all of it is valid.
   */
  stageStudents(students: readonly StagedStudent[]): Promise<void>;
  /** Inserts or updates the staged students by student number (set-based). */
  saveStagedStudents(): Promise<void>;
  /** New cycles with no students yet (figures zero until recountCycles); their ids, in order. */
  createCycles(cycles: readonly NewCycle[]): Promise<string[]>;
  /**
   * A new import into a draft cycle: records the new source and removes the
   * results that came from the given home boards (the boards the new file covers).
   */
  replaceResults(cycleId: string, source: CycleSource, homeBoards: readonly string[]): Promise<void>;
  /**
   * Stores the staged students' results in the given boards' cycles
   * (set-based): a student's home board gets her as `own` or, when she is
   * forwarded, `forwarded_out`; the board she is forwarded to as `forwarded_in`.
   */
  saveStagedResults(cycles: readonly BoardCycle[]): Promise<void>;
  /** Counts each cycle's figures from its stored results and stores them; by cycle id. */
  recountCycles(cycleIds: readonly string[]): Promise<Map<string, CycleFigures>>;
  /** Points each of the boards' cycles at the one of the period before it. */
  linkPreviousCycles(boardCodes: readonly string[]): Promise<void>;
  recordAudits(events: readonly AuditRecord[]): Promise<void>;
}

export type CycleStatus = 'draft' | 'dispatched' | 'closed';

export interface CycleFigures {
  readonly counts: CategoryCounts;
  readonly forwardedOut: number;
  readonly forwardedIn: number;
  readonly noEmail: number;
  readonly uncontactedOverdue: number;
}

export interface CycleRecord extends CycleFigures {
  readonly id: string;
  readonly boardCode: string;
  readonly term: Term;
  readonly year: number;
  readonly referenceDate: CalendarDate;
  readonly sourceFileName: string;
  readonly sourceFileHash: string;
  readonly status: CycleStatus;
  readonly importCount: number;
  readonly importedAt: Date;
  readonly mailsSentAt: Date | null;
}

/** The export a cycle was last imported from. */
export interface CycleSource {
  readonly referenceDate: CalendarDate;
  readonly sourceFileName: string;
  readonly sourceFileHash: string;
}

export interface NewCycle extends CycleSource {
  readonly boardCode: string;
  readonly period: IdentificationPeriod;
}

export interface StudentRecord {
  readonly studentNumber: string;
  readonly name: string;
  readonly email: string | null;
  readonly programmeCode: string;
  readonly programmeName: string;
  readonly language: TeachingLanguage;
  /** AES-256-GCM sealed CPR; null keeps what is stored. */
  readonly cprEncrypted: Uint8Array | null;
}

export type Routing = 'own' | 'forwarded_out' | 'forwarded_in';

export interface BoardCycle {
  readonly boardCode: string;
  readonly cycleId: string;
}

/** One row of the file as it is staged: the student and her classification. */
export interface StagedStudent extends StudentRecord {
  readonly homeBoardCode: string;
  readonly sideSubjectBoardCode: string | null;
  readonly category: Category;
  readonly enrolmentType: EnrolmentType;
  readonly enrolmentStatus: EnrolmentStatus;
  readonly enrolledOn: CalendarDate;
  readonly lastPassedOn: CalendarDate | null;
  readonly ectsExpected: number;
  readonly ectsPassed: number;
  readonly ectsBehind: number;
  readonly delayMonths: number;
  readonly specialGuidance: boolean;
  readonly mandatoryContact: boolean;
  readonly sourceLine: number;
  /** The side-subject board that follows her up instead of the home board, or null. */
  readonly forwardedTo: string | null;
}

/** Audit details never hold a CPR number or a student's name: codes and counts only. */
export interface AuditRecord {
  readonly actor: string;
  readonly action: string;
  readonly boardCode: string | null;
  readonly cycleId: string | null;
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
}

/** One student in a board's review list; no CPR number, ever. */
export interface ReviewRow {
  readonly studentNumber: string;
  readonly name: string;
  readonly email: string | null;
  readonly programmeCode: string;
  readonly programmeName: string;
  readonly category: Category;
  readonly ectsBehind: number;
  readonly delayMonths: number;
  /** § 31 stk. 1: delayed more than the special-guidance limit (6 months by default). */
  readonly specialGuidance: boolean;
  /** § 31 stk. 2: delayed more than the mandatory-contact limit (12 months by default). */
  readonly mandatoryContact: boolean;
  readonly routing: Routing;
  readonly homeBoardCode: string;
  readonly sideSubjectBoardCode: string | null;
  /** Why the board's chair excluded her this period (spec step 3); absent or null when she is not excluded. */
  readonly exclusionReason?: ExclusionReason | null;
}

/** The categories the chair reviews: red and yellow are at risk; blue is shown apart. */
export type ReviewCategory = 'red' | 'yellow' | 'blue';

export interface ReviewQuery {
  /** At least one. */
  readonly categories: readonly ReviewCategory[];
  /** One programme's students only; null for all. */
  readonly programmeCode: string | null;
  /** Part of a name or a student number, matched ignoring case and accents; null for everyone. */
  readonly search: string | null;
  readonly offset: number;
  readonly limit: number;
}

export interface ReviewPage {
  readonly rows: readonly ReviewRow[];
  /** Students matching the query, on every page. */
  readonly total: number;
}

export interface ReviewOverview {
  readonly counts: Readonly<Record<ReviewCategory, number>>;
  /** Of those, side-subject students other boards forwarded here (the reminder counts them at home). */
  readonly received: number;
  /** The programmes of the cycle's red, yellow and blue students, by name. */
  readonly programmes: readonly { readonly code: string; readonly name: string }[];
}

/** How a board's cycle compares with its previous one. */
export interface CycleComparison {
  readonly previous: {
    readonly id: string;
    readonly term: Term;
    readonly year: number;
    readonly counts: CategoryCounts;
  } | null;
  /** current − previous per category; null without a previous cycle */
  readonly change: Readonly<Record<TrafficLight, number>> | null;
  /** Student numbers red now and not red (or not present) in the previous cycle. */
  readonly newlyRed: readonly string[];
  /** Student numbers red in the previous cycle and not red (or gone) now. */
  readonly leftRed: readonly string[];
}
