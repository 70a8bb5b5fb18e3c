import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { DispatchRecipient, DispatchStore } from '../procedures/at-risk/dispatch/dispatch-store.js';
import type { IdentificationPeriod } from '../procedures/at-risk/identification-period.js';
import type { AuditRecord, CycleRecord } from '../procedures/at-risk/identification-store.js';
import { auditRow } from './audit-row.js';

interface RecipientRow {
  student_id: string;
  student_number: string;
  name: string;
  email: string | null;
  language: 'da' | 'en';
  category: 'red' | 'yellow';
  programme_name: string;
  ects_behind: Prisma.Decimal | number | string;
  delay_months: Prisma.Decimal | number | string;
  mandatory_contact: boolean;
}

/** A cycle's recipients and its move to dispatched. */
export class PrismaDispatch implements DispatchStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cycles: {
      findCycle(boardCode: string, period: IdentificationPeriod): Promise<CycleRecord | null>;
    },
  ) {}

  findCycle(boardCode: string, period: IdentificationPeriod): Promise<CycleRecord | null> {
    return this.cycles.findCycle(boardCode, period);
  }

  async recipientsOf(cycleId: string): Promise<DispatchRecipient[]> {
    // The home board leaves its side-subject students out: their side-subject board mails them (spec "side subjects").
    const rows = await this.prisma.$queryRaw<RecipientRow[]>`
      SELECT s.id::text AS student_id, s.student_number, s.name, s.email, s.language::text AS language,
             r.category::text AS category, s.programme_name, r.ects_behind, r.delay_months, r.mandatory_contact
      FROM student_result r JOIN student s ON s.id = r.student_id
      WHERE r.cycle_id = ${cycleId}::uuid AND r.category IN ('red', 'yellow') AND r.routing <> 'forwarded_out'
      ORDER BY r.category DESC, s.student_number`;
    return rows.map((row) => ({
      studentId: row.student_id,
      studentNumber: row.student_number,
      name: row.name,
      email: row.email,
      language: row.language,
      category: row.category,
      programmeName: row.programme_name,
      ectsBehind: Number(row.ects_behind),
      delayMonths: Number(row.delay_months),
      mandatoryContact: row.mandatory_contact,
    }));
  }

  async markDispatched(cycleId: string, audit: AuditRecord, now: Date): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const marked = await tx.$executeRaw`
        UPDATE identification_cycle SET status = 'dispatched', mails_sent_at = ${now}
        WHERE id = ${cycleId}::uuid AND status = 'draft'`;
      if (marked !== 1) return false;
      await tx.auditEvent.create({ data: auditRow(audit) });
      return true;
    });
  }

  async recordAudit(event: AuditRecord): Promise<void> {
    await this.prisma.auditEvent.create({ data: auditRow(event) });
  }
}
