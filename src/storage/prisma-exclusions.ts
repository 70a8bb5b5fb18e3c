import { z } from 'zod';
import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import {
  type ExcludableStudent,
  type ExcludedStudentSnapshot,
  type Exclusion,
  exclusionReasons,
} from '../procedures/at-risk/exclusions/exclusion.js';
import type { ExclusionStore } from '../procedures/at-risk/exclusions/exclusion-store.js';
import type { IdentificationPeriod } from '../procedures/at-risk/identification-period.js';
import type { AuditRecord, CycleRecord } from '../procedures/at-risk/identification-store.js';
import type { Category } from '../procedures/at-risk/traffic-light.js';
import { auditRow } from './audit-row.js';

interface StudentOfCycleRow {
  student_number: string;
  name: string;
  programme_code: string;
  programme_name: string;
  category: Category;
  ects_behind: Prisma.Decimal | number | string;
  delay_months: Prisma.Decimal | number | string;
  special_guidance: boolean;
  mandatory_contact: boolean;
  routing: 'own' | 'forwarded_out' | 'forwarded_in';
}

/** The snapshot as stored, read back through a schema: it is JSON in the database. */
const snapshotSchema = z.object({
  name: z.string(),
  programmeCode: z.string(),
  programmeName: z.string(),
  category: z.enum(['green', 'yellow', 'red', 'blue', 'out_of_scope']),
  ectsBehind: z.number(),
  delayMonths: z.number(),
  specialGuidance: z.boolean(),
  mandatoryContact: z.boolean(),
});

/**
 * The exclusion table. Adding or removing exclusions locks the cycle's row
 * first, so a dispatch (which locks it too, to mark it dispatched) and an
 * exclusion never cross: an exclusion either lands before the mails are
 * queued, or is refused.
 */
export class PrismaExclusions implements ExclusionStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly cycles: {
      findCycle(boardCode: string, period: IdentificationPeriod): Promise<CycleRecord | null>;
    },
  ) {}

  findCycle(boardCode: string, period: IdentificationPeriod): Promise<CycleRecord | null> {
    return this.cycles.findCycle(boardCode, period);
  }

  async studentsOfCycle(cycleId: string, studentNumbers: readonly string[]): Promise<ExcludableStudent[]> {
    const rows = await this.prisma.$queryRaw<StudentOfCycleRow[]>`
      SELECT s.student_number, s.name, s.programme_code, s.programme_name, r.category::text AS category,
             r.ects_behind, r.delay_months, r.special_guidance, r.mandatory_contact, r.routing::text AS routing
      FROM student_result r JOIN student s ON s.id = r.student_id
      WHERE r.cycle_id = ${cycleId}::uuid AND s.student_number = ANY(${[...studentNumbers]}::text[])
      ORDER BY s.student_number`;
    return rows.map((row) => ({
      studentNumber: row.student_number,
      name: row.name,
      programmeCode: row.programme_code,
      programmeName: row.programme_name,
      category: row.category,
      ectsBehind: Number(row.ects_behind),
      delayMonths: Number(row.delay_months),
      specialGuidance: row.special_guidance,
      mandatoryContact: row.mandatory_contact,
      followedUpHere: row.routing !== 'forwarded_out',
    }));
  }

  async addExclusions(
    cycleId: string,
    exclusions: readonly Exclusion[],
    audit: AuditRecord,
  ): Promise<{ readonly stored: boolean; readonly added: number }> {
    return this.prisma.$transaction(async (tx) => {
      if (!(await lockDraftCycle(tx, cycleId))) return { stored: false, added: 0 };
      const { count } = await tx.exclusion.createMany({
        data: exclusions.map((exclusion) => ({
          boardCode: exclusion.boardCode,
          term: exclusion.period.term,
          year: exclusion.period.year,
          studentNumber: exclusion.studentNumber,
          reason: exclusion.reason,
          note: exclusion.note,
          snapshot: { ...exclusion.snapshot },
          excludedBy: exclusion.excludedBy,
          excludedAt: exclusion.excludedAt,
        })),
        // A student excluded already keeps her first exclusion and its reason.
        skipDuplicates: true,
      });
      await tx.auditEvent.create({ data: auditRow(audit) });
      return { stored: true, added: count };
    });
  }

  async removeExclusions(
    cycleId: string,
    boardCode: string,
    period: IdentificationPeriod,
    studentNumbers: readonly string[],
    audit: AuditRecord,
  ): Promise<{ readonly stored: boolean; readonly removed: number }> {
    return this.prisma.$transaction(async (tx) => {
      if (!(await lockDraftCycle(tx, cycleId))) return { stored: false, removed: 0 };
      const { count } = await tx.exclusion.deleteMany({
        where: {
          boardCode,
          term: period.term,
          year: period.year,
          studentNumber: { in: [...studentNumbers] },
        },
      });
      await tx.auditEvent.create({ data: auditRow(audit) });
      return { stored: true, removed: count };
    });
  }

  async exclusionsOf(boardCode: string, period: IdentificationPeriod): Promise<Exclusion[]> {
    const rows = await this.prisma.exclusion.findMany({
      where: { boardCode, term: period.term, year: period.year },
      orderBy: [{ excludedAt: 'asc' }, { studentNumber: 'asc' }],
    });
    return rows.map((row) => ({
      boardCode: row.boardCode,
      period: { term: row.term, year: row.year },
      studentNumber: row.studentNumber,
      reason: z.enum(exclusionReasons).parse(row.reason),
      note: row.note,
      snapshot: snapshotSchema.parse(row.snapshot) satisfies ExcludedStudentSnapshot,
      excludedBy: row.excludedBy,
      excludedAt: row.excludedAt,
    }));
  }

  async recordAudit(event: AuditRecord): Promise<void> {
    await this.prisma.auditEvent.create({ data: auditRow(event) });
  }
}

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** Locks the cycle's row until the transaction ends; false when it is no longer a draft. */
async function lockDraftCycle(tx: Transaction, cycleId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM identification_cycle WHERE id = ${cycleId}::uuid FOR UPDATE`;
  return rows[0]?.status === 'draft';
}
