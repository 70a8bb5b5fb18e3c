import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { DispatchReminderTexts } from './dispatch-reminder-texts.js';

const term = { spring: 'vår', autumn: 'høst' } as const;
const periodName = (period: IdentificationPeriod): string => `${term[period.term]} ${period.year}`;

export function norwegianDispatchReminder(format: LocaleFormat): DispatchReminderTexts {
  const { number, plural } = format;
  const days = (count: number) => plural(count, { one: '1 dag', other: `${number(count)} dager` });
  const students = (red: number, yellow: number) =>
    `${plural(red, { one: '1 rød', other: `${number(red)} røde` })} og ${plural(yellow, { one: '1 gul student', other: `${number(yellow)} gule studenter` })}`;
  return {
    chairHeading: ({ boardName, period }) =>
      `Påminnelse: e-postene til studenter i risiko for frafall – ${periodName(period)} – ${boardName} – er ikke sendt ennå`,
    chairBody: ({ days: elapsed, red, yellow, dispatchCommand }) =>
      [
        `Påminnelsen etter eksamensperioden kom for ${days(elapsed)} siden, og e-postene til ${students(red, yellow)} er ikke sendt.`,
        'Studenter som er forsinket mer enn 12 måneder, skal tilbys en individuell samtale (§ 31 stk. 2).',
        `Åpne «Gå gjennom studenter» i påminnelsen i studieutvalgets kanal, unnta dem som ikke er i risiko for frafall, og send e-postene; eller be driftsansvarlig kjøre ${dispatchCommand}.`,
      ].join(' '),
    headOfStudiesHeading: ({ boardName, period }) =>
      `E-postene til studenter i risiko for frafall – ${periodName(period)} – ${boardName} – er ikke sendt`,
    headOfStudiesBody: ({ days: elapsed, red, yellow, chair }) =>
      [
        `Påminnelsen etter eksamensperioden kom for ${days(elapsed)} siden, og studieutvalgets leder (${chair}) har ennå ikke sendt e-postene til ${students(red, yellow)}, til tross for en påminnelse.`,
        'Studenter som er forsinket mer enn 12 måneder, skal tilbys en individuell samtale (§ 31 stk. 2).',
        'Du får beskjed som studieleder, slik at du kan følge opp med lederen.',
      ].join(' '),
  };
}
