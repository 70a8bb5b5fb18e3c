import type { IdentificationPeriod } from '../identification-period.js';
import type { AuditRecord, CycleRecord } from '../identification-store.js';
import type { ExcludableStudent, Exclusion } from './exclusion.js';

/** Where exclusions are kept (src/storage/prisma-exclusions.ts). */
export interface ExclusionStore {
  findCycle(boardCode: string, period: IdentificationPeriod): Promise<CycleRecord | null>;
  /** These students as the cycle holds them; a number not in the cycle is left out. */
  studentsOfCycle(cycleId: string, studentNumbers: readonly string[]): Promise<ExcludableStudent[]>;
  /**
   * Stores the exclusions and the audit events in one transaction, unless the
   * cycle was dispatched meanwhile (then nothing is stored and false comes
   * back). A student excluded already keeps her first exclusion.
   */
  addExclusions(
    cycleId: string,
    exclusions: readonly Exclusion[],
    audit: AuditRecord,
  ): Promise<{ readonly stored: boolean; readonly added: number }>;
  /** Removes them, with the audit event, in one transaction, unless the cycle was dispatched. */
  removeExclusions(
    cycleId: string,
    boardCode: string,
    period: IdentificationPeriod,
    studentNumbers: readonly string[],
    audit: AuditRecord,
  ): Promise<{ readonly stored: boolean; readonly removed: number }>;
  /** The period's exclusions for the board, in the order they were made. */
  exclusionsOf(boardCode: string, period: IdentificationPeriod): Promise<Exclusion[]>;
  recordAudit(event: AuditRecord): Promise<void>;
}
