import type { CaseStepName } from '../case-states.js';
import type { CaseDates } from '../deadlines.js';
import type {
  CaseEvent,
  CaseEventKind,
  CasePerson,
  DeviationCase,
  DeviationCategory,
  Reporter,
} from '../deviation-case.js';
import type { CatalogueCourse, ReportableUnit } from '../unit-directory.js';

/**
 * The deviations procedure's storage port: plain objects in, plain objects
 * out. Every change goes through `step`, which locks the case, checks the
 * step against the state machine (case-states.ts), applies the change and
 * writes the audit event in one transaction: a refused step changes nothing.
 */
export interface DeviationStore {
  /**
   * Files a report once per submission key (a double click files one case):
   * `created` is false when the key was filed before, with that case.
   */
  file(report: NewReport): Promise<{ readonly deviation: DeviationCase; readonly created: boolean }>;
  find(caseId: string): Promise<DeviationCase | null>;
  findByNumber(number: string): Promise<DeviationCase | null>;
  /** Takes a case through one step of the state machine; throws `deviation.step_refused` from a wrong state. */
  step(caseId: string, step: CaseStepName, actor: CasePerson, change?: CaseChange): Promise<StepResult>;
  /** The case's audit trail, oldest first. */
  history(caseId: string): Promise<CaseEvent[]>;
  /** The reporter's own cases, newest first. */
  casesOfReporter(email: string): Promise<DeviationCase[]>;
  /** Open and final cases for statistics and lists (every faculty when null). */
  cases(filter: CaseFilter): Promise<DeviationCase[]>;
  exchanges(caseId: string): Promise<Exchange[]>;
  exchange(exchangeId: string): Promise<Exchange | null>;

  /** Timers due by `now` and still pending, oldest first. */
  dueTimers(now: Date, limit: number): Promise<TimerKey[]>;
  /** Claims a due timer for this instance (a pending one, or one whose holder is gone); false when another has it. */
  claimTimer(timer: TimerKey, now: Date): Promise<boolean>;
  /** Records that a claimed timer's message went out; the timer never fires again. */
  timerFired(timer: TimerKey, now: Date): Promise<void>;
  /** Gives a claimed timer back (its message failed), to be tried at the next run. */
  releaseTimer(timer: TimerKey): Promise<void>;
  timers(caseId: string): Promise<Timer[]>;
  /** A claimed timer that had nothing to do (its case moved on): it never fires. */
  timerSkipped(timer: TimerKey): Promise<void>;
  /** Redirected cases whose text the retention rule removes by `now`. */
  casesWithExpiredText(now: Date): Promise<string[]>;

  /** Posted messages about a case, to update them in place later. */
  saveNotice(notice: Notice): Promise<void>;
  notices(caseId: string, purpose: string): Promise<Notice[]>;

  /** Replaces the imported course catalogue (the configuration's courses are apart). */
  replaceCatalogue(courses: readonly CatalogueCourse[]): Promise<void>;
  catalogue(): Promise<CatalogueCourse[]>;
  /** Changes whenever the catalogue is imported again (by any process): whether a directory read earlier is still right. */
  catalogueVersion(): Promise<string>;
}

export interface NewReport {
  readonly submissionKey: string;
  readonly category: DeviationCategory;
  readonly unit: ReportableUnit;
  readonly whereWhen: string;
  readonly description: string;
  readonly reporter: Reporter;
  readonly receivedAt: Date;
  readonly dates: CaseDates;
  /**
   * The whistleblowing guard found serious words and the reporter confirmed
   * it is no such matter: recorded in the "filed" event (`guardOverridden: true`).
   */
  readonly guardOverridden?: true;
}

/** What a step changes beside the state; absent fields stay as they are. */
export interface CaseChange {
  readonly facultyCode?: string;
  readonly handler?: CasePerson;
  readonly sensitive?: boolean;
  readonly preliminaryReplyAt?: Date;
  readonly causes?: string;
  readonly measures?: string;
  readonly outcome?: string;
  readonly reason?: string;
  readonly closedAt?: Date;
  readonly textPurgeAfter?: Date;
  /** The retention rule: the report's text is removed. */
  readonly removeText?: true;
  /** A question to the reporter or a request for comments, stored with the step. */
  readonly newExchange?: NewExchange;
  /**
   * Several exchanges stored with the one step, after `newExchange` if both are
   * given: a høringsrunde asks each named colleague apart, all or none.
   */
  readonly newExchanges?: readonly NewExchange[];
  /** The answer to an open exchange of this case. */
  readonly answer?: { readonly exchangeId: string; readonly answer: string; readonly answeredAt: Date };
  /** Timers to stop (a preliminary reply stops its reminder); a final state stops them all. */
  readonly cancelTimers?: readonly TimerKind[];
  /** The audit event's details (plain values; never a sensitive case's text). */
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
  /** Further audit events of the same step (accepting a case also assigns it). */
  readonly alsoRecord?: readonly CaseEventKind[];
  /** Refuse the step if the case changed since it was read (a stale form). */
  readonly expectedVersion?: number;
  /**
   * When the step happened, as the caller's clock says (`dependencies.now()`):
   * the time its audit events carry. Without it, the database's clock.
   */
  readonly occurredAt?: Date;
}

export interface StepResult {
  readonly deviation: DeviationCase;
  /** The state before the step. */
  readonly previous: DeviationCase;
  /** The new exchange's id, when the step made one (the first, when it made several); the answered one's. */
  readonly exchangeId: string | null;
  /** Every exchange the step made, in the order given (`newExchange` first, then `newExchanges`). */
  readonly exchangeIds: readonly string[];
}

export interface CaseFilter {
  readonly facultyCode: string | null;
  readonly receivedFrom?: Date;
  readonly receivedBefore?: Date;
}

/** A question to the reporter, a request for comments, or a preliminary reply (told, not asked). */
export type ExchangeKind = 'question' | 'comments' | 'reply';

export interface NewExchange {
  readonly kind: ExchangeKind;
  readonly askedByEmail: string;
  readonly addressee: string;
  readonly text: string;
  /** Comments: wanted by this date (YYYY-MM-DD in the institution's calendar). */
  readonly dueDate: string | null;
  readonly askedAt: Date;
}

export interface Exchange extends NewExchange {
  readonly id: string;
  readonly caseId: string;
  readonly answer: string | null;
  readonly answeredAt: Date | null;
}

export type TimerKind = 'preliminary_reminder' | 'overdue_escalation';

export interface TimerKey {
  readonly caseId: string;
  readonly kind: TimerKind;
}

export interface Timer extends TimerKey {
  readonly dueAt: Date;
  readonly status: 'pending' | 'claimed' | 'fired' | 'cancelled';
  readonly firedAt: Date | null;
}

export interface Notice {
  readonly caseId: string;
  readonly purpose: string;
  readonly recipientEmail: string;
  readonly surface: 'slack' | 'teams' | 'console';
  readonly conversationId: string;
  readonly messageIds: readonly string[];
}
