import type { CprCipher } from '../../security/cpr-cipher.js';
import type { CalendarDate } from '../../shared/calendar-date.js';
import { CodedError } from '../../shared/coded-error.js';
import { describePeriod, type IdentificationPeriod, periodOf } from './identification-period.js';
import type { IdentificationRules } from './identification-rules.js';
import type {
  CycleComparison,
  CycleFigures,
  CycleRecord,
  CycleStatus,
  IdentificationStorage,
  IdentificationStore,
  ResultRecord,
  StudentRecord,
} from './identification-store.js';
import { type BoardIdentification, type IdentifiedStudent, identifyStudents } from './identify-students.js';
import { type ExportProblem, ProgressExportError } from './progress-export/export-problem.js';
import type { ProgressExport, ProgressRow } from './progress-export/progress-row.js';

export interface ImportRequest {
  readonly progressExport: ProgressExport;
  readonly asOf: CalendarDate;
  readonly rules: IdentificationRules;
  /** Study-board codes the institution's configuration knows. */
  readonly knownBoards: ReadonlySet<string>;
  /** Who imported, for the audit trail (an e-mail, `cli`, `scheduler`). */
  readonly actor: string;
  /** Needed only when the export carries CPR numbers. */
  readonly cipher: CprCipher | null;
}

export type ImportOutcome = 'created' | 'replaced' | 'unchanged';

export interface BoardImport {
  readonly boardCode: string;
  readonly cycleId: string;
  readonly outcome: ImportOutcome;
  readonly figures: CycleFigures;
  readonly comparison: CycleComparison;
}

export interface ImportReport {
  readonly period: IdentificationPeriod;
  readonly asOf: CalendarDate;
  readonly students: number;
  readonly outOfScope: number;
  readonly boards: readonly BoardImport[];
}

/**
 * Stores an exam period's identification: one cycle per study board. The whole
 * file is stored in one transaction or not at all. Importing the same file for
 * the same period again changes nothing; a new file replaces a board's cycle
 * only while it is a draft (no mails sent for it).
 */
export async function importIdentification(
  storage: IdentificationStorage,
  request: ImportRequest,
): Promise<ImportReport> {
  const { progressExport, asOf, rules } = request;
  assertBoardsKnown(progressExport, request.knownBoards);
  const cipher = cipherFor(progressExport, request.cipher);
  const identification = identifyStudents(progressExport.rows, asOf, rules);
  const period = periodOf(asOf);

  const outcomes = await storage.transaction(async (store) => {
    const plans = await Promise.all(
      identification.boards.map((board) => planBoard(store, board, request, period)),
    );
    if (plans.some((plan) => plan.outcome !== 'unchanged')) {
      for (const rows of inBatches(progressExport.rows)) {
        await store.saveStudents(rows.map((row) => studentRecordOf(row, cipher)));
      }
    }
    const homeBoards = [...new Set(progressExport.rows.map((row) => row.boardCode))].sort();
    const stored: { boardCode: string; cycleId: string; outcome: ImportOutcome; figures: CycleFigures }[] =
      [];
    for (const plan of plans) {
      stored.push({ ...plan, ...(await storeBoard(store, plan, request, period, homeBoards)) });
    }
    return stored;
  });

  const boards = await Promise.all(
    outcomes.map(async (board) => ({
      ...board,
      comparison: await storage.compareWithPrevious(board.cycleId),
    })),
  );
  return {
    period,
    asOf,
    students: progressExport.rows.length,
    outOfScope: identification.outOfScope,
    boards,
  };
}

/**
 * A board's cycle for the period is no longer a draft (its mails have been
 * sent), so a new export cannot replace it. The whole import is refused: the
 * board is named so a reply can say which one stood in the way.
 */
export class CycleLockedError extends CodedError {
  constructor(
    readonly boardCode: string,
    readonly period: IdentificationPeriod,
    readonly status: Exclude<CycleStatus, 'draft'>,
  ) {
    super(
      'import.cycle_locked',
      `study board ${boardCode}: the ${describePeriod(period)} identification is ${status}` +
        ' (its mails have been sent), so a new export cannot replace it; nothing was stored',
    );
    this.name = 'CycleLockedError';
  }
}

interface BoardPlan {
  readonly boardCode: string;
  readonly outcome: ImportOutcome;
  readonly existing: CycleRecord | null;
  readonly board: BoardIdentification;
}

async function planBoard(
  store: IdentificationStore,
  board: BoardIdentification,
  request: ImportRequest,
  period: IdentificationPeriod,
): Promise<BoardPlan> {
  const existing = await store.findCycle(board.boardCode, period);
  const base = { boardCode: board.boardCode, board, existing };
  if (!existing) return { ...base, outcome: 'created' };
  const sameImport =
    existing.sourceFileHash === request.progressExport.sha256 && existing.referenceDate === request.asOf;
  if (sameImport) return { ...base, outcome: 'unchanged' };
  if (existing.status !== 'draft') throw new CycleLockedError(board.boardCode, period, existing.status);
  return { ...base, outcome: 'replaced' };
}

/**
 * A cycle's students are replaced per home board: a file replaces what earlier
 * files said about the boards it covers (as home boards) and nothing else, so
 * per-board exports (one per study board's channel) do not wipe each other's
 * side-subject students. The figures are then counted from what is stored.
 */
