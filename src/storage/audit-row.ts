import type { AuditRecord } from '../procedures/at-risk/identification-store.js';

/** An audit record as an `audit_event` row (the details copied: JSON holds plain values only). */
export function auditRow(event: AuditRecord) {
  return {
    actor: event.actor,
    action: event.action,
    boardCode: event.boardCode,
    cycleId: event.cycleId,
    details: { ...event.details },
  };
}
