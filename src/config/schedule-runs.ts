import { createTask, type ParsedFields, parse } from 'node-cron';
import type { Schedule } from './institution-config.js';

/** A date as read on a wall clock in some time zone. */
export interface WallTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
}

// Any combination of month, day of month and weekday recurs within 28 years
// (the Gregorian weekday cycle, leap days included); a schedule with no run in
// that span never runs.
const searchDays = 28 * 366;

/**
 * The next `count` runs of the schedule strictly after `after`, in time order.
 * node-cron decides whether a time matches (its own `getNextRuns` reads the
 * real clock); this walks the candidate days and times, so `after` can be
 * pinned. Fewer than `count` when the schedule never runs again.
 */
export function nextScheduledRuns(schedule: Schedule, after: Date, count: number): Date[] {
  const fields = parse(schedule.cron);
  const task = createTask(schedule.cron, () => undefined, { timezone: schedule.timeZone });
  try {
    const runs: Date[] = [];
    const start = wallTimeIn(after, schedule.timeZone);
    const times = timesOfDay(fields);
    for (let offset = 0; offset < searchDays && runs.length < count; offset++) {
      const day = new Date(Date.UTC(start.year, start.month - 1, start.day + offset));
      const [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
      if (!fields.month.includes(month)) continue;
      const instants = times
        .filter((time) => offset > 0 || compareTimes(time, [start.hour, start.minute, start.second]) > 0)
        .map(([hour, minute, second]) =>
          instantOf(year, month, date, hour, minute, second, schedule.timeZone),
        )
        .filter((instant): instant is Date => instant !== null && instant > after);
      for (const instant of instants) {
        if (runs.length === count) break;
        if (task.match(instant)) runs.push(instant);
        // The first time of a day decides for its weekday and day of month.
        else break;
      }
    }
    return runs;
  } finally {
    task.destroy();
  }
}

type TimeOfDay = readonly [hour: number, minute: number, second: number];

function timesOfDay(fields: ParsedFields): TimeOfDay[] {
  const times: TimeOfDay[] = [];
  for (const hour of [...fields.hour].sort((a, b) => a - b)) {
    for (const minute of [...fields.minute].sort((a, b) => a - b)) {
      for (const second of [...fields.second].sort((a, b) => a - b)) times.push([hour, minute, second]);
    }
  }
  return times;
}

function compareTimes(a: TimeOfDay, b: TimeOfDay): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** The instant a wall clock in `timeZone` shows this time; null inside a daylight-saving gap. */
export function instantOf(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  timeZone: string,
): Date | null {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const reads = (instant: number): boolean => {
    const wall = wallTimeIn(new Date(instant), timeZone);
    return wall.day === day && wall.hour === hour && wall.minute === minute && wall.second === second;
  };
  const firstGuess = asUtc - offsetAt(asUtc, timeZone);
  const secondGuess = asUtc - offsetAt(firstGuess, timeZone);
  // Two guesses settle the offset on either side of a clock change.
  const candidates = [firstGuess, secondGuess].filter(reads).sort((a, b) => a - b);
  return candidates[0] === undefined ? null : new Date(candidates[0]);
}

function offsetAt(instant: number, timeZone: string): number {
  const wall = wallTimeIn(new Date(instant), timeZone);
  return (
    Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) -
    Math.floor(instant / 1000) * 1000
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

export function wallTimeIn(instant: Date, timeZone: string): WallTime {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = new Map(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  const number = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.get(type));
  return {
    year: number('year'),
    month: number('month'),
    day: number('day'),
    hour: number('hour'),
    minute: number('minute'),
    second: number('second'),
    weekday: weekdays.indexOf(parts.get('weekday') ?? ''),
  };
}
