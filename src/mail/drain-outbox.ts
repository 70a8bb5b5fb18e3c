import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logging/logger.js';
import type { ClaimedMail, CycleMailCounts, MailOutbox, OutboxBacklog, OutboxScope } from './mail-outbox.js';
import type { MailSender, SendOutcome } from './mail-sender.js';
import { ClaimedMails, SentRecorder } from './outbox-batches.js';

export interface OutboxDrainDependencies {
  readonly outbox: MailOutbox;
  readonly sender: MailSender;
  readonly logger: Logger;
  readonly now: () => Date;
  /**
   * Milliseconds before the 2nd, 3rd, … attempt of a mail the server refused
   * for now (4xx) or could not take (no connection, a timeout); after the
   * last, the mail is failed with the server's reply. Config `smtp.retryMinutes`.
   */
  readonly retryDelaysMs: readonly number[];
}

export interface DrainOptions {
  /** Only this cycle's mails (a dispatch's); all due mails when left out (the outbox job). */
  readonly cycleId?: string | undefined;
  /** Only the mails of this board's cycles (`trafiklys outbox send --board`). */
  readonly boardCode?: string | undefined;
  /** Told what a drain that waits for every mail is waiting for, each time it starts to wait. */
  readonly onWait?: ((backlog: OutboxBacklog) => void) | undefined;
  /** A cycle's mails by state, whenever they changed (at most every `progressEveryMs`) and at the end. */
  readonly onProgress?: ((counts: CycleMailCounts) => void) | undefined;
  readonly progressEveryMs?: number | undefined;
  /**
   * Keep going until every mail in scope is sent or failed: wait for retries
   * that are not due yet and for mails another living instance holds (taking
   * them over if it dies). Without it: one pass over what is due now.
   */
  readonly untilSettled?: boolean | undefined;
  /** Stops the drain: no new mail is started, what is in flight is finished and recorded. */
  readonly signal?: AbortSignal | undefined;
}

export interface DrainTally {
  /** What this drain did. */
  readonly sent: number;
  readonly failed: number;
  readonly retried: number;
  /** Mails claimed from an instance that died holding them (possibly accepted already: resent with the same Message-ID). */
  readonly tookOver: number;
  /** The cycles whose mails this drain sent or tried (the scoped one always), as they stand at the end. */
  readonly cycles: readonly CycleMailCounts[];
  /** What is left in scope. */
  readonly backlog: OutboxBacklog;
  /** Set when the drain stopped because the server could not be reached (the mails wait for their retry). */
  readonly unavailable: string | null;
}

/** How many mails a drain claims at once, per connection: enough to keep each busy, few enough to leave the rest to other instances. */
const claimsPerConnection = 10;
/** Records of accepted mails written side by side (PostgreSQL's pool has ten connections; PGlite takes them in turn). */
const writesAtOnce = 4;
/** While waiting for another instance's mails (PostgreSQL), how often to look. */
const lookAgainMs = 1_000;

/**
 * Sends the outbox's due mails, each exactly once as far as any SMTP client
 * can: a mail is claimed (sending, held by this instance) before it is
 * handed to the server and recorded sent the moment the server accepts it. A
 * 4xx reply or a failed connection puts it back with back-off, a 5xx reply
 * fails it with the reason. A mail claimed by an instance that died is taken
 * over and sent again with its Message-ID: the server may have accepted it
 * in the instant before that instance could record it.
 */
export async function drainOutbox(
  dependencies: OutboxDrainDependencies,
  options: DrainOptions = {},
): Promise<DrainTally> {
  const { outbox, now } = dependencies;
  const scope: OutboxScope = { cycleId: options.cycleId, boardCode: options.boardCode };
  const progress = new ProgressReporter(outbox, options.onProgress, options.progressEveryMs ?? 250);
  if (options.cycleId !== undefined) await progress.report([options.cycleId]);
  const totals = { sent: 0, failed: 0, retried: 0, tookOver: 0 };
  let unavailable: string | null = null;
  for (;;) {
    const pass = await sendDuePass(dependencies, scope, progress, totals, options.signal);
    unavailable = pass.unavailable;
    if (!options.untilSettled || options.signal?.aborted) break;
    const backlog = await outbox.backlog(scope);
    if (backlog.pending === 0 && backlog.sendingElsewhere === 0) break;
    options.onWait?.(backlog);
    const dueIn = backlog.nextAttemptAt ? backlog.nextAttemptAt.getTime() - now().getTime() : lookAgainMs;
    const waitMs = unavailable
      ? // The server down: the other mails would fare no better now; look again when the first retry is due.
        (dependencies.retryDelaysMs[0] ?? 60_000)
      : Math.max(50, Math.min(dueIn, backlog.sendingElsewhere > 0 ? lookAgainMs : dueIn));
    await sleep(waitMs, undefined, options.signal ? { signal: options.signal } : {}).catch(() => {});
  }
  await progress.finish();
  return {
    ...totals,
    cycles: await outbox.counts(progress.cycles()),
    backlog: await outbox.backlog(scope),
    unavailable,
  };
}

