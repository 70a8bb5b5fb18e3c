import { extname } from 'node:path';
import type { BotReply } from '../../../bot/bot-requests.js';
import type { ModuleRequest, SharedFile, SharedFileHandler } from '../../../bot/procedure-module.js';
import { inConversation, plain, privately } from '../../../bot/replies.js';
import type { AtRiskChatDependencies } from './chat-dependencies.js';
import { boardsOf, importScopeOf } from './import-scope.js';
import { remindOrRetry } from './remind-now.js';
import { importedReply, importFailureReply } from './shared-export-reply.js';

/**
 * The kinds of file a study-progress export arrives as. The reader decides by
 * the bytes, not the name (an old `.xls` or a PDF gets its own explanation);
 * the name only tells the bot which procedure a shared file is for.
 */
const exportExtensions = new Set(['', '.csv', '.tsv', '.txt', '.xlsx', '.xlsm', '.xls']);

/** A study-progress export shared with the bot: imported for the conversation's boards, then the reminders updated. */
export function sharedExportHandler(dependencies: AtRiskChatDependencies): SharedFileHandler {
  return {
    accepts: (file) => exportExtensions.has(extname(file.name).toLowerCase()),
    describe: (reader) => reader.t.progressImport.fileKind,
    handle: (request, file) => importSharedExport(dependencies, request, file),
  };
}

async function importSharedExport(
  dependencies: AtRiskChatDependencies,
  { actor, conversation, reader, config }: ModuleRequest,
  file: SharedFile,
): Promise<BotReply> {
  const { t } = reader;
  const scope = importScopeOf(config, actor, conversation);
  if (scope.kind === 'refused') {
    return privately(
      plain(scope.reason === 'not_allowed' ? t.errors.notAllowed('import_export') : t.bot.notABoardChannel),
    );
  }
  try {
    const outcome = await dependencies.importShared(file, boardsOf(scope), actor);
    const imported = importedReply(reader, file.name, scope, outcome, config.boards);
    if (outcome.kind !== 'imported') return inConversation(plain(imported));
    // The export is stored whatever becomes of the reminders' update, and the reply says so.
    const reminded = await remindOrRetry(
      dependencies,
      outcome.boards.map((board) => board.boardCode),
      outcome.report.period,
    );
    return inConversation(plain(reminded === 'retrying' ? `${imported}\n${t.bot.remindRetrying}` : imported));
  } catch (error) {
    const failure = importFailureReply(reader, file.name, error, config.boards);
    if (failure === null) throw error;
    return inConversation(plain(failure));
  }
}
