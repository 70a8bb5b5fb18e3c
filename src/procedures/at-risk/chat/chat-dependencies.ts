import type { BotActor } from '../../../bot/bot-requests.js';
import type { StudyBoard } from '../../../config/institution-config.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { IdentificationStorage } from '../identification-store.js';
import type { BoardsImport } from '../import-for-boards.js';
import type { DeliveryReport } from '../reminder/send-exam-period-reminders.js';

/** What the at-risk procedure's chat side needs; wired in its module. */
export interface AtRiskChatDependencies {
  readonly storage: IdentificationStorage;
  /** Sends (or updates) the period's reminders for these boards on every surface. */
  remind(boardCodes: readonly string[], period: IdentificationPeriod): Promise<DeliveryReport[]>;
  /**
   * Imports the rows of these boards from a shared export, in one
   * transaction: a board channel's board, or every board of the person in a
   * direct chat.
   */
  importShared(
    file: { readonly name: string; readonly bytes: Uint8Array },
    boards: readonly StudyBoard[],
    actor: BotActor,
  ): Promise<BoardsImport>;
  readonly now: () => Date;
  /**
   * Journalises a dispatched cycle and posts the board-meeting pack, as a
   * recorded run retried until the cycle's mails have settled: call it right
   * after the dispatch is confirmed (see after-dispatch/after-dispatch-job.ts).
   */
  readonly afterDispatch?: (cycleId: string) => Promise<unknown>;
}
