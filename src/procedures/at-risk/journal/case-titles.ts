import type { CprCipher } from '../../../security/cpr-cipher.js';
import { cprDigitsOf } from '../../../security/cpr-shape.js';
import { danishTermName, type IdentificationPeriod } from '../identification-period.js';
import { JournalFilingError } from './journal-case.js';

/**
 * The case titles the procedure prescribes (step 6), word for word. The
 * records system is Danish, so the titles are too, whatever the board's
 * language.
 */

/** `Identifikation af frafaldstruede forår 2026 for Datalogi` */
export function collectiveCaseTitle(period: IdentificationPeriod, programmeName: string): string {
  return `Identifikation af frafaldstruede ${danishTermName(period.term)} ${period.year} for ${programmeName}`;
}

/**
 * `010203-1234, Frafaldstruet, Datalogi`. The CPR number is opened here, at
 * the moment the case is filed, and lives only in the returned title: it is
 * never stored, logged or put in an error (a failure says which student by
 * number only, through the case key).
 */
export function studentCaseTitle(params: {
  readonly cprEncrypted: Uint8Array | null;
  readonly studentNumber: string;
  readonly programmeName: string;
  readonly cipher: CprCipher | null;
}): string {
  const { cprEncrypted, studentNumber, programmeName, cipher } = params;
  if (cprEncrypted === null) {
    throw new JournalFilingError(
      'cpr_missing',
      'no CPR number is stored for this student (the export had none), so the student case cannot be titled',
    );
  }
  if (cipher === null) {
    throw new JournalFilingError(
      'cpr_unreadable',
      'the CPR number is stored encrypted, but TRAFIKLYS_CPR_KEY is not set, so the student case cannot be titled',
    );
  }
  let opened: string;
  try {
    opened = cipher.decrypt(cprEncrypted, studentNumber);
  } catch {
    // The cipher's own error says nothing personal, but nothing is gained by passing it on.
    throw new JournalFilingError(
      'cpr_unreadable',
      'the stored CPR number cannot be decrypted with TRAFIKLYS_CPR_KEY (another key than the one it was stored under?)',
    );
  }
  const digits = cprDigitsOf(opened);
  if (digits === null) {
    throw new JournalFilingError('cpr_unreadable', 'the stored CPR number is not of the form DDMMYY-XXXX');
  }
  return `${digits.slice(0, 6)}-${digits.slice(6)}, Frafaldstruet, ${programmeName}`;
}
