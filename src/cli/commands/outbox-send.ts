import { describeDatabase, type Runtime } from '../../app/runtime.js';
import type { CycleMailCounts, OutboxBacklog } from '../../mail/mail-outbox.js';
import { describePeriod } from '../../procedures/at-risk/identification-period.js';
import { parseCommandArguments } from '../arguments.js';
import { type CliCommand, type CliIo, exitCodes } from '../cli-io.js';
import { withOutboxSession } from '../outbox-session.js';
import { withRuntime } from '../with-runtime.js';

const usage = 'trafiklys outbox send [--board CODE] [--config FILE]';

export const outboxSendCommand: CliCommand = {
  words: ['outbox', 'send'],
  usage,
  summary:
    'send what the mail outbox holds (after a crash, for instance) and wait until every mail is sent or failed',
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
    return withRuntime(io, values.config, (runtime) => sendOutbox(runtime, io, values.board));
  },
};

async function sendOutbox(runtime: Runtime, io: CliIo, boardCode: string | undefined): Promise<number> {
  const { database } = runtime;
  return withOutboxSession(runtime, io, '', async (sending, stopped) => {
    const cycles = await sending.outbox.stateCounts({ boardCode });
    const progress = new ProgressLines(
      io,
      new Map(cycles.map((cycle) => [cycle.cycleId, `${cycle.boardCode} ${describePeriod(cycle)}`])),
    );
    io.stdout.write(
      `Sending the outbox's mails${boardCode ? ` of ${boardCode}` : ''} from ${describeDatabase(database)}.\n`,
    );
    const tally = await sending.drain({
      boardCode,
      untilSettled: true,
      signal: stopped,
      onProgress: (counts) => progress.show(counts),
      onWait: (backlog) => progress.waiting(backlog),
    });
    progress.end();
    for (const cycle of tally.cycles) io.stdout.write(`${progress.line(cycle)}\n`);
    const left = tally.backlog.pending + tally.backlog.sendingElsewhere;
    io.stdout.write(
      `This run: ${tally.sent} sent, ${tally.failed} failed, ${tally.retried} to be tried again` +
        (tally.tookOver > 0 ? `, ${tally.tookOver} taken over from a process that died` : '') +
        '.\n',
    );
    if (left > 0) {
      io.stdout.write(`${left} mails are not sent yet: run this again to go on.\n`);
      return exitCodes.failed;
    }
    if (tally.cycles.some((cycle) => cycle.failed > 0)) {
      io.stdout.write('The failed mails and their reasons: trafiklys outbox\n');
    }
    return exitCodes.ok;
  });
}

/**
 * Progress for whoever watches: on a terminal one line that is rewritten, in
 * a log or a pipe a line for every hundred mails of a cycle done.
 */
class ProgressLines {
  private readonly lastHundreds = new Map<string, number>();
  private readonly terminal: boolean;
  private lastWait = '';
  private rewriting = false;

  constructor(
    private readonly io: CliIo,
    /** "SN-HIS spring 2026" by cycle id. */
    private readonly labels: ReadonlyMap<string, string>,
  ) {
    this.terminal = 'isTTY' in io.stdout && io.stdout.isTTY === true;
  }

  line(counts: CycleMailCounts): string {
    const label = this.labels.get(counts.cycleId) ?? `cycle ${counts.cycleId}`;
    return `${label}: ${counts.sent} sent, ${counts.failed} failed, ${counts.pending} pending`;
  }

  show(counts: CycleMailCounts): void {
    if (this.terminal) {
      this.io.stdout.write(`\r${this.line(counts)}\u001b[K`);
      this.rewriting = true;
      return;
    }
    const hundreds = Math.floor((counts.sent + counts.failed) / 100);
    if (hundreds > (this.lastHundreds.get(counts.cycleId) ?? 0)) {
      this.lastHundreds.set(counts.cycleId, hundreds);
      this.io.stdout.write(`${this.line(counts)}\n`);
    }
  }

  waiting(backlog: OutboxBacklog): void {
    const next = backlog.nextAttemptAt?.toISOString().slice(0, 16).replace('T', ' ');
    const text =
      backlog.sendingElsewhere > 0
        ? `Waiting for ${backlog.sendingElsewhere} mails another instance is sending (taken over if it dies).`
        : `Waiting for ${backlog.pending} mails the server did not take yet; next attempt ${next ?? 'soon'} UTC.`;
    if (text === this.lastWait) return;
    this.lastWait = text;
    this.end();
    this.io.stdout.write(`${text}\n`);
  }

  end(): void {
    if (this.rewriting) this.io.stdout.write('\n');
    this.rewriting = false;
  }
}
