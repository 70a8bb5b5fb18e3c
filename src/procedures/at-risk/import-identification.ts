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
  StagedStudent,
} from './identification-store.js';
import { IdentificationTally } from './identify-students.js';
import { RowCheck, stagedStudentOf } from './import-rows.js';
import { type ExportRows, rowBatches } from './progress-export/export-rows.js';

export interface ImportRequest {
  /** The export: read whole, or read as it is imported (batch by batch). */
  readonly progressExport: ExportRows;
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
  const { report } = await importSelectedRows(storage, request, everyRow);
  return (
    report ?? { period: periodOf(request.asOf), asOf: request.asOf, students: 0, outOfScope: 0, boards: [] }
  );
}

/** Which of the file's rows an import takes (by home board), and the key it records the import under. */
export interface RowSelection {
  includes(boardCode: string): boolean;
  /** The idempotency key of taking these home boards' rows from the file with this hash. */
  importKey(fileHash: string, homeBoards: readonly string[], otherBoardRows: number): string;
}

const everyRow: RowSelection = { includes: () => true, importKey: (fileHash) => fileHash };

export interface SelectedRowsImport {
  /** null when the file holds no row of the selected boards: nothing was stored. */
  readonly report: ImportReport | null;
  /** The selected rows per home board. */
  readonly studentsByBoard: ReadonlyMap<string, number>;
  /** Rows of boards that were not selected: left out, never stored. */
  readonly otherBoardRows: number;
}

/**
 * The import as the file is read: each batch of rows is checked against the
 * configuration, classified and staged (bulk-loaded into the transaction)
 * right away, so memory holds one batch and a per-board tally, whatever the
 * size of the file. Only once all of it has been read and found valid are the
 * staged students stored in the boards' cycles; a problem anywhere throws,
 * and the transaction takes the staged rows with it.
 */
