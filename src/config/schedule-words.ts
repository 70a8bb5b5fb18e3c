import { type ParsedFields, parse } from 'node-cron';

export const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const weekdayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ordinals = ['first', 'second', 'third', 'fourth', 'fifth'];

/**
 * The common shapes of a schedule in words, e.g. `0 9 * 4,10 1#1` → "at 09:00
 * on the first Monday of April and October". Null for anything more unusual
 * (steps through the day, both a day of the month and a weekday…), where the
 * cron expression itself is the clearest description.
 */
export function cronInWords(cron: string): string | null {
  let fields: ParsedFields;
  try {
    fields = parse(cron);
  } catch {
    return null;
  }
  const time = timePhrase(fields);
  const day = dayPhrase(fields);
  if (time === null || day === null) return null;
  const months = isEvery(fields.month, 1, 12)
    ? ''
    : listOf(fields.month.map((month) => monthNames[month - 1] ?? ''));
  if (day.phrase === '') return months === '' ? `${time} every day` : `${time} every day in ${months}`;
  if (months === '') return `${time} ${day.phrase}`;
  return `${time} ${day.phrase} ${day.ofMonth ? 'of' : 'in'} ${months}`;
}

function timePhrase(fields: ParsedFields): string | null {
  if (fields.second.length !== 1 || fields.minute.length !== 1 || fields.hour.length > 4) return null;
  const [second] = fields.second;
  const [minute] = fields.minute;
  if (second === undefined || minute === undefined) return null;
  const times = fields.hour.map((hour) => {
    const clock = `${pad(hour)}:${pad(minute)}`;
    return second === 0 ? clock : `${clock}:${pad(second)}`;
  });
  return `at ${listOf(times)}`;
}

/** `ofMonth`: the phrase picks days within a month ("the first Monday of April"). */
function dayPhrase(fields: ParsedFields): { phrase: string; ofMonth: boolean } | null {
  const everyDayOfMonth = isEvery(fields.dayOfMonth, 1, 31);
  const everyWeekday = isEvery(fields.dayOfWeek, 0, 6);
  if (everyDayOfMonth && everyWeekday) return { phrase: '', ofMonth: false };
  if (!everyDayOfMonth && !everyWeekday) return null;
  if (!everyDayOfMonth) {
    const numbered = fields.dayOfMonth.filter((day) => typeof day === 'number');
    const tokens = fields.dayOfMonth.filter((day) => typeof day === 'string');
    if (tokens.some((token) => token !== 'L')) return null;
    const parts = [
      ...(numbered.length > 0 ? [`day ${listOf(numbered.map(String))}`] : []),
      ...(tokens.length > 0 ? ['the last day'] : []),
    ];
    return { phrase: `on ${parts.join(' and ')}`, ofMonth: true };
  }
  const weekdays = fields.dayOfWeek.map(weekdayPhrase);
  if (weekdays.some((weekday) => weekday === null)) return null;
  const ofMonth = fields.dayOfWeek.some((weekday) => typeof weekday === 'string');
  return { phrase: `on ${listOf(weekdays.map(String))}`, ofMonth };
}

function weekdayPhrase(value: number | string): string | null {
  if (typeof value === 'number')
    return weekdayNames[value % 7] === undefined ? null : `${weekdayNames[value % 7]}s`;
  const nth = /^([0-7])#([1-5])$/.exec(value);
  if (nth) return `the ${ordinals[Number(nth[2]) - 1]} ${weekdayNames[Number(nth[1]) % 7]}`;
  const last = /^([0-7])L$/i.exec(value);
  if (last) return `the last ${weekdayNames[Number(last[1]) % 7]}`;
  return null;
}

function isEvery(values: readonly (number | string)[], from: number, to: number): boolean {
  return values.length === to - from + 1 && values.every((value, index) => value === from + index);
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