async function storeBoard(
  store: IdentificationStore,
  plan: BoardPlan,
  request: ImportRequest,
  period: IdentificationPeriod,
  homeBoards: readonly string[],
): Promise<{ cycleId: string; figures: CycleFigures }> {
  if (plan.outcome === 'unchanged' && plan.existing)
    return { cycleId: plan.existing.id, figures: plan.existing };
  const source = {
    referenceDate: request.asOf,
    sourceFileName: request.progressExport.fileName,
    sourceFileHash: request.progressExport.sha256,
  };
  let cycleId: string;
  if (plan.existing) {
    cycleId = plan.existing.id;
    await store.replaceResults(cycleId, source, homeBoards);
  } else {
    cycleId = await store.createCycle({ ...source, boardCode: plan.boardCode, period });
  }
  const results = [
    ...plan.board.students.map((student) => ({
      student,
      routing: student.forwardedTo === null ? ('own' as const) : ('forwarded_out' as const),
    })),
    ...plan.board.forwardedInStudents.map((student) => ({ student, routing: 'forwarded_in' as const })),
  ];
  for (const batch of inBatches(results)) {
    await store.saveResults(batch.map(({ student, routing }) => resultRecordOf(cycleId, student, routing)));
  }
  const figures = await store.recountCycle(cycleId);
  await store.linkPreviousCycles(plan.boardCode);
  await store.recordAudit({
    actor: request.actor,
    action: plan.outcome === 'created' ? 'identification.imported' : 'identification.replaced',
    boardCode: plan.boardCode,
    cycleId,
    details: {
      period: describePeriod(period),
      referenceDate: request.asOf,
      sourceFileName: request.progressExport.fileName,
      sourceFileHash: request.progressExport.sha256,
      homeBoards: homeBoards.join(','),
      green: figures.counts.green,
      yellow: figures.counts.yellow,
      red: figures.counts.red,
      blue: figures.counts.blue,
      outOfScope: figures.counts.out_of_scope,
    },
  });
  return { cycleId, figures };
}

/**
 * Bulk writes go in batches: one statement per batch keeps the statement's
 * parameters (and so the process's peak memory) bounded, at a few round trips'
 * cost, whatever the size of the export.
 */
const writeBatchSize = 5_000;

function* inBatches<T>(items: readonly T[]): Generator<readonly T[]> {
  for (let start = 0; start < items.length; start += writeBatchSize) {
    yield items.slice(start, start + writeBatchSize);
  }
}

/** Every board code in the file must be a study board of the configuration. */
function assertBoardsKnown(progressExport: ProgressExport, knownBoards: ReadonlySet<string>): void {
  const problems: ExportProblem[] = [];
  const known = [...knownBoards].sort();
  const { columnLabels } = progressExport;
  for (const row of progressExport.rows) {
    if (!knownBoards.has(row.boardCode)) {
      problems.push({
        line: row.line,
        column: columnLabels.board_code ?? 'board_code',
        reason: { code: 'unknown_board', board: row.boardCode, known },
      });
    }
    if (row.sideSubjectBoard !== null && !knownBoards.has(row.sideSubjectBoard)) {
      problems.push({
        line: row.line,
        column: columnLabels.side_subject_board ?? 'side_subject_board',
        reason: { code: 'unknown_board', board: row.sideSubjectBoard, known },
      });
    }
  }
  if (problems.length > 0)
    throw new ProgressExportError(progressExport.fileName, problems, 'import.unknown_board');
}

function cipherFor(progressExport: ProgressExport, cipher: CprCipher | null): CprCipher | null {
  if (cipher || !progressExport.rows.some((row) => row.nationalId !== null)) return cipher;
  throw new CodedError(
    'import.cpr_key_missing',
    `${progressExport.fileName} holds CPR numbers, which are stored only encrypted, but TRAFIKLYS_CPR_KEY is not set;` +
      ' create a key with `npx trafiklys key generate`, put it in the environment (or .env), then import again; nothing was stored',
  );
}

function studentRecordOf(row: ProgressRow, cipher: CprCipher | null): StudentRecord {
  return {
    studentNumber: row.studentId,
    name: row.name,
    email: row.email,
    programmeCode: row.programmeCode,
    programmeName: row.programmeName,
    language: row.teachingLanguage,
    cprEncrypted: row.nationalId !== null && cipher ? cipher.encrypt(row.nationalId, row.studentId) : null,
  };
}

function resultRecordOf(
  cycleId: string,
  student: IdentifiedStudent,
  routing: ResultRecord['routing'],
): ResultRecord {
  const { row, classification } = student;
  return {
    cycleId,
    studentNumber: row.studentId,
    routing,
    homeBoardCode: row.boardCode,
    sideSubjectBoardCode: row.sideSubjectBoard,
    category: classification.category,
    enrolmentType: row.enrolmentType,
    enrolmentStatus: row.status,
    enrolledOn: row.enrolledOn,
    lastPassedOn: row.lastPassedOn,
    ectsExpected: row.ectsExpected,
    ectsPassed: row.ectsPassed,
    ectsBehind: classification.ectsBehind,
    delayMonths: classification.delayMonths,
    specialGuidance: classification.specialGuidance,
    mandatoryContact: classification.mandatoryContact,
    sourceLine: row.line,
  };
}
