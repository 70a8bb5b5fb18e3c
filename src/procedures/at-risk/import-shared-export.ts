import type { BotActor } from '../../bot/bot-requests.js';
import type { InstitutionConfig, StudyBoard } from '../../config/institution-config.js';
import type { CprCipher } from '../../security/cpr-cipher.js';
import { todayIn } from '../../shared/calendar-date.js';
import type { IdentificationStorage } from './identification-store.js';
import { type BoardsImport, importForBoards } from './import-for-boards.js';
import { exportBytes } from './progress-export/export-source.js';
import { openProgressExport } from './progress-export/read-progress-export.js';

export interface SharedExportImportDependencies {
  readonly config: InstitutionConfig;
  readonly storage: IdentificationStorage;
  readonly cipher: CprCipher | null;
  readonly now: () => Date;
  readonly metrics: { import(outcome: 'imported' | 'rejected'): void };
}

/**
 * An export shared in chat, imported for the study boards the bot chose (a
 * board channel's board, or every board the person in a direct chat imports
 * for): the rows of those boards (as home board) are imported as of today.
 */
export function sharedExportImporter(dependencies: SharedExportImportDependencies) {
  const { config, storage, cipher, now, metrics } = dependencies;
  return async (
    file: { readonly name: string; readonly bytes: Uint8Array },
    boards: readonly StudyBoard[],
    actor: BotActor,
  ): Promise<BoardsImport> => {
    try {
      // The upload is in memory already; its text is decoded and read a piece at a time.
      const progressExport = await openProgressExport(exportBytes(file.bytes), {
        fileName: file.name,
        columnAliases: config.columnAliases,
      });
      const outcome = await importForBoards(storage, {
        progressExport,
        boardCodes: new Set(boards.map((board) => board.code)),
        asOf: todayIn(config.institution.timeZone, now()),
        rules: config.thresholds,
        knownBoards: new Set(config.boards.map((board) => board.code)),
        actor: `${actor.surface}:${actor.email ?? actor.userId}`,
        cipher,
      });
      metrics.import(outcome.kind === 'imported' ? 'imported' : 'rejected');
      return outcome;
    } catch (error) {
      metrics.import('rejected');
      throw error;
    }
  };
}
