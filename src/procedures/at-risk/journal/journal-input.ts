import type { Language } from '../../../i18n/languages.js';
import type { ExclusionReason } from '../exclusions/exclusion.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { Category } from '../traffic-light.js';

/**
 * What journalising a cycle needs, as plain objects: the caller maps its
 * stored cycle, students, exclusions and outbox rows into these. Nothing here
 * holds a CPR number in clear text; a student's is sealed (cpr-cipher.ts) and
 * opened only for the moment a student case's title is written.
 */

/** The board's identification cycle being journalised. */
export interface JournalCycle {
  readonly id: string;
  readonly boardCode: string;
  /** The board's name in Danish, the records system's language. */
  readonly boardName: string;
  readonly period: IdentificationPeriod;
}

/** One row of the identification list, as the collective case holds it. */
export interface JournalStudent {
  readonly studentNumber: string;
  readonly name: string;
  readonly programmeCode: string;
  /** The programme as the case titles name it: `… for Datalogi`. */
  readonly programmeName: string;
  readonly category: Category;
  readonly ectsBehind: number;
  readonly delayMonths: number;
  /** § 31 stk. 1: delayed more than 6 months, a right to special guidance. */
  readonly specialGuidance: boolean;
  /** § 31 stk. 2: delayed more than 12 months, the university must offer a meeting. */
  readonly mandatoryContact: boolean;
  /** AES-256-GCM sealed CPR (bound to the student number); null when the export had none. */
  readonly cprEncrypted: Uint8Array | null;
}

/** A student the chair sorted out, with the reason (procedure step 3). */
export interface JournalExclusion {
  readonly studentNumber: string;
  readonly reason: ExclusionReason;
  /** The chair's own words: required with `other`, optional otherwise. */
  readonly note: string | null;
  /** E-mail address of the chair or delegate who excluded her. */
  readonly excludedBy: string;
  readonly excludedAt: Date;
}

/** A mail the SMTP server accepted for a student (one outbox row). */
export interface SentMail {
  readonly studentNumber: string;
  /** The sender as the mail carried it (SMTP_FROM). */
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** `<…@…>`, fixed when the outbox row was made; the journalised copy carries the same. */
  readonly messageId: string;
  readonly sentAt: Date;
  /** The template's name, e.g. `yellow` or `red`. */
  readonly template: string;
  readonly language: Language;
}

export interface JournalMaterial {
  readonly cycle: JournalCycle;
  /** The identification list: the students of the board's cycle (every category). */
  readonly students: readonly JournalStudent[];
  readonly exclusions: readonly JournalExclusion[];
  readonly sentMails: readonly SentMail[];
  /** Times in the lists are written in the institution's zone (IANA). */
  readonly timeZone: string;
}
