import type { IdentificationPeriod } from '../identification-period.js';

/** What the reminded person is told: the board, the period, how long ago the reminder came, and the students waiting. */
export interface UndispatchedCycleFacts {
  readonly boardName: string;
  readonly period: IdentificationPeriod;
  /** Whole days since the exam-period reminder was posted in the board's channel. */
  readonly days: number;
  readonly red: number;
  readonly yellow: number;
}

/**
 * The reminders to dispatch (spec "Board meeting": a chair who has not sent
 * the § 31 mails N days after the exam-period reminder is reminded, then the
 * head of studies is told). Direct messages, each sent once per cycle.
 */
export interface DispatchReminderTexts {
  chairHeading(params: { readonly boardName: string; readonly period: IdentificationPeriod }): string;
  chairBody(params: UndispatchedCycleFacts & { readonly dispatchCommand: string }): string;
  headOfStudiesHeading(params: { readonly boardName: string; readonly period: IdentificationPeriod }): string;
  /** `chair` is the chair's e-mail address. */
  headOfStudiesBody(params: UndispatchedCycleFacts & { readonly chair: string }): string;
}
