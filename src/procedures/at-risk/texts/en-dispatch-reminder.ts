import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { DispatchReminderTexts } from './dispatch-reminder-texts.js';

const periodName = (period: IdentificationPeriod): string => `${period.term} ${period.year}`;

export function englishDispatchReminder(format: LocaleFormat): DispatchReminderTexts {
  const { number, plural } = format;
  const days = (count: number) => plural(count, { one: '1 day', other: `${number(count)} days` });
  const students = (red: number, yellow: number) =>
    `${plural(red, { one: '1 red', other: `${number(red)} red` })} and ${plural(yellow, { one: '1 yellow student', other: `${number(yellow)} yellow students` })}`;
  return {
    chairHeading: ({ boardName, period }) =>
      `Reminder: the mails to students at risk – ${periodName(period)} – ${boardName} – are not sent yet`,
    chairBody: ({ days: elapsed, red, yellow, dispatchCommand }) =>
      [
        `The exam-period reminder came ${days(elapsed)} ago, and the mails to ${students(red, yellow)} have not been sent.`,
        'Students more than 12 months delayed must be offered an individual meeting (§ 31 stk. 2).',
        `Open "Review students" in the reminder in the board's channel, sort out whoever is not at risk, and send the mails; or ask your operator to run ${dispatchCommand}.`,
      ].join(' '),
    headOfStudiesHeading: ({ boardName, period }) =>
      `The mails to students at risk – ${periodName(period)} – ${boardName} – are not sent`,
    headOfStudiesBody: ({ days: elapsed, red, yellow, chair }) =>
      [
        `The exam-period reminder came ${days(elapsed)} ago, and the chair (${chair}) has not yet sent the mails to ${students(red, yellow)}, although reminded.`,
        'Students more than 12 months delayed must be offered an individual meeting (§ 31 stk. 2).',
        'You are told as head of studies, so that you can follow up with the chair.',
      ].join(' '),
  };
}
