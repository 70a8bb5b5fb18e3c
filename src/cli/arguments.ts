import { parseArgs } from 'node:util';
import { type CalendarDate, parseIsoDate, todayIn } from '../shared/calendar-date.js';
import { CodedError } from '../shared/coded-error.js';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** node:util parseArgs with errors that say which command and what is allowed. */
export function parseCommandArguments<Options extends OptionSpec>(
  args: readonly string[],
  options: Options,
  usage: string,
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CodedError('cli.usage', `${reason}\nusage: ${usage}`);
  }
}

export function singlePositional(positionals: readonly string[], what: string, usage: string): string {
  if (positionals.length !== 1 || !positionals[0]) {
    throw new CodedError('cli.usage', `expected one ${what}, got ${positionals.length}\nusage: ${usage}`);
  }
  return positionals[0];
}

/** --as-of YYYY-MM-DD, or today in the institution's time zone. */
export function referenceDateOption(value: string | undefined, timeZone: string, now: Date): CalendarDate {
  if (value === undefined) return todayIn(timeZone, now);
  const date = parseIsoDate(value);
  if (!date) throw new CodedError('cli.usage', `--as-of: "${value}" is not a date in the form YYYY-MM-DD`);
  return date;
}