/** One pass: the mails due now, `sender.parallel` at a time, until none is due or the server is unavailable. */
async function sendDuePass(
  dependencies: OutboxDrainDependencies,
  scope: OutboxScope,
  progress: ProgressReporter,
  totals: { sent: number; failed: number; retried: number; tookOver: number },
  signal: AbortSignal | undefined,
): Promise<{ readonly unavailable: string | null }> {
  const { outbox, sender, logger, now } = dependencies;
  const claimed = new ClaimedMails(outbox, scope, sender.parallel * claimsPerConnection, now);
  const recorder = new SentRecorder(outbox, (ms) => sleep(ms), writesAtOnce);
  let unavailable: string | null = null;
  const stop = () => {
    claimed
      .stop()
      .catch((error: unknown) => logger.error({ err: error }, 'claimed mails could not be given back'));
  };
  signal?.addEventListener('abort', stop, { once: true });

  const settle = async (mail: ClaimedMail, outcome: SendOutcome): Promise<void> => {
    progress.changed(mail.cycleId);
    if (outcome.kind === 'accepted') {
      recorder.record({ id: mail.id, smtpResponse: outcome.response, sentAt: now() });
      totals.sent += 1;
      return;
    }
    const problem = outcome.kind === 'unavailable' ? outcome.problem : outcome.reply;
    const fields = { mail: mail.id.toString(), cycleId: mail.cycleId, attempt: mail.attempts };
    const delay = dependencies.retryDelaysMs[mail.attempts - 1];
    if (outcome.kind === 'rejected' || delay === undefined) {
      const reason =
        outcome.kind === 'rejected'
          ? problem
          : `still not accepted after ${mail.attempts} attempts: ${problem}`;
      await outbox.recordFailed(mail.id, reason);
      totals.failed += 1;
      logger.warn({ ...fields, reply: smtpCode(problem) }, 'a mail failed for good');
      return;
    }
    await outbox.recordRetry(mail.id, problem, new Date(now().getTime() + delay));
    totals.retried += 1;
    logger.info({ ...fields, reply: smtpCode(problem), retryInMs: delay }, 'a mail will be tried again');
  };

  const worker = async (): Promise<void> => {
    for (let mail = await claimed.next(); mail; mail = await claimed.next()) {
      let outcome: SendOutcome;
      try {
        outcome = await sender.send(toOutgoing(mail), signal);
      } catch (error) {
        if (signal?.aborted) {
          // Never handed over: it goes back as it was.
          await outbox.release([mail.id]);
          return;
        }
        outcome = { kind: 'unavailable', problem: error instanceof Error ? error.message : String(error) };
      }
      await settle(mail, outcome);
      if (outcome.kind === 'unavailable' && unavailable === null) {
        unavailable = outcome.problem;
        logger.error(
          { problem: outcome.problem },
          'the mail server cannot be reached or refused us; the mails wait for their next attempt',
        );
        await claimed.stop();
      }
      if (recorder.failed) await claimed.stop();
    }
  };

  try {
    // Every sender finishes its mail before the pass ends, also when one of them failed.
    const ended = await Promise.allSettled(Array.from({ length: sender.parallel }, worker));
    for (const end of ended) if (end.status === 'rejected') throw end.reason;
  } finally {
    signal?.removeEventListener('abort', stop);
    await claimed.stop();
    totals.tookOver += claimed.tookOver;
    if (claimed.tookOver > 0) {
      logger.warn(
        { mails: claimed.tookOver },
        'took over mails an instance that died was sending (or this one let go of); the server may have accepted some already, so they went again with the same Message-ID',
      );
    }
    await recorder.flush();
  }
  return { unavailable };
}

function toOutgoing(mail: ClaimedMail) {
  return {
    to: mail.recipient,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    date: mail.createdAt,
  };
}

/** The reply's code for the log ("550 5.1.1"), never its text: that may quote the address. */
function smtpCode(reply: string): string {
  return /^\d{3}(?:[ -]\d\.\d{1,3}\.\d{1,3})?/.exec(reply)?.[0] ?? 'no reply';
}

/** Tells the caller how each touched cycle's mails stand, at most every `everyMs`. */
class ProgressReporter {
  private readonly touched = new Set<string>();
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private reporting: Promise<void> = Promise.resolve();

  constructor(
    private readonly outbox: MailOutbox,
    private readonly onProgress: ((counts: CycleMailCounts) => void) | undefined,
    private readonly everyMs: number,
  ) {}

  cycles(): string[] {
    return [...this.touched];
  }

  changed(cycleId: string): void {
    this.touched.add(cycleId);
    if (!this.onProgress) return;
    this.dirty.add(cycleId);
    this.timer ??= setTimeout(() => {
      this.timer = null;
      const cycles = [...this.dirty];
      this.dirty.clear();
      this.reporting = this.reporting.then(() => this.report(cycles));
    }, this.everyMs);
    this.timer.unref();
  }

  async report(cycleIds: readonly string[]): Promise<void> {
    for (const id of cycleIds) this.touched.add(id);
    if (!this.onProgress || cycleIds.length === 0) return;
    // Progress is for people watching; a failed count must not stop the mails.
    const counts = await this.outbox.counts(cycleIds).catch(() => []);
    for (const count of counts) this.onProgress(count);
  }

  async finish(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.dirty.clear();
    await this.reporting;
    await this.report([...this.touched]);
  }
}
