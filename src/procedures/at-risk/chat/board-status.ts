import type { BotReply } from '../../../bot/bot-requests.js';
import type { ModuleRequest } from '../../../bot/procedure-module.js';
import { plain, privately } from '../../../bot/replies.js';
import { nameIn } from '../../../config/institution-config.js';
import type { Block } from '../../../messages/message-model.js';
import type { AtRiskChatDependencies } from './chat-dependencies.js';
import { followedBoards } from './followed-boards.js';

const lights = ['green', 'yellow', 'red', 'blue'] as const;

/** `status`: every cycle of the boards the person follows, with its counts. */
export async function boardStatus(
  dependencies: AtRiskChatDependencies,
  request: ModuleRequest,
): Promise<BotReply> {
  const { reader } = request;
  const { t } = reader;
  const boards = followedBoards(request);
  if (boards.length === 0) return privately(plain(t.errors.notAllowed('review_students')));
  const blocks: Block[] = [];
  for (const board of boards) {
    const cycles = await dependencies.storage.listCycles({ boardCode: board.code });
    blocks.push({ type: 'heading', text: `${board.code} · ${nameIn(board, reader.language)}` });
    if (cycles.length === 0) {
      blocks.push({ type: 'text', content: [t.bot.noCycles] });
      continue;
    }
    blocks.push({
      type: 'table',
      columns: [
        { header: t.bot.statusColumn.period },
        { header: t.bot.statusColumn.status },
        ...lights.map((light) => ({ header: t.category[light], align: 'right' as const })),
      ],
      rows: cycles.map((cycle) => [
        t.period.name(cycle),
        t.bot.cycleStatus[cycle.status],
        ...lights.map((light) => reader.formatNumber(cycle.counts[light])),
      ]),
    });
  }
  return privately({ fallbackText: t.commands.description.status, blocks });
}
