import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { DeviationTextLanguage } from './text-languages.js';

/** What the timers say: the reminder to send a preliminary reply, and the overdue escalation. */
export interface TimersTexts {
  /** To the handler, three weeks after receipt with no preliminary reply. */
  reminderHeading(params: { readonly number: string }): string;
  reminderBody(params: { readonly deadline: string; readonly daysLeft: number }): string;
  /** To the report owners when nobody has taken the case yet at three weeks. */
  untriagedReminderBody(params: { readonly deadline: string; readonly daysLeft: number }): string;
  /** To the line manager (dean or head of department) once the deadline has passed. */
  escalationHeading(params: { readonly number: string }): string;
  escalationBody(params: {
    readonly deadline: string;
    readonly faculty: string;
    readonly responsible: string;
  }): string;
  /** Who is responsible when nobody was assigned: the faculty's report owners. */
  readonly reportOwnersResponsible: string;
  readonly openCaseButton: string;
}

export const timersTexts: Readonly<Record<DeviationTextLanguage, (format: LocaleFormat) => TimersTexts>> = {
  nb: (format) => ({
    reminderHeading: ({ number }) => `Påminnelse: avvik ${number}`,
    reminderBody: ({ deadline, daysLeft }) =>
      `Fristen er ${deadline} (${format.number(daysLeft)} ${daysLeft === 1 ? 'dag' : 'dager'} igjen), og melderen har ikke fått noe foreløpig svar. Send et foreløpig svar hvis saken ikke kan avsluttes innen fristen (forvaltningsloven § 11a).`,
    untriagedReminderBody: ({ deadline, daysLeft }) =>
      `Ingen behandler er satt på saken ennå. Fristen er ${deadline} (${format.number(daysLeft)} ${daysLeft === 1 ? 'dag' : 'dager'} igjen).`,
    escalationHeading: ({ number }) => `Avvik ${number} har passert fristen`,
    escalationBody: ({ deadline, faculty, responsible }) =>
      `Fristen var ${deadline}. Saken hører til ${faculty}, og ${responsible} har ansvaret for den. Du får denne meldingen som linjeleder.`,
    reportOwnersResponsible: 'fakultetets meldingsansvarlige',
    openCaseButton: 'Åpne saken',
  }),
  da: (format) => ({
    reminderHeading: ({ number }) => `Påmindelse: afvigelse ${number}`,
    reminderBody: ({ deadline, daysLeft }) =>
      `Fristen er ${deadline} (${format.number(daysLeft)} ${daysLeft === 1 ? 'dag' : 'dage'} tilbage), og indberetteren har ikke fået et foreløbigt svar. Send et foreløbigt svar, hvis sagen ikke kan afsluttes inden fristen.`,
    untriagedReminderBody: ({ deadline, daysLeft }) =>
      `Der er endnu ingen sagsbehandler på sagen. Fristen er ${deadline} (${format.number(daysLeft)} ${daysLeft === 1 ? 'dag' : 'dage'} tilbage).`,
    escalationHeading: ({ number }) => `Afvigelse ${number} har overskredet fristen`,
    escalationBody: ({ deadline, faculty, responsible }) =>
      `Fristen var ${deadline}. Sagen hører til ${faculty}, og ${responsible} har ansvaret for den. Du får denne besked som leder.`,
    reportOwnersResponsible: 'fakultetets meldingsansvarlige',
    openCaseButton: 'Åbn sagen',
  }),
  en: (format) => ({
    reminderHeading: ({ number }) => `Reminder: deviation ${number}`,
    reminderBody: ({ deadline, daysLeft }) =>
      `The deadline is ${deadline} (${format.number(daysLeft)} ${daysLeft === 1 ? 'day' : 'days'} left), and the reporter has had no preliminary reply. Send one if the case cannot be closed by the deadline (the Public Administration Act § 11a).`,
    untriagedReminderBody: ({ deadline, daysLeft }) =>
      `Nobody has been assigned to the case yet. The deadline is ${deadline} (${format.number(daysLeft)} ${daysLeft === 1 ? 'day' : 'days'} left).`,
    escalationHeading: ({ number }) => `Deviation ${number} is past its deadline`,
    escalationBody: ({ deadline, faculty, responsible }) =>
      `The deadline was ${deadline}. The case belongs to ${faculty}, and ${responsible} is responsible for it. You receive this as the line manager.`,
    reportOwnersResponsible: 'the faculty’s report owners',
    openCaseButton: 'Open the case',
  }),
};
