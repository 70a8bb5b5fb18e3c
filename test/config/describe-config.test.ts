import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { describeConfig } from '../../src/config/describe-config.js';
import { demoConfigPath, parseConfigText } from '../../src/config/load-config.js';
import { nextScheduledRuns } from '../../src/config/schedule-runs.js';
import { cronInWords } from '../../src/config/schedule-words.js';
import { validYaml } from './config-fixtures.js';

describe('describing a configuration', () => {
  test('the demo description names every board and the next April and October runs', async () => {
    const config = parseConfigText(await readFile(demoConfigPath(), 'utf8'), demoConfigPath());

    const text = describeConfig(config, new Date('2026-01-15T12:00:00Z'));

    for (const board of config.boards) expect(text).toContain(`${board.code}  ${board.name}`);
    expect(text).toContain('at 09:00 on the first Monday of April and October (cron "0 9 * 4,10 1#1")');
    expect(text).toContain('next runs  Monday 6 April 2026 09:00\n             Monday 5 October 2026 09:00');
  });

  test('the whole description of a small configuration', () => {
    const config = parseConfigText(
      `${validYaml}managers:\n  - { role: dean, email: dean@test.example, scope: { faculty: TECH } }\n`,
      'test.yaml',
    );

    expect(describeConfig(config, new Date('2026-04-06T08:00:00Z'))).toBe(`Test University
  language   da (channel messages and the bot's fallback; mails follow teaching_language)
  time zone  Europe/Copenhagen

Faculties, departments and study boards
  TECH  Engineering
    departments
      CS  Computer Science
    study boards
      SN-DAT  Computer Science
        department  CS
        chair       chair@test.example
        secretary   sec@test.example
        delegates   (none)
        channels    console sn-dat
        programmes  DAT-BSC  BSc Computer Science
  HUM  Humanities
    study boards
      SN-HIST  History
        department  (none)
        chair       hist@test.example
        secretary   hist-sec@test.example
        delegates   (none)
        channels    console sn-hist
        programmes  (none)

Managers
  head of department  (none)
  head of studies     (none)
  dean                dean@test.example  faculty TECH
  student services    (none)
  quality department  (none)

Schedule
  runs       at 09:00 on the first Monday of April and October (cron "0 9 * 4,10 1#1")
  time zone  Europe/Copenhagen
  next runs  Monday 5 October 2026 09:00
             Monday 5 April 2027 09:00

Thresholds (behind = ECTS expected − ECTS passed)
  blue                   enrolled ≥ 12 months, no module passed in the last 12 months
  green                  behind ≤ 5 ECTS
  yellow                 5 < behind < 15 ECTS
  red                    behind ≥ 15 ECTS
  delay                  behind ÷ 5 ECTS per month
  § 31 special guidance  delay > 6 months
  § 31 must contact      delay > 12 months

Imports
  import folder   (none: exports come from chat or the command line)
  column aliases  (none)

Mails (§ 31) and journal
  booking link        (none: red students are asked to write to the chair)
  guidance services   (none)
  template overrides  (none: the built-in templates)
  sending             5 connections, at most 10 mails in 1 s, retries after 1, 5, 15, 60, 240, 720 minutes (server: SMTP_URL)
  dispatch reminder   the chair after 14 days, the head of studies after 21 days
  journal             (none: cycles are not journalised)

Deviation reports
  off (no deviations: section)`);
  });
});

describe('the schedule’s next runs', () => {
  const spring = { cron: '0 9 * 4,10 1#1', timeZone: 'Europe/Copenhagen' };

  test('are the first Mondays of April and October at 09:00 Copenhagen time (07:00 UTC in summer time)', () => {
    expect(nextScheduledRuns(spring, new Date('2026-01-15T12:00:00Z'), 3)).toEqual([
      new Date('2026-04-06T07:00:00Z'),
      new Date('2026-10-05T07:00:00Z'),
      new Date('2027-04-05T07:00:00Z'),
    ]);
  });

  test('start strictly after the given moment', () => {
    expect(nextScheduledRuns(spring, new Date('2026-04-06T07:00:00Z'), 1)).toEqual([
      new Date('2026-10-05T07:00:00Z'),
    ]);
    expect(nextScheduledRuns(spring, new Date('2026-04-06T06:59:59Z'), 1)).toEqual([
      new Date('2026-04-06T07:00:00Z'),
    ]);
  });

  test('follow the schedule’s own time zone', () => {
    const newYork = { cron: '30 8 * * 1-5', timeZone: 'America/New_York' };
    // Friday 6 March 2026, 20:00 in New York: the next weekdays are Monday and Tuesday.
    expect(nextScheduledRuns(newYork, new Date('2026-03-07T01:00:00Z'), 2)).toEqual([
      new Date('2026-03-09T12:30:00Z'),
      new Date('2026-03-10T12:30:00Z'),
    ]);
  });

  test('are none for a schedule that never comes round', () => {
    // node-cron requires both the day of the month and the weekday: the 1st is never a second Monday.
    expect(
      nextScheduledRuns({ cron: '0 9 1 * 1#2', timeZone: 'UTC' }, new Date('2026-01-01T00:00:00Z'), 2),
    ).toEqual([]);
  });
});

describe('a schedule in words', () => {
  test.each([
    ['0 9 * 4,10 1#1', 'at 09:00 on the first Monday of April and October'],
    ['0 9 * * *', 'at 09:00 every day'],
    ['30 8 * 9 *', 'at 08:30 every day in September'],
    ['0 7 * * 1,4', 'at 07:00 on Mondays and Thursdays'],
    ['0 9,15 1,15 * *', 'at 09:00 and 15:00 on day 1 and 15'],
    ['0 6 L 1,7 *', 'at 06:00 on the last day of January and July'],
    ['0 9 * * 5L', 'at 09:00 on the last Friday'],
  ])('%s reads "%s"', (cron, words) => {
    expect(cronInWords(cron)).toBe(words);
  });

  test('an unusual schedule is left as its cron expression', () => {
    expect(cronInWords('*/15 * * * *')).toBeNull();
    expect(cronInWords('0 9 1 * 1')).toBeNull();
  });
});
