import type { CycleMailCounts, OutboxBacklog } from '../../mail/mail-outbox.js';

/** The stream progress goes to: a terminal (it has `isTTY`) or a pipe or log file. */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean | undefined;
}

const barWidth = 30;

/**
 * A dispatch's progress on stderr, so stdout keeps only the result: on a
 * terminal one bar that is redrawn in place, in a log or a pipe one line for
 * every hundred mails done (issue 8 part 4).
 */
export class DispatchProgress {
  private readonly terminal: boolean;
  private lastHundreds = 0;
  private drawn = false;
  private lastWait = '';

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: number,
  ) {
    this.terminal = stream.isTTY === true;
  }

  show(counts: CycleMailCounts): void {
    const done = counts.sent + counts.failed;
    if (this.terminal) {
      const total = Math.max(this.total, done + counts.pending, 1);
      const filled = Math.round((done / total) * barWidth);
      this.stream.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${done}/${total} (${counts.sent} sent, ${counts.failed} failed)\u001b[K`,
      );
      this.drawn = true;
      return;
    }
    const hundreds = Math.floor(done / 100);
    if (hundreds > this.lastHundreds) {
      this.lastHundreds = hundreds;
      this.stream.write(
        `${done} mails done: ${counts.sent} sent, ${counts.failed} failed, ${counts.pending} pending\n`,
      );
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
    this.stream.write(`${text}\n`);
  }

  /** Ends the bar's line, so what follows starts on a line of its own. */
  end(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}
