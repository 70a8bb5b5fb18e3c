import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { DispatchReminderTexts } from './dispatch-reminder-texts.js';

const term = { spring: 'forår', autumn: 'efterår' } as const;
const periodName = (period: IdentificationPeriod): string => `${term[period.term]} ${period.year}`;

export function danishDispatchReminder(format: LocaleFormat): DispatchReminderTexts {
  const { number, plural } = format;
  const days = (count: number) => plural(count, { one: '1 dag', other: `${number(count)} dage` });
  const students = (red: number, yellow: number) =>
    `${plural(red, { one: '1 rød', other: `${number(red)} røde` })} og ${plural(yellow, { one: '1 gul studerende', other: `${number(yellow)} gule studerende` })}`;
  return {
    chairHeading: ({ boardName, period }) =>
      `Påmindelse: mails til frafaldstruede studerende – ${periodName(period)} – ${boardName} – er ikke sendt endnu`,
    chairBody: ({ days: elapsed, red, yellow, dispatchCommand }) =>
      [
        `Påmindelsen efter eksamensperioden kom for ${days(elapsed)} siden, og mails til ${students(red, yellow)} er ikke sendt.`,
        'Studerende, der er mere end 12 måneder forsinkede, skal tilbydes en individuel samtale (§ 31, stk. 2).',
        `Åbn "Gennemgå studerende" i påmindelsen i studienævnets kanal, sorter dem fra, der ikke er frafaldstruede, og send mails; eller bed jeres driftsansvarlige køre ${dispatchCommand}.`,
      ].join(' '),
    headOfStudiesHeading: ({ boardName, period }) =>
      `Mails til frafaldstruede studerende – ${periodName(period)} – ${boardName} – er ikke sendt`,
    headOfStudiesBody: ({ days: elapsed, red, yellow, chair }) =>
      [
        `Påmindelsen efter eksamensperioden kom for ${days(elapsed)} siden, og studienævnsformanden (${chair}) har trods en påmindelse endnu ikke sendt mails til ${students(red, yellow)}.`,
        'Studerende, der er mere end 12 måneder forsinkede, skal tilbydes en individuel samtale (§ 31, stk. 2).',
        'Du får besked som studieleder, så du kan følge op med formanden.',
      ].join(' '),
  };
}
