import type { IdentificationPeriod } from '../identification-period.js';
import type { AuditRecord, CycleRecord } from '../identification-store.js';

/** A student the board's dispatch mails (red or yellow, followed up by this board). No CPR number. */
export interface DispatchRecipient {
  readonly studentId: string;
  readonly studentNumber: string;
  readonly name: string;
  /** null: the export had no address ("no e-mail"): followed up by hand. */
  readonly email: string | null;
  readonly language: 'da' | 'en';
  readonly category: 'red' | 'yellow';
  readonly programmeName: string;
  readonly ectsBehind: number;
  readonly delayMonths: number;
  readonly mandatoryContact: boolean;
}

/** Where a dispatch reads its recipients and marks its cycle (src/storage/prisma-dispatch.ts). */
export interface DispatchStore {
  findCycle(boardCode: string, period: IdentificationPeriod): Promise<CycleRecord | null>;
  /** The cycle's red and yellow students this board follows up (own and received side-subject students). */
  recipientsOf(cycleId: string): Promise<DispatchRecipient[]>;
  /**
   * Marks the cycle dispatched, with the audit event, in one transaction
   * that locks its row (exclusions lock it too: none lands after this).
   * False when it was dispatched already.
   */
  markDispatched(cycleId: string, audit: AuditRecord, now: Date): Promise<boolean>;
  recordAudit(event: AuditRecord): Promise<void>;
}