export async function importSelectedRows(
  storage: IdentificationStorage,
  request: ImportRequest,
  selection: RowSelection,
): Promise<SelectedRowsImport> {
  const { progressExport, asOf } = request;
  const tally = new IdentificationTally(asOf, request.rules);
  const check = new RowCheck(request);
  let otherBoardRows = 0;

  const stored = await storage.transaction(async (store) => {
    // One batch is staged while the next is read: the database loads one
    // while this process parses, checks and encrypts the other.
    let staging: Promise<void> | null = null;
    try {
      for await (const rows of rowBatches(progressExport)) {
        const staged: StagedStudent[] = [];
        for (const row of rows) {
          if (!selection.includes(row.boardCode)) {
            otherBoardRows += 1;
            continue;
          }
          const student = tally.add(row);
          // Once the file is known to be refused, nothing more is worth staging.
          if (check.passes(row)) staged.push(stagedStudentOf(student, request.cipher));
        }
        await staging;
        staging = store.stageStudents(staged);
      }
    } catch (error) {
      // The file's problem is the answer, not what the unfinished batch may say.
      await staging?.catch(() => {});
      throw error;
    }
    await staging;
    check.throwAnyProblem(progressExport.fileName);
    if (tally.students === 0) return null;
    const { boards } = tally.figures();
    // In code-unit order: part of a partial import's key, as it always was.
    const homeBoards = boards
      .filter((board) => board.homeStudents > 0)
      .map((board) => board.boardCode)
      .sort();
    const source = {
      referenceDate: asOf,
      sourceFileName: progressExport.fileName,
      sourceFileHash: selection.importKey(progressExport.sha256, homeBoards, otherBoardRows),
    };
    return storeBoards(
      store,
      boards.map((board) => board.boardCode),
      { request, source, homeBoards },
    );
  });

  const studentsByBoard = new Map(
    tally
      .figures()
      .boards.filter((board) => board.homeStudents > 0)
      .map((board) => [board.boardCode, board.homeStudents]),
  );
  if (stored === null) return { report: null, studentsByBoard, otherBoardRows };
  const boards = await Promise.all(
    stored.map(async (board) => ({ ...board, comparison: await storage.compareWithPrevious(board.cycleId) })),
  );
  const report = {
    period: periodOf(asOf),
    asOf,
    students: tally.students,
    outOfScope: tally.outOfScope,
    boards,
  };
  return { report, studentsByBoard, otherBoardRows };
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

interface StoredBoard {
  readonly boardCode: string;
  readonly cycleId: string;
  readonly outcome: ImportOutcome;
  readonly figures: CycleFigures;
}

interface ImportSource {
  readonly request: ImportRequest;
  /** What the cycles record as their source; sourceFileHash is the import's idempotency key. */
  readonly source: { referenceDate: CalendarDate; sourceFileName: string; sourceFileHash: string };
  /** The home boards of the imported rows: a replaced cycle loses only these boards' earlier results. */
  readonly homeBoards: readonly string[];
}

/**
 * Every board's cycle: left alone when it holds this very import already,
 * otherwise created or (while a draft) replaced, and then filled from the
 * staged students in one statement for all boards. A cycle's students are
 * replaced per home board: a file replaces what earlier files said about the
 * boards it covers and nothing else, so per-board exports (one per study
 * board's channel) do not wipe each other's side-subject students. The
 * figures are then counted from what is stored.
 */
async function storeBoards(
  store: IdentificationStore,
  boardCodes: readonly string[],
  { request, source, homeBoards }: ImportSource,
): Promise<StoredBoard[]> {
  const period = periodOf(request.asOf);
  const existing = new Map(
    (await store.findCycles(boardCodes, period)).map((cycle) => [cycle.boardCode, cycle]),
  );
  const plans = boardCodes.map((boardCode) =>
    planBoard(boardCode, existing.get(boardCode) ?? null, source, period),
  );
  const unchanged: StoredBoard[] = plans.flatMap((plan) =>
    plan.existing && plan.outcome === 'unchanged'
      ? [
          {
            boardCode: plan.boardCode,
            cycleId: plan.existing.id,
            outcome: plan.outcome,
            figures: plan.existing,
          },
        ]
      : [],
  );
  if (unchanged.length === plans.length) return unchanged;

  await store.saveStagedStudents();
  const changed: { boardCode: string; cycleId: string; outcome: ImportOutcome }[] = [];
  for (const plan of plans) {
    if (plan.existing && plan.outcome === 'replaced') {
      await store.replaceResults(plan.existing.id, source, homeBoards);
      changed.push({ boardCode: plan.boardCode, cycleId: plan.existing.id, outcome: plan.outcome });
    }
  }
  const created = plans.filter((plan) => plan.outcome === 'created');
  const createdIds = await store.createCycles(
    created.map((plan) => ({ ...source, boardCode: plan.boardCode, period })),
  );
  created.forEach((plan, index) => {
    changed.push({ boardCode: plan.boardCode, cycleId: createdIds[index] ?? '', outcome: plan.outcome });
  });

  await store.saveStagedResults(changed);
  const figures = await store.recountCycles(changed.map((board) => board.cycleId));
  await store.linkPreviousCycles(changed.map((board) => board.boardCode));
  const stored = changed.map((board) => ({ ...board, figures: figures.get(board.cycleId) ?? noFigures }));
  await store.recordAudits(
    stored.map((board) => ({
      actor: request.actor,
      action: board.outcome === 'created' ? 'identification.imported' : 'identification.replaced',
      boardCode: board.boardCode,
      cycleId: board.cycleId,
      details: {
        period: describePeriod(period),
        referenceDate: request.asOf,
        sourceFileName: source.sourceFileName,
        sourceFileHash: source.sourceFileHash,
        homeBoards: homeBoards.join(','),
        green: board.figures.counts.green,
        yellow: board.figures.counts.yellow,
        red: board.figures.counts.red,
        blue: board.figures.counts.blue,
        outOfScope: board.figures.counts.out_of_scope,
      },
    })),
  );
  return [...unchanged, ...stored].sort((a, b) => a.boardCode.localeCompare(b.boardCode));
}

const noFigures: CycleFigures = {
  counts: { green: 0, yellow: 0, red: 0, blue: 0, out_of_scope: 0 },
  forwardedOut: 0,
  forwardedIn: 0,
  noEmail: 0,
  uncontactedOverdue: 0,
};

interface BoardPlan {
  readonly boardCode: string;
  readonly outcome: ImportOutcome;
  readonly existing: CycleRecord | null;
}

function planBoard(
  boardCode: string,
  existing: CycleRecord | null,
  source: ImportSource['source'],
  period: IdentificationPeriod,
): BoardPlan {
  if (!existing) return { boardCode, existing, outcome: 'created' };
  const sameImport =
    existing.sourceFileHash === source.sourceFileHash && existing.referenceDate === source.referenceDate;
  if (sameImport) return { boardCode, existing, outcome: 'unchanged' };
  if (existing.status !== 'draft') throw new CycleLockedError(boardCode, period, existing.status);
  return { boardCode, existing, outcome: 'replaced' };
}
