import { describeDatabase } from '../../app/runtime.js';
import type { MailStatus } from '../../mail/mail-outbox.js';
import { describePeriod } from '../../procedures/at-risk/identification-period.js';
import { maskCprShapes } from '../../security/cpr-shape.js';
import { type OutboxStateCount, PrismaMailOutbox } from '../../storage/prisma-mail-outbox.js';
import { parseCommandArguments } from '../arguments.js';
import { type CliCommand, exitCodes } from '../cli-io.js';
import { textTable } from '../format/text-table.js';
import { withRuntime } from '../with-runtime.js';

const usage = 'trafiklys outbox [--board CODE] [--config FILE]';

/** Only reads: the holder is never used. */
const readOnlyHolder = 'trafiklys-outbox-listing';

export const outboxCommand: CliCommand = {
  words: ['outbox'],
  usage,
  summary: 'list the mail outbox: counts per cycle and state, then the failed and pending mails',
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(
      args,
      { board: { type: 'string' }, config: { type: 'string' } },
      usage,
    );
    if (positionals.length > 0) {
      io.stderr.write(`error: unexpected argument "${positionals[0]}"\nusage: ${usage}\n`);
      return exitCodes.usage;
    }
    return withRuntime(io, values.config, async (runtime) => {
      const outbox = new PrismaMailOutbox(runtime.database.prisma, readOnlyHolder);
      const filter = { boardCode: values.board };
      const counts = await outbox.stateCounts(filter);
      const where = describeDatabase(runtime.database);
      if (counts.length === 0) {
        io.stdout.write(
          values.board
            ? `No mails for study board ${values.board} in the outbox in ${where}.\n`
            : `The mail outbox in ${where} is empty.\n`,
        );
        return exitCodes.ok;
      }
      const sections = [`Mail outbox in ${where}:`, cycleTable(counts)];
      const failed = await outbox.listing({ ...filter, statuses: ['failed'] });
      if (failed.length > 0) {
        sections.push(
          `Failed (${failed.length}): not sent, and not tried again.\n\n${textTable(
            ['Board', 'Period', 'Student', 'Recipient', 'Template', 'Attempts', 'Reason'],
            failed.map((mail) => [
              mail.boardCode,
              describePeriod(mail),
              mail.studentNumber,
              mail.recipient,
              mail.template,
              mail.attempts,
              maskCprShapes(mail.problem ?? ''),
            ]),
          )}`,
        );
      }
      const waiting = await outbox.listing({ ...filter, statuses: ['pending', 'sending'] });
      if (waiting.length > 0) {
        sections.push(
          `Pending (${waiting.length}): still to be sent.\n\n${textTable(
            [
              'Board',
              'Period',
              'Student',
              'Recipient',
              'Template',
              'State',
              'Attempts',
              'Next attempt (UTC)',
              'Last problem',
            ],
            waiting.map((mail) => [
              mail.boardCode,
              describePeriod(mail),
              mail.studentNumber,
              mail.recipient,
              mail.template,
              mail.status,
              mail.attempts,
              mail.status === 'pending' ? utcMinute(mail.nextAttemptAt) : '–',
              maskCprShapes(mail.problem ?? '–'),
            ]),
          )}`,
        );
      }
      io.stdout.write(`${sections.join('\n\n')}\n`);
      return exitCodes.ok;
    });
  },
};

const states: readonly MailStatus[] = ['sent', 'failed', 'pending', 'sending'];

/** One line per cycle: its mails in each state. */
function cycleTable(counts: readonly OutboxStateCount[]): string {
  const cycles = [...new Map(counts.map((count) => [count.cycleId, count])).values()];
  return textTable(
    ['Board', 'Period', 'Mails', 'Sent', 'Failed', 'Pending', 'Sending'],
    cycles.map((cycle) => {
      const of = (status: MailStatus) =>
        counts.find((count) => count.cycleId === cycle.cycleId && count.status === status)?.count ?? 0;
      return [
        cycle.boardCode,
        describePeriod(cycle),
        states.reduce((sum, status) => sum + of(status), 0),
        ...states.map(of),
      ];
    }),
  );
}

function utcMinute(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', ' ');
}
