import { randomUUID } from 'node:crypto';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import type {
  ClaimedMail,
  CycleMailCounts,
  MailOutbox,
  MailStatus,
  OutboxBacklog,
  OutboxMailDraft,
  OutboxScope,
  SentMail,
} from '../mail/mail-outbox.js';
import type { AtRiskMailTemplate } from '../procedures/at-risk/dispatch/outbox-mail.js';
import { holderIsGone } from './instance-lease.js';

// A 2,000-student board's mails as a handful of statements, each well under
// PostgreSQL's 65,535 parameters (nine a row).
const rowsPerInsert = 500;

/**
 * The mails each holder (this process's instance id) has claimed and not yet
 * settled, for every PrismaMailOutbox of the process: a mail the process
 * still holds in the database but no longer in hand (a write that failed
 * when the database did) is claimed again once it is `strandedAfterMs` old,
 * instead of waiting for a restart.
 */
const mailsInHand = new Map<string, Set<bigint>>();
/** Longer than a mail can wait in a drain's hands (a claimed batch under a slow send rate, a socket timeout). */
const strandedAfterMs = 15 * 60_000;

/** A mail as `outbox` lists it for the operator: no CPR, no content. */
export interface OutboxListing {
  readonly boardCode: string;
  readonly term: 'spring' | 'autumn';
  readonly year: number;
  readonly cycleId: string;
  readonly studentNumber: string;
  readonly recipient: string;
  readonly template: AtRiskMailTemplate;
  readonly status: MailStatus;
  readonly attempts: number;
  readonly nextAttemptAt: Date;
  readonly problem: string | null;
}

export interface OutboxStateCount {
  readonly boardCode: string;
  readonly term: 'spring' | 'autumn';
  readonly year: number;
  readonly cycleId: string;
  readonly status: MailStatus;
  readonly count: number;
}

interface ClaimedRow {
  id: bigint;
  cycle_id: string;
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
  message_id: string;
  created_at: Date;
  attempts: number;
  was: MailStatus;
}

/**
 * The mail_outbox table. A mail is claimed by setting it `sending` with this
 * instance as holder (see InstanceLease); if the instance dies, the claim ends
 * with its lease and another instance takes the mail over.
 */
