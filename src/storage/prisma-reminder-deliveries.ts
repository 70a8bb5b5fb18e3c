import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import type { IdentificationPeriod } from '../procedures/at-risk/identification-period.js';
import type {
  DeliveryKey,
  DeliveryRecord,
  ReminderDeliveries,
  ReminderKind,
} from '../procedures/at-risk/reminder/reminder-deliveries.js';
import { type PostedMessage, type SurfaceName, surfaceNames } from '../surfaces/chat-surface.js';
import { holderIsGone } from './instance-lease.js';

type DeliveryRow = Prisma.ReminderDeliveryGetPayload<object>;

/**
 * The reminder_delivery table; its unique key is the claim, held by `holder`
 * (this instance, see InstanceLease) until the post is recorded.
 */
export class PrismaReminderDeliveries implements ReminderDeliveries {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly holder: string,
  ) {}

  async claim(key: DeliveryKey, kind: ReminderKind, now: Date): Promise<DeliveryRecord | null> {
    const inserted = await this.prisma.$executeRaw`
      INSERT INTO reminder_delivery (board_code, term, year, surface, recipient, kind, status, holder, message_ids, claimed_at)
      VALUES (${key.boardCode}, ${key.period.term}::term, ${key.period.year}, ${key.surface}, ${key.recipient},
              ${kind}, 'claimed', ${this.holder}, '{}', ${now})
      ON CONFLICT (board_code, term, year, surface, recipient) DO NOTHING`;
    if (inserted === 1) return null;
    const row = await this.prisma.reminderDelivery.findUniqueOrThrow({ where: { key: uniqueKey(key) } });
    return recordOf(row);
  }

  async reclaimFromGoneHolder(key: DeliveryKey, kind: ReminderKind, now: Date): Promise<boolean> {
    const taken = await this.prisma.$executeRaw`
      UPDATE reminder_delivery SET kind = ${kind}, holder = ${this.holder}, claimed_at = ${now}
      WHERE board_code = ${key.boardCode} AND term = ${key.period.term}::term AND year = ${key.period.year}
        AND surface = ${key.surface} AND recipient = ${key.recipient}
        AND status = 'claimed' AND ${holderIsGone(Prisma.raw('reminder_delivery.holder'))}`;
    return taken === 1;
  }

  async reclaimFailed(key: DeliveryKey, kind: ReminderKind, now: Date): Promise<boolean> {
    const { count } = await this.prisma.reminderDelivery.updateMany({
      where: { ...uniqueKey(key), status: { in: ['failed', 'unreachable'] } },
      data: { kind, status: 'claimed', holder: this.holder, claimedAt: now, problem: null },
    });
    return count === 1;
  }

  async recordPosted(
    key: DeliveryKey,
    kind: ReminderKind,
    posted: PostedMessage,
    contentHash: string,
    now: Date,
  ): Promise<void> {
    await this.prisma.reminderDelivery.update({
      where: { key: uniqueKey(key) },
      data: {
        kind,
        status: 'posted',
        conversationId: posted.conversationId,
        messageIds: [...posted.messageIds],
        separateImageIds: [...(posted.separateImageIds ?? [])],
        contentHash,
        postedAt: now,
        problem: null,
      },
    });
  }

  async recordUpdated(
    key: DeliveryKey,
    kind: ReminderKind,
    posted: PostedMessage,
    contentHash: string,
    now: Date,
  ): Promise<void> {
    await this.prisma.reminderDelivery.update({
      where: { key: uniqueKey(key) },
      data: {
        kind,
        conversationId: posted.conversationId,
        messageIds: [...posted.messageIds],
        separateImageIds: [...(posted.separateImageIds ?? [])],
        contentHash,
        updatedAt: now,
      },
    });
  }

  async recordProblem(key: DeliveryKey, status: 'failed' | 'unreachable', problem: string): Promise<void> {
    await this.prisma.reminderDelivery.update({ where: { key: uniqueKey(key) }, data: { status, problem } });
  }

  async forPeriod(boardCode: string, period: IdentificationPeriod) {
    const rows = await this.prisma.reminderDelivery.findMany({
      where: { boardCode, term: period.term, year: period.year },
      orderBy: { id: 'asc' },
    });
    return rows.map((row) => ({
      ...recordOf(row),
      key: { boardCode, period, surface: surfaceOf(row.surface), recipient: row.recipient },
    }));
  }
}

function uniqueKey(key: DeliveryKey) {
  return {
    boardCode: key.boardCode,
    term: key.period.term,
    year: key.period.year,
    surface: key.surface,
    recipient: key.recipient,
  };
}

function recordOf(row: DeliveryRow): DeliveryRecord {
  const surface = surfaceOf(row.surface);
  return {
    kind: row.kind === 'upload_request' ? 'upload_request' : 'summary',
    status: statusOf(row.status),
    posted:
      row.status === 'posted' && row.conversationId
        ? {
            surface,
            conversationId: row.conversationId,
            messageIds: row.messageIds,
            ...(row.separateImageIds.length > 0 ? { separateImageIds: row.separateImageIds } : {}),
          }
        : null,
    contentHash: row.contentHash,
    claimedAt: row.claimedAt,
    problem: row.problem,
  };
}

function surfaceOf(value: string): SurfaceName {
  const surface = surfaceNames.find((name) => name === value);
  if (!surface) throw new Error(`reminder_delivery holds an unknown surface "${value}"`);
  return surface;
}

function statusOf(value: string): DeliveryRecord['status'] {
  if (value === 'claimed' || value === 'posted' || value === 'failed' || value === 'unreachable')
    return value;
  throw new Error(`reminder_delivery holds an unknown status "${value}"`);
}
