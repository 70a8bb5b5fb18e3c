import type { BotReply } from '../../../bot/bot-requests.js';
import type { ModuleRequest } from '../../../bot/procedure-module.js';
import { plain, privately } from '../../../bot/replies.js';
import { nameIn } from '../../../config/institution-config.js';
import { isCodedError } from '../../../shared/coded-error.js';
import type { SurfaceName } from '../../../surfaces/chat-surface.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { DeliveryReport } from '../reminder/send-exam-period-reminders.js';
import type { PlaceOutcome } from '../texts/at-risk-texts.js';
import type { AtRiskChatDependencies } from './chat-dependencies.js';
import { currentPeriod, followedBoards } from './followed-boards.js';

/** `remind now`: the current period's reminder for the boards the person follows, and where it went. */
export async function remindNow(
  dependencies: AtRiskChatDependencies,
  request: ModuleRequest,
): Promise<BotReply> {
  const { reader, config } = request;
  const boards = followedBoards(request);
  if (boards.length === 0) return privately(plain(reader.t.errors.notAllowed('remind_now')));
  const period = currentPeriod(config, dependencies.now());
  const reports = await remindOrRetry(
    dependencies,
    boards.map((board) => board.code),
    period,
  );
  if (reports === 'retrying') return privately(plain(reader.t.bot.remindRetrying));
  const lines = boards.map((board) =>
    reader.t.bot.remindResult({
      boardName: nameIn(board, reader.language),
      period,
      ...placesOf(reports.filter((report) => report.boardCode === board.code)),
    }),
  );
  return privately(plain(lines.join('\n')));
}

/**
 * The reminders for these boards, or 'retrying' when the run failed as a
 * whole: it is recorded, tried again with back-off, and the secretaries are
 * told if it never gets through (see the reminder jobs).
 */
export async function remindOrRetry(
  dependencies: AtRiskChatDependencies,
  boardCodes: readonly string[],
  period: IdentificationPeriod,
): Promise<DeliveryReport[] | 'retrying'> {
  try {
    return await dependencies.remind(boardCodes, period);
  } catch (error) {
    if (isCodedError(error) && error.code === 'reminder.failed') return 'retrying';
    throw error;
  }
}

const placeOutcomes: Readonly<Partial<Record<DeliveryReport['outcome'], PlaceOutcome>>> = {
  posted: 'posted',
  updated: 'updated',
  unchanged: 'unchanged',
  already_claimed: 'inProgress',
  failed: 'failed',
};

/** One board's reports as `remind now` tells them: the channel per platform, the copies counted. */
function placesOf(reports: readonly DeliveryReport[]) {
  const channel: Record<PlaceOutcome, SurfaceName[]> = {
    posted: [],
    updated: [],
    unchanged: [],
    inProgress: [],
    failed: [],
  };
  const copies: Record<PlaceOutcome, number> = {
    posted: 0,
    updated: 0,
    unchanged: 0,
    inProgress: 0,
    failed: 0,
  };
  const unreachable: string[] = [];
  for (const report of reports) {
    if (report.outcome === 'unreachable') unreachable.push(report.recipient);
    const outcome = placeOutcomes[report.outcome];
    if (!outcome) continue;
    if (report.recipient === 'channel') channel[outcome].push(report.surface);
    else copies[outcome] += 1;
  }
  return { channel, copies, unreachable: [...new Set(unreachable)] };
}