export class PrismaMailOutbox implements MailOutbox<AtRiskMailTemplate> {
  private readonly inHand: Set<bigint>;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly holder: string,
  ) {
    this.inHand = mailsInHand.get(holder) ?? new Set();
    mailsInHand.set(holder, this.inHand);
  }

  async enqueue(
    drafts: readonly OutboxMailDraft<AtRiskMailTemplate>[],
    options: { readonly messageIdDomain: string; readonly now: Date },
  ): Promise<number> {
    if (drafts.length === 0) return 0;
    return this.prisma.$transaction(async (tx) => {
      let added = 0;
      for (let start = 0; start < drafts.length; start += rowsPerInsert) {
        const rows = drafts.slice(start, start + rowsPerInsert).map(
          (draft) => Prisma.sql`(
            ${draft.cycleId}::uuid, ${draft.studentId}::uuid, ${draft.template}::mail_template,
            ${draft.recipient}, ${draft.language}::teaching_language, ${draft.subject}, ${draft.text},
            ${draft.html}, ${`<${randomUUID()}@${options.messageIdDomain}>`}, ${options.now}, ${options.now})`,
        );
        added += await tx.$executeRaw`
          INSERT INTO mail_outbox (cycle_id, student_id, template, recipient, language, subject, text_body,
                                   html_body, message_id, created_at, next_attempt_at)
          VALUES ${Prisma.join(rows)}
          ON CONFLICT (cycle_id, student_id, template) DO NOTHING`;
      }
      return added;
    });
  }

  async claimDue(scope: OutboxScope, limit: number, now: Date): Promise<ClaimedMail[]> {
    const inHand = [...this.inHand];
    const notInHand = inHand.length === 0 ? Prisma.empty : Prisma.sql`AND id NOT IN (${Prisma.join(inHand)})`;
    const strandedBefore = new Date(now.getTime() - strandedAfterMs);
    // SKIP LOCKED: instances claiming at the same moment take different mails instead of queueing.
    const rows = await this.prisma.$queryRaw<ClaimedRow[]>`
      UPDATE mail_outbox AS mail
      SET status = 'sending', holder = ${this.holder}, attempts = mail.attempts + 1, claimed_at = ${now}
      FROM (
        SELECT id, status AS was FROM mail_outbox
        WHERE ((status = 'pending' AND next_attempt_at <= ${now})
               OR (status = 'sending' AND ${holderIsGone(Prisma.raw('mail_outbox.holder'))})
               OR (status = 'sending' AND holder = ${this.holder} AND claimed_at < ${strandedBefore} ${notInHand}))
          ${cycleFilter(scope)}
        ORDER BY id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ) AS due
      WHERE mail.id = due.id
      RETURNING mail.id, mail.cycle_id, mail.recipient, mail.subject, mail.text_body, mail.html_body,
                mail.message_id, mail.created_at, mail.attempts, due.was`;
    for (const row of rows) this.inHand.add(row.id);
    return rows
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map((row) => ({
        id: row.id,
        cycleId: row.cycle_id,
        recipient: row.recipient,
        subject: row.subject,
        text: row.text_body,
        html: row.html_body,
        messageId: row.message_id,
        createdAt: row.created_at,
        attempts: row.attempts,
        // Another instance's, or one this process let go of: either way it may have been accepted already.
        takenOver: row.was === 'sending',
      }));
  }

  async recordSent(mails: readonly SentMail[]): Promise<void> {
    if (mails.length === 0) return;
    await this.settling(
      mails.map((mail) => mail.id),
      () => this.writeSent(mails),
    );
  }

  private async writeSent(mails: readonly SentMail[]): Promise<void> {
    const values = mails.map(
      (mail) => Prisma.sql`(${mail.id}::bigint, ${mail.smtpResponse}, ${mail.sentAt}::timestamptz)`,
    );
    // Whoever holds it now: the server accepted it, so it is sent (an instance
    // that took it over from this one while it was frozen may be resending it).
    await this.prisma.$executeRaw`
      UPDATE mail_outbox AS mail
      SET status = 'sent', holder = NULL, smtp_response = accepted.response, sent_at = accepted.sent_at,
          problem = NULL
      FROM (VALUES ${Prisma.join(values)}) AS accepted (id, response, sent_at)
      WHERE mail.id = accepted.id AND mail.status <> 'sent'`;
  }

  async recordRetry(id: bigint, problem: string, nextAttemptAt: Date): Promise<void> {
    await this.settling(
      [id],
      () => this.prisma.$executeRaw`
      UPDATE mail_outbox SET status = 'pending', holder = NULL, problem = ${problem},
                             next_attempt_at = ${nextAttemptAt}
      WHERE id = ${id} AND status = 'sending' AND holder = ${this.holder}`,
    );
  }

  async recordFailed(id: bigint, problem: string): Promise<void> {
    await this.settling(
      [id],
      () => this.prisma.$executeRaw`
      UPDATE mail_outbox SET status = 'failed', holder = NULL, problem = ${problem}
      WHERE id = ${id} AND status = 'sending' AND holder = ${this.holder}`,
    );
  }

  async release(ids: readonly bigint[]): Promise<void> {
    if (ids.length === 0) return;
    await this.settling(
      ids,
      () => this.prisma.$executeRaw`
      UPDATE mail_outbox SET status = 'pending', holder = NULL, attempts = attempts - 1
      WHERE id IN (${Prisma.join(ids)}) AND status = 'sending' AND holder = ${this.holder}`,
    );
  }

  /**
   * The mails are out of this process's hands once the write is tried,
   * whether it succeeds or not: one that failed stays claimed in the
   * database and is taken up again once stranded.
   */
  private async settling(ids: readonly bigint[], write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } finally {
      for (const id of ids) this.inHand.delete(id);
    }
  }

  async counts(cycleIds: readonly string[]): Promise<CycleMailCounts[]> {
    if (cycleIds.length === 0) return [];
    const rows = await this.prisma.$queryRaw<{ cycle_id: string; status: MailStatus; count: bigint }[]>`
      SELECT cycle_id, status, count(*) AS count FROM mail_outbox
      WHERE cycle_id IN (${Prisma.join(cycleIds.map((id) => Prisma.sql`${id}::uuid`))})
      GROUP BY cycle_id, status`;
    return cycleIds.map((cycleId) => {
      const of = (...statuses: MailStatus[]) =>
        rows
          .filter((row) => row.cycle_id === cycleId && statuses.includes(row.status))
          .reduce((sum, row) => sum + Number(row.count), 0);
      return { cycleId, sent: of('sent'), failed: of('failed'), pending: of('pending', 'sending') };
    });
  }

  async backlog(scope: OutboxScope): Promise<OutboxBacklog> {
    const rows = await this.prisma.$queryRaw<
      { pending: bigint; next_attempt_at: Date | null; sending_elsewhere: bigint }[]
    >`
      SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
             min(next_attempt_at) FILTER (WHERE status = 'pending') AS next_attempt_at,
             count(*) FILTER (WHERE status = 'sending' AND holder <> ${this.holder}) AS sending_elsewhere
      FROM mail_outbox
      WHERE status IN ('pending', 'sending') ${cycleFilter(scope)}`;
    const row = rows[0];
    return {
      pending: Number(row?.pending ?? 0),
      nextAttemptAt: row?.next_attempt_at ?? null,
      sendingElsewhere: Number(row?.sending_elsewhere ?? 0),
    };
  }

  /** Each cycle's mails by state, newest period first, for the operator (`trafiklys outbox`). */
  async stateCounts(filter: { readonly boardCode?: string | undefined }): Promise<OutboxStateCount[]> {
    const rows = await this.prisma.$queryRaw<
      {
        board_code: string;
        term: 'spring' | 'autumn';
        year: number;
        cycle_id: string;
        status: MailStatus;
        count: bigint;
      }[]
    >`
      SELECT cycle.board_code, cycle.term, cycle.year, mail.cycle_id, mail.status, count(*) AS count
      FROM mail_outbox AS mail JOIN identification_cycle AS cycle ON cycle.id = mail.cycle_id
      ${filter.boardCode === undefined ? Prisma.empty : Prisma.sql`WHERE cycle.board_code = ${filter.boardCode}`}
      GROUP BY cycle.board_code, cycle.term, cycle.year, mail.cycle_id, mail.status
      ORDER BY cycle.board_code, cycle.year DESC, cycle.term DESC, mail.status`;
    return rows.map((row) => ({
      boardCode: row.board_code,
      term: row.term,
      year: row.year,
      cycleId: row.cycle_id,
      status: row.status,
      count: Number(row.count),
    }));
  }

  /** The mails in these states, with the reason of the last refusal, for the operator. */
  async listing(filter: {
    readonly boardCode?: string | undefined;
    readonly statuses: readonly MailStatus[];
  }): Promise<OutboxListing[]> {
    const mails = await this.prisma.mailOutbox.findMany({
      where: {
        status: { in: [...filter.statuses] },
        ...(filter.boardCode === undefined ? {} : { cycle: { boardCode: filter.boardCode } }),
      },
      select: {
        cycleId: true,
        recipient: true,
        template: true,
        status: true,
        attempts: true,
        nextAttemptAt: true,
        problem: true,
        cycle: { select: { boardCode: true, term: true, year: true } },
        student: { select: { studentNumber: true } },
      },
      orderBy: [{ cycle: { boardCode: 'asc' } }, { id: 'asc' }],
    });
    return mails.map((mail) => ({
      boardCode: mail.cycle.boardCode,
      term: mail.cycle.term,
      year: mail.cycle.year,
      cycleId: mail.cycleId,
      studentNumber: mail.student.studentNumber,
      recipient: mail.recipient,
      template: mail.template,
      status: mail.status,
      attempts: mail.attempts,
      nextAttemptAt: mail.nextAttemptAt,
      problem: mail.problem,
    }));
  }
}

function cycleFilter(scope: OutboxScope): Prisma.Sql {
  return Prisma.sql`${scope.cycleId === undefined ? Prisma.empty : Prisma.sql`AND cycle_id = ${scope.cycleId}::uuid`}
    ${
      scope.boardCode === undefined
        ? Prisma.empty
        : Prisma.sql`AND cycle_id IN (SELECT id FROM identification_cycle WHERE board_code = ${scope.boardCode})`
    }`;
}
