import type { JournalCaseKind, JournalProblemCode } from './journal-case.js';

/**
 * The ledger that makes journalising a cycle resumable and each case filed
 * once: a case is registered before anything is filed, claimed by the
 * instance filing it (the claim ends with that instance, see
 * InstanceLease), and marked filed or failed. It holds no title, so no CPR
 * number is ever stored in clear text.
 */
export interface JournalCaseStore {
  /**
   * Registers the cycle's cases that are not registered yet (as pending, at
   * `now`); those that are keep their state. Returns when each case was
   * first registered: the case's creation time, the same on every attempt.
   */
  register(
    cycleId: string,
    cases: readonly { readonly caseKey: string; readonly kind: JournalCaseKind }[],
    now: Date,
  ): Promise<ReadonlyMap<string, Date>>;
  /**
   * Claims a case for filing: `claimed` when it is pending or failed and no
   * living instance holds it; `filed` when an earlier run filed it; `held`
   * when another living instance is filing it now.
   */
  claim(cycleId: string, caseKey: string, now: Date): Promise<'claimed' | 'filed' | 'held'>;
  recordFiled(cycleId: string, caseKey: string, now: Date): Promise<void>;
  recordFailed(cycleId: string, caseKey: string, problem: JournalCaseProblem): Promise<void>;
  /** Every case of the cycle, in the order registered; for the operator and the tally. */
  forCycle(cycleId: string): Promise<JournalCaseRecord[]>;
}

export interface JournalCaseProblem {
  readonly code: JournalProblemCode;
  /** The adapter's words; never a title or a CPR number. */
  readonly message: string;
}

export type JournalCaseStatus = 'pending' | 'filed' | 'failed';

export interface JournalCaseRecord {
  readonly cycleId: string;
  readonly caseKey: string;
  readonly kind: JournalCaseKind;
  readonly status: JournalCaseStatus;
  readonly attempts: number;
  readonly createdAt: Date;
  readonly filedAt: Date | null;
  readonly problem: JournalCaseProblem | null;
}
