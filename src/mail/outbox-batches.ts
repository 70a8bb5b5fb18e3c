import type { ClaimedMail, MailOutbox, OutboxScope, SentMail } from './mail-outbox.js';

/**
 * The mails a drain has claimed and not yet handed to a sender: claimed a
 * batch at a time, shared by the drain's senders. Stopped, it gives back what
 * it still holds, so nothing stays claimed by a drain that no longer runs.
 */
export class ClaimedMails {
  private readonly buffer: ClaimedMail[] = [];
  private claiming: Promise<void> | null = null;
  private exhausted = false;
  private stopped = false;
  /** Claimed from an instance that died holding them. */
  tookOver = 0;

  constructor(
    private readonly outbox: MailOutbox,
    private readonly scope: OutboxScope,
    private readonly batchSize: number,
    private readonly now: () => Date,
  ) {}

  /** The next mail to send; null once nothing more is due (or the drain stops). */
  async next(): Promise<ClaimedMail | null> {
    for (;;) {
      if (this.stopped) return null;
      const mail = this.buffer.shift();
      if (mail) return mail;
      if (this.exhausted) return null;
      this.claiming ??= this.claim().finally(() => {
        this.claiming = null;
      });
      await this.claiming;
    }
  }

  /** Stops handing out mails and gives the unsent ones back to the outbox. */
  async stop(): Promise<void> {
    this.stopped = true;
    // A claim under way would otherwise land in the buffer after this.
    await this.claiming?.catch(() => {});
    await this.outbox.release(this.buffer.splice(0).map((mail) => mail.id));
  }

  private async claim(): Promise<void> {
    const batch = await this.outbox.claimDue(this.scope, this.batchSize, this.now());
    if (batch.length === 0) this.exhausted = true;
    this.tookOver += batch.filter((mail) => mail.takenOver).length;
    this.buffer.push(...batch);
  }
}

/** A failed write is tried again after these pauses before the drain gives up. */
const recordRetryPausesMs = [100, 500, 2_000, 5_000, 10_000];

/**
 * Records accepted mails the moment the server accepted them: each in a
 * write of its own while fewer than `parallelWrites` writes are under way (a
 * PostgreSQL pool runs them side by side), and when all are busy, the mails
 * accepted meanwhile together in the next write that frees up ("group
 * commit"). The window between the server's "250" and our record, the one in
 * which a crash means a resend, stays about one write long.
 */
export class SentRecorder {
  private waiting: SentMail[] = [];
  private readonly writes = new Set<Promise<void>>();
  private failure: unknown = null;

  constructor(
    private readonly outbox: MailOutbox,
    private readonly sleep: (ms: number) => Promise<void>,
    private readonly parallelWrites: number,
  ) {}

  /** Queues the record; `flush` waits for it. */
  record(mail: SentMail): void {
    this.waiting.push(mail);
    if (this.writes.size < this.parallelWrites) this.startWrite();
  }

  /** The write that could not be made, if one failed for good: the drain stops on it. */
  get failed(): unknown {
    return this.failure;
  }

  /** Waits until every queued record is written; throws if one could not be. */
  async flush(): Promise<void> {
    while (this.writes.size > 0) await Promise.all([...this.writes]);
    if (this.failure) throw this.failure;
  }

  private startWrite(): void {
    const write: Promise<void> = this.writeWaiting().finally(() => {
      this.writes.delete(write);
      if (this.waiting.length > 0 && !this.failure) this.startWrite();
    });
    this.writes.add(write);
  }

  private async writeWaiting(): Promise<void> {
    // The other replies read in this turn of the event loop go in the same write.
    await new Promise((resolve) => setImmediate(resolve));
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.outbox.recordSent(batch);
        return;
      } catch (error) {
        const pause = recordRetryPausesMs[attempt];
        if (pause === undefined) {
          this.failure = error;
          return;
        }
        await this.sleep(pause);
      }
    }
  }
}
