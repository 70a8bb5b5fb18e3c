import { CodedError } from '../../../shared/coded-error.js';
import type { IdentificationPeriod } from '../identification-period.js';

/**
 * A case in the records system (WorkZone at AAU), procedure step 6: a
 * student case per sent mail, titled `<CPR>, Frafaldstruet, <programme>`,
 * and a collective case per programme, titled `Identifikation af
 * frafaldstruede <forår|efterår> <year> for <programme>`.
 */
export type JournalCaseKind = 'student' | 'collective';

export interface JournalCaseMetadata {
  readonly cycleId: string;
  readonly board: { readonly code: string; readonly name: string };
  readonly programme: { readonly code: string; readonly name: string };
  readonly period: IdentificationPeriod & { readonly name: string };
  /** Student cases only. */
  readonly studentNumber: string | null;
}

/** A document of a case: a mail as RFC 822 (.eml) or a list as CSV. */
export interface JournalDocument {
  /** Unique within the case; never holds a CPR number. */
  readonly fileName: string;
  readonly mediaType: 'message/rfc822' | 'text/csv; charset=utf-8';
  /** What the document is, in Danish (the records system's language). */
  readonly description: string;
  readonly content: Uint8Array;
}

export interface JournalCase {
  /**
   * Stable within the cycle and free of personal data beyond a student
   * number: `student-S123456`, `collective-DAT-BSC`. The folder's directory
   * and the HTTP idempotency key are made from it, so filing a case twice
   * lands in the same place.
   */
  readonly caseKey: string;
  readonly kind: JournalCaseKind;
  /** A student case's title holds the CPR number: written to the records system and nowhere else. */
  readonly title: string;
  readonly metadata: JournalCaseMetadata;
  /** When the case was first registered for filing; the same on every attempt. */
  readonly createdAt: Date;
  readonly documents: readonly JournalDocument[];
}

/**
 * Where cases are filed. `file` either files the case (or finds it already
 * filed, an earlier attempt having got through) or throws a
 * JournalFilingError with the reason. Filing the same case twice must not
 * make two cases.
 */
export interface JournalAdapter {
  /** For logs and the operator: `folder` or `http`. */
  readonly kind: 'folder' | 'http';
  file(journalCase: JournalCase): Promise<void>;
}

/** Why a case could not be filed, as a code the chat message and the operator can act on. */
export const journalProblemCodes = [
  /** The student's CPR number is not stored (the export had none): a student case cannot be titled. */
  'cpr_missing',
  /** The CPR number is stored but cannot be read: no key (TRAFIKLYS_CPR_KEY) or another key. */
  'cpr_unreadable',
  /** The records system refused the case (HTTP 4xx other than 429). */
  'refused',
  /** The records system did not answer in time, or answered 5xx/429, after every retry. */
  'unreachable',
  /** The folder could not be written. */
  'write_failed',
  /** Trafiklys itself failed while building the case (the log has the error). */
  'internal',
] as const;

export type JournalProblemCode = (typeof journalProblemCodes)[number];

export class JournalFilingError extends CodedError {
  constructor(
    readonly problem: JournalProblemCode,
    /** Never a title or a CPR number: the adapter's words about what went wrong. */
    message: string,
  ) {
    super('journal.filing_failed', message);
    this.name = 'JournalFilingError';
  }
}
