import type { Logger } from '../../../logging/logger.js';
import type { CprCipher } from '../../../security/cpr-cipher.js';
import { maskCprShapes } from '../../../security/cpr-shape.js';
import { type PlannedCase, plannedCases } from './cycle-cases.js';
import {
  type JournalAdapter,
  type JournalCaseKind,
  JournalFilingError,
  type JournalProblemCode,
} from './journal-case.js';
import type { JournalCaseProblem, JournalCaseStore } from './journal-case-store.js';
import type { JournalMaterial } from './journal-input.js';

export interface JournaliseCycleInput extends JournalMaterial {
  readonly adapter: JournalAdapter;
  /** Opens the CPR numbers for the student cases' titles; null when TRAFIKLYS_CPR_KEY is not set. */
  readonly cipher: CprCipher | null;
  readonly store: JournalCaseStore;
  readonly now: () => Date;
  readonly logger: Logger;
}

/** A case that could not be filed: which one (by key, never by title), and why. */
export interface JournalFailure {
  readonly caseKey: string;
  readonly kind: JournalCaseKind;
  readonly problem: JournalProblemCode;
  readonly message: string;
}

/** What one run did; no title, no CPR number. */
export interface JournalTally {
  readonly cycleId: string;
  /** Filed in this run, by kind. */
  readonly filed: { readonly student: number; readonly collective: number };
  /** Filed by an earlier run. */
  readonly alreadyFiled: number;
  /** Being filed by another living instance right now. */
  readonly inProgress: number;
  readonly failed: readonly JournalFailure[];
}

/**
 * Procedure step 6: journalises a cycle's sent mails, identification data
 * and exclusions in the records system. Resumable and exactly-once per case:
 * every case is registered first; a run files those not yet filed (failed
 * ones again), and an adapter files a case twice into the same place (the
 * folder's directory, the HTTP idempotency key), so a crash between filing
 * and recording it makes no second case. One case failing does not stop the
 * others.
 */
export async function journaliseCycle(input: JournaliseCycleInput): Promise<JournalTally> {
  const { cycle } = input;
  const plans = plannedCases(input, input.cipher);
  const createdAt = await input.store.register(
    cycle.id,
    plans.map(({ caseKey, kind }) => ({ caseKey, kind })),
    input.now(),
  );
  const filed = { student: 0, collective: 0 };
  let alreadyFiled = 0;
  let inProgress = 0;
  const failed: JournalFailure[] = [];
  for (const plan of plans) {
    const claim = await input.store.claim(cycle.id, plan.caseKey, input.now());
    if (claim === 'filed') alreadyFiled += 1;
    else if (claim === 'held') inProgress += 1;
    else {
      const problem = await fileCase(input, plan, createdAt.get(plan.caseKey) ?? input.now());
      if (problem === null) filed[plan.kind] += 1;
      else failed.push({ caseKey: plan.caseKey, kind: plan.kind, ...problemFields(problem) });
    }
  }
  const tally: JournalTally = { cycleId: cycle.id, filed, alreadyFiled, inProgress, failed };
  input.logger.info(
    {
      cycleId: cycle.id,
      board: cycle.boardCode,
      journal: input.adapter.kind,
      filed,
      alreadyFiled,
      inProgress,
      failed: failed.length,
    },
    'journalised the cycle',
  );
  return tally;
}

/** Files one claimed case and records the outcome; null when it was filed. */
async function fileCase(
  input: JournaliseCycleInput,
  plan: PlannedCase,
  createdAt: Date,
): Promise<JournalCaseProblem | null> {
  const { cycle, store, adapter, logger } = input;
  try {
    await adapter.file(await plan.build(createdAt));
  } catch (error) {
    const problem = problemOf(error);
    await store.recordFailed(cycle.id, plan.caseKey, problem);
    // The case key names the student by number only; the title never leaves the adapter.
    const fields = {
      cycleId: cycle.id,
      caseKey: plan.caseKey,
      problem: problem.code,
      reason: problem.message,
    };
    if (problem.code === 'internal')
      logger.error({ ...fields, err: error }, 'a journal case could not be built');
    else logger.warn(fields, 'a journal case could not be filed');
    return problem;
  }
  await store.recordFiled(cycle.id, plan.caseKey, input.now());
  return null;
}

function problemOf(error: unknown): JournalCaseProblem {
  if (error instanceof JournalFilingError) {
    return { code: error.problem, message: maskCprShapes(error.message) };
  }
  // A fault of ours (a mail that cannot be composed…), not of the records
  // system: recorded as such, so the case is not left claimed, and tried again next run.
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: maskCprShapes(message) };
}

function problemFields(problem: JournalCaseProblem): Pick<JournalFailure, 'problem' | 'message'> {
  return { problem: problem.code, message: problem.message };
}
