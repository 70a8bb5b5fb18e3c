import { type LocalisedNames, nameIn } from '../../../../config/institution-config.js';
import type { Translator } from '../../../../i18n/translator.js';
import type { Block, Message } from '../../../../messages/message-model.js';
import type { IdentificationPeriod } from '../../identification-period.js';
import { journalProblemCodes } from '../journal-case.js';
import type { JournalTally } from '../journalise-cycle.js';

/**
 * What the board's channel is told once a cycle is journalised: how many
 * cases were filed, of which kind, and, when some could not be, how many for
 * which cause. Counts only: the channel is told no student's number or name
 * (the operator finds each failed case by its key in the log and the tally).
 */
export function journalisedMessage(
  params: {
    readonly board: { readonly name: string; readonly names: LocalisedNames };
    readonly period: IdentificationPeriod;
    readonly tally: JournalTally;
  },
  reader: Translator,
): Message {
  const { t } = reader;
  const { tally, period } = params;
  const heading = t.journal.heading({ period, boardName: nameIn(params.board, reader.language) });
  const lines = [
    t.journal.filed({ studentCases: tally.filed.student, collectiveCases: tally.filed.collective }),
  ];
  if (tally.alreadyFiled > 0) lines.push(t.journal.alreadyFiled(tally.alreadyFiled));
  if (tally.inProgress > 0) lines.push(t.journal.inProgress(tally.inProgress));
  const blocks: Block[] = [
    { type: 'heading', text: heading },
    { type: 'text', content: [lines.join('\n')] },
  ];
  if (tally.failed.length > 0) {
    const causes = journalProblemCodes
      .map((problem) => ({
        problem,
        count: tally.failed.filter((failure) => failure.problem === problem).length,
      }))
      .filter(({ count }) => count > 0)
      .map((cause) => `• ${t.journal.problem(cause)}`);
    blocks.push(
      { type: 'text', content: [[t.journal.failed(tally.failed.length), ...causes].join('\n')] },
      { type: 'context', content: [t.journal.retryNote] },
    );
  }
  return { fallbackText: heading, blocks };
}
