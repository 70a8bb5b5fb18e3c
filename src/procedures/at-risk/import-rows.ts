import type { CprCipher } from '../../security/cpr-cipher.js';
import { CodedError } from '../../shared/coded-error.js';
import type { StagedStudent } from './identification-store.js';
import type { IdentifiedStudent } from './identify-students.js';
import { type ExportProblem, ProgressExportError } from './progress-export/export-problem.js';
import type { ProgressColumn, ProgressRow } from './progress-export/progress-row.js';

/**
 * The checks the configuration makes of each selected row: its boards must be
 * known, and a CPR number needs the key. The file is read to the end either
 * way, so that every unknown board is reported at once; which problem wins is
 * as it always was: the file's own problems (thrown by the reader), then the
 * unknown boards, then the missing key.
 */
export class RowCheck {
  private readonly boardProblems: ExportProblem[] = [];
  private readonly knownBoardList: readonly string[];
  private cprWithoutKey = false;

  constructor(
    private readonly request: {
      readonly knownBoards: ReadonlySet<string>;
      readonly cipher: CprCipher | null;
      readonly progressExport: { readonly columnLabels: Readonly<Partial<Record<ProgressColumn, string>>> };
    },
  ) {
    this.knownBoardList = [...request.knownBoards].sort();
  }

  /** Whether the row may be stored; a row that may not is remembered as a problem. */
  passes(row: ProgressRow): boolean {
    const { knownBoards, cipher } = this.request;
    if (!knownBoards.has(row.boardCode)) this.reportUnknownBoard(row, 'board_code', row.boardCode);
    if (row.sideSubjectBoard !== null && !knownBoards.has(row.sideSubjectBoard)) {
      this.reportUnknownBoard(row, 'side_subject_board', row.sideSubjectBoard);
    }
    if (row.nationalId !== null && cipher === null) this.cprWithoutKey = true;
    return this.boardProblems.length === 0 && !this.cprWithoutKey;
  }

  throwAnyProblem(fileName: string): void {
    if (this.boardProblems.length > 0) {
      throw new ProgressExportError(fileName, this.boardProblems, 'import.unknown_board');
    }
    if (this.cprWithoutKey) {
      throw new CodedError(
        'import.cpr_key_missing',
        `${fileName} holds CPR numbers, which are stored only encrypted, but TRAFIKLYS_CPR_KEY is not set;` +
          ' create a key with `npx trafiklys key generate`, put it in the environment (or .env), then import again; nothing was stored',
      );
    }
  }

  private reportUnknownBoard(row: ProgressRow, column: ProgressColumn, board: string): void {
    this.boardProblems.push({
      line: row.line,
      column: this.request.progressExport.columnLabels[column] ?? column,
      reason: { code: 'unknown_board', board, known: this.knownBoardList },
    });
  }
}

/** The row as it is staged; its CPR number, if any, sealed on the spot (per value, bound to the student number). */
export function stagedStudentOf(student: IdentifiedStudent, cipher: CprCipher | null): StagedStudent {
  const { row, classification, forwardedTo } = student;
  return {
    studentNumber: row.studentId,
    name: row.name,
    email: row.email,
    programmeCode: row.programmeCode,
    programmeName: row.programmeName,
    language: row.teachingLanguage,
    cprEncrypted: row.nationalId !== null && cipher ? cipher.encrypt(row.nationalId, row.studentId) : null,
    homeBoardCode: row.boardCode,
    sideSubjectBoardCode: row.sideSubjectBoard,
    forwardedTo,
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
