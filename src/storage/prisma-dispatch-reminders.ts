import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import type {
  DispatchReminderKey,
  DispatchReminders,
  UndispatchedCycle,
} from '../procedures/at-risk/dispatch/dispatch-reminders.js';
import { holderIsGone } from './instance-lease.js';

interface UndispatchedRow {
  cycle_id: string;
  board_code: string;
  term: 'spring' | 'autumn';
  year: number;
  reminded_at: Date;
  red_count: number;
  yellow_count: number;
}

/** The dispatch_reminder table; its primary key is the claim, held by `holder` (see InstanceLease) until posted. */
export class PrismaDispatchReminders implements DispatchReminders {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly holder: string,
  ) {}

  async undispatched(postedBy: Date): Promise<UndispatchedCycle[]> {
    const rows = await this.prisma.$queryRaw<UndispatchedRow[]>`
      SELECT c.id::text AS cycle_id, c.board_code, c.term::text AS term, c.year,
             min(d.posted_at) AS reminded_at, c.red_count, c.yellow_count
      FROM identification_cycle c
      JOIN reminder_delivery d ON d.board_code = c.board_code AND d.term = c.term AND d.year = c.year
      WHERE c.status = 'draft' AND d.recipient = 'channel' AND d.status = 'posted' AND d.posted_at IS NOT NULL
      GROUP BY c.id, c.board_code, c.term, c.year, c.red_count, c.yellow_count
      HAVING min(d.posted_at) <= ${postedBy}
      ORDER BY c.board_code, c.year, c.term`;
    return rows.map((row) => ({
      cycleId: row.cycle_id,
      boardCode: row.board_code,
      period: { term: row.term, year: Number(row.year) },
      remindedAt: row.reminded_at,
      red: Number(row.red_count),
      yellow: Number(row.yellow_count),
    }));
  }

  async claim(key: DispatchReminderKey, now: Date): Promise<boolean> {
    const inserted = await this.prisma.$executeRaw`
      INSERT INTO dispatch_reminder (cycle_id, stage, surface, recipient, status, holder, claimed_at)
      VALUES (${key.cycleId}::uuid, ${key.stage}, ${key.surface}, ${key.recipient}, 'claimed', ${this.holder}, ${now})
      ON CONFLICT (cycle_id, stage, surface, recipient) DO NOTHING`;
    if (inserted === 1) return true;
    // A failed message is tried again; one whose instance died before recording it is taken over.
    const taken = await this.prisma.$executeRaw`
      UPDATE dispatch_reminder SET status = 'claimed', holder = ${this.holder}, claimed_at = ${now}, problem = NULL
      WHERE cycle_id = ${key.cycleId}::uuid AND stage = ${key.stage} AND surface = ${key.surface}
        AND recipient = ${key.recipient}
        AND (status = 'failed' OR (status = 'claimed' AND ${holderIsGone(Prisma.raw('dispatch_reminder.holder'))}))`;
    return taken === 1;
  }

  async recordPosted(key: DispatchReminderKey, now: Date): Promise<void> {
    await this.prisma.dispatchReminder.update({
      where: { cycleId_stage_surface_recipient: key },
      data: { status: 'posted', postedAt: now, holder: null, problem: null },
    });
  }

  async recordFailed(key: DispatchReminderKey, problem: string): Promise<void> {
    await this.prisma.dispatchReminder.update({
      where: { cycleId_stage_surface_recipient: key },
      data: { status: 'failed', holder: null, problem: problem.slice(0, 500) },
    });
  }
}
