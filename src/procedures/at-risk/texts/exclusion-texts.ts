import type { ExclusionProblem } from '../exclusions/exclude-students.js';
import type { ExclusionReason } from '../exclusions/exclusion.js';

/**
 * The chair's exclusion controls in the review list (spec step 3: she sorts
 * out students who show as at risk without being so, and says why). Option
 * labels stay within 75 characters, field labels within 2,000 (Slack).
 */
export interface ExclusionTexts {
  /** The reasons as the menu and the list show them. */
  readonly reason: Readonly<Record<ExclusionReason, string>>;
  /** Above the controls: how to exclude. */
  readonly howTo: string;
  readonly studentsLabel: string;
  readonly studentsPlaceholder: string;
  readonly reasonLabel: string;
  readonly reasonPlaceholder: string;
  readonly noteLabel: string;
  readonly noteHint: string;
  readonly excludeButton: string;
  /** Above the undo control in the Excluded category. */
  readonly undoHowTo: string;
  readonly undoLabel: string;
  readonly undoButton: string;
  /** A student's option in the menus: `Ida Hansen (20231234)`. */
  studentOption(params: { readonly name: string; readonly studentNumber: string }): string;
  /** The category cell of an excluded student: `Red – excluded: elite athlete`. */
  excludedMark(params: { readonly category: string; readonly reason: string }): string;
  /** The Excluded category's own columns (the others are the list's). */
  readonly column: {
    readonly reason: string;
    readonly note: string;
    readonly excludedBy: string;
    readonly excludedOn: string;
  };
  /** An exclusion whose student is no longer red or yellow here after a re-import. */
  readonly noLongerInFile: string;
  /** The Excluded category holds nobody. */
  readonly noneExcluded: string;
  /** After excluding: `2 students excluded: personal circumstances.` */
  excluded(params: {
    readonly added: number;
    readonly reason: string;
    readonly alreadyExcluded: number;
  }): string;
  /** § 31 stk. 2: of those excluded, `count` are more than `months` behind and are named again at dispatch. */
  mandatoryContactExcluded(params: { readonly count: number; readonly months: number }): string;
  /** After undoing. */
  undone(removed: number): string;
  /** Secretaries and managers see the list without controls; also said to them when they try. */
  readonly onlyDeciders: string;
  /** Said privately to someone who tried to exclude or undo without being allowed: nothing changed. */
  readonly refused: string;
  /** A dispatched cycle: the list is read-only. `sentOn` is a date, or null when it is not recorded. */
  dispatched(sentOn: string | null): string;
  /** After a re-import: exclusions that no longer match a red or yellow student of the new file. */
  unmatched(params: {
    readonly count: number;
    readonly students: readonly string[];
    readonly more: number;
  }): string;
  /** A problem with what the chair filled in, said under its field. */
  problem(problem: ExclusionProblem, noteMaxLength: number): string;
}
