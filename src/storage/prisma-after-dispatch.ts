import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import type {
  AfterDispatchPostKey,
  AfterDispatchPostRecord,
  AfterDispatchPosts,
  AfterDispatchReading,
} from '../procedures/at-risk/after-dispatch/after-dispatch-store.js';
import type { JournalStudent, SentMail } from '../procedures/at-risk/journal/journal-input.js';
import { trafficLights } from '../procedures/at-risk/traffic-light.js';
import { holderIsGone } from './instance-lease.js';

/** The cycle's students, mails and follow-up figures, read for the journal and the board-meeting pack. */
export class PrismaAfterDispatchReading implements AfterDispatchReading {
  constructor(private readonly prisma: PrismaClient) {}

  async boardCodeOf(cycleId: string): Promise<string | null> {
    const cycle = await this.prisma.identificationCycle.findUnique({
      where: { id: cycleId },
      select: { boardCode: true },
    });
    return cycle?.boardCode ?? null;
  }

  async journalStudents(cycleId: string): Promise<JournalStudent[]> {
    const results = await this.prisma.studentResult.findMany({
      where: { cycleId },
      include: { student: true },
      orderBy: { student: { studentNumber: 'asc' } },
    });
    return results.map(({ student, ...result }) => ({
      studentNumber: student.studentNumber,
      name: student.name,
      programmeCode: student.programmeCode,
      programmeName: student.programmeName,
      category: categoryOf(result.category),
      ectsBehind: result.ectsBehind.toNumber(),
      delayMonths: result.delayMonths.toNumber(),
      specialGuidance: result.specialGuidance,
      mandatoryContact: result.mandatoryContact,
      cprEncrypted: student.cprEncrypted ? new Uint8Array(student.cprEncrypted) : null,
    }));
  }

  async sentMails(cycleId: string, from: string): Promise<SentMail[]> {
    const mails = await this.prisma.mailOutbox.findMany({
      where: { cycleId, status: 'sent' },
      include: { student: { select: { studentNumber: true } } },
      orderBy: { id: 'asc' },
    });
    return mails.map((mail) => ({
      studentNumber: mail.student.studentNumber,
      from,
      to: mail.recipient,
      subject: mail.subject,
      text: mail.textBody,
      html: mail.htmlBody,
      messageId: mail.messageId,
      // Sent rows always carry it; the creation time stands in for a row written by hand without one.
      sentAt: mail.sentAt ?? mail.createdAt,
      template: mail.template,
      language: mail.language,
    }));
  }

  async followUp(cycleId: string, excludedStudentNumbers: readonly string[]) {
    const excluded =
      excludedStudentNumbers.length === 0
        ? Prisma.sql`FALSE`
        : Prisma.sql`s.student_number IN (${Prisma.join(excludedStudentNumbers)})`;
    const rows = await this.prisma.$queryRaw<
      { without_email: bigint; special_guidance: bigint; mandatory_contact: bigint }[]
    >`
      SELECT count(*) FILTER (WHERE s.email IS NULL AND NOT (${excluded})) AS without_email,
             count(*) FILTER (WHERE r.special_guidance) AS special_guidance,
             count(*) FILTER (WHERE r.mandatory_contact) AS mandatory_contact
      FROM student_result r JOIN student s ON s.id = r.student_id
      WHERE r.cycle_id = ${cycleId}::uuid AND r.routing <> 'forwarded_out'
        AND r.category IN ('yellow', 'red')`;
    const row = rows[0];
    return {
      withoutEmail: Number(row?.without_email ?? 0),
      specialGuidance: Number(row?.special_guidance ?? 0),
      mandatoryContact: Number(row?.mandatory_contact ?? 0),
    };
  }
}

/**
 * The after_dispatch_post table: its key (cycle, surface, kind) is the
 * claim, held by `holder` (this instance, see InstanceLease) until the post
 * is recorded.
 */
export class PrismaAfterDispatchPosts implements AfterDispatchPosts {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly holder: string,
  ) {}

  async claim(key: AfterDispatchPostKey, now: Date): Promise<AfterDispatchPostRecord | null> {
    const inserted = await this.prisma.$executeRaw`
      INSERT INTO after_dispatch_post (cycle_id, surface, kind, status, holder, message_ids, claimed_at)
      VALUES (${key.cycleId}::uuid, ${key.surface}, ${key.kind}, 'claimed', ${this.holder}, '{}', ${now})
      ON CONFLICT (cycle_id, surface, kind) DO NOTHING`;
    if (inserted === 1) return null;
    const row = await this.prisma.afterDispatchPost.findUniqueOrThrow({
      where: { cycleId_surface_kind: key },
    });
    const status = row.status === 'posted' ? 'posted' : row.status === 'failed' ? 'failed' : 'claimed';
    return {
      status,
      posted:
        status === 'posted' && row.conversationId
          ? { surface: key.surface, conversationId: row.conversationId, messageIds: row.messageIds }
          : null,
    };
  }

  async reclaimFromGoneHolder(key: AfterDispatchPostKey, now: Date): Promise<boolean> {
    const taken = await this.prisma.$executeRaw`
      UPDATE after_dispatch_post SET holder = ${this.holder}, claimed_at = ${now}
      WHERE cycle_id = ${key.cycleId}::uuid AND surface = ${key.surface} AND kind = ${key.kind}
        AND status = 'claimed' AND ${holderIsGone(Prisma.raw('after_dispatch_post.holder'))}`;
    return taken === 1;
  }

  async reclaimFailed(key: AfterDispatchPostKey, now: Date): Promise<boolean> {
    const { count } = await this.prisma.afterDispatchPost.updateMany({
      where: { ...key, status: 'failed' },
      data: { status: 'claimed', holder: this.holder, claimedAt: now, problem: null },
    });
    return count === 1;
  }

  async recordPosted(
    key: AfterDispatchPostKey,
    posted: { readonly conversationId: string; readonly messageIds: readonly string[] },
    now: Date,
  ): Promise<void> {
    await this.prisma.afterDispatchPost.update({
      where: { cycleId_surface_kind: key },
      data: {
        status: 'posted',
        holder: null,
        conversationId: posted.conversationId,
        messageIds: [...posted.messageIds],
        postedAt: now,
        problem: null,
      },
    });
  }

  async recordFailed(key: AfterDispatchPostKey, problem: string): Promise<void> {
    await this.prisma.afterDispatchPost.update({
      where: { cycleId_surface_kind: key },
      data: { status: 'failed', holder: null, problem: problem.slice(0, 500) },
    });
  }
}

function categoryOf(value: string): JournalStudent['category'] {
  if (value === 'out_of_scope') return value;
  const category = trafficLights.find((light) => light === value);
  if (!category) throw new Error(`unknown category in student_result: ${value}`);
  return category;
}
