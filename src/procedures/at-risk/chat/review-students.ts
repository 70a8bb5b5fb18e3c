import type { BotReply } from '../../../bot/bot-requests.js';
import { mayFollowBoard } from '../../../bot/permissions.js';
import type { ModuleRequest } from '../../../bot/procedure-module.js';
import { plain, privately } from '../../../bot/replies.js';
import { nameIn } from '../../../config/institution-config.js';
import type { Block } from '../../../messages/message-model.js';
import type { IdentificationPeriod, Term } from '../identification-period.js';
import type { AtRiskChatDependencies } from './chat-dependencies.js';

/** The reminder's "Review students" button: the board's list for the period. */
export async function reviewStudents(
  dependencies: AtRiskChatDependencies,
  request: ModuleRequest,
  value: string | null,
): Promise<BotReply> {
  const { reader, actor, config } = request;
  const { t } = reader;
  const target = parseReviewValue(value);
  const board = target && config.boards.find((candidate) => candidate.code === target.boardCode);
  if (!target || !board) return privately(plain(t.bot.unknownBoard));
  if (!mayFollowBoard(actor.email, board, config)) {
    return privately(plain(t.errors.notAllowed('review_students')));
  }
  const cycle = await dependencies.storage.findCycle(board.code, target.period);
  const title = t.review.title({ period: target.period, boardName: nameIn(board, reader.language) });
  if (!cycle)
    return privately({
      fallbackText: title,
      blocks: [
        { type: 'heading', text: title },
        { type: 'text', content: [t.reminder.exportMissing(target.period)] },
      ],
    });
  const students = await dependencies.storage.reviewList(cycle.id);
  const { column } = t.review;
  const routing = (student: (typeof students)[number]) => {
    if (student.routing === 'forwarded_out')
      return t.review.routing.forwardedTo(student.sideSubjectBoardCode ?? '');
    if (student.routing === 'forwarded_in') return t.review.routing.receivedFrom(student.homeBoardCode);
    return t.review.routing.own;
  };
  const blocks: Block[] = [{ type: 'heading', text: title }];
  const received = students.filter((student) => student.routing === 'forwarded_in').length;
  if (received > 0) blocks.push({ type: 'context', content: [t.review.receivedNote(received)] });
  if (students.length === 0) blocks.push({ type: 'text', content: [t.review.empty] });
  else
    blocks.push({
      type: 'table',
      columns: [
        { header: column.studentNumber },
        { header: column.name },
        { header: column.programme },
        { header: column.category },
        { header: column.ectsBehind, align: 'right' },
        { header: column.delayMonths, align: 'right' },
        { header: column.routing },
      ],
      rows: students.map((student) => [
        student.studentNumber,
        student.name,
        student.programmeName,
        t.category[student.category],
        // An out-of-scope student is counted, not assessed: no ECTS behind to show.
        student.category === 'out_of_scope' ? t.review.notAssessed : reader.formatNumber(student.ectsBehind),
        student.category === 'out_of_scope'
          ? t.review.notAssessed
          : reader.formatDelayMonths(student.delayMonths),
        routing(student),
      ]),
    });
  return privately({ fallbackText: title, blocks });
}

function parseReviewValue(value: string | null): { boardCode: string; period: IdentificationPeriod } | null {
  const match = /^([^|]+)\|(spring|autumn)\|(\d{4})$/.exec(value ?? '');
  const term: Term | null = match?.[2] === 'spring' || match?.[2] === 'autumn' ? match[2] : null;
  if (!match?.[1] || !term || !match[3]) return null;
  return { boardCode: match[1], period: { term, year: Number(match[3]) } };
}
