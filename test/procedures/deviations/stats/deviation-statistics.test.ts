import { describe, expect, it } from 'vitest';
import { caseFigures } from '../../../../src/procedures/deviations/use-cases/stats/case-figures.js';
import { deviationStatistics } from '../../../../src/procedures/deviations/use-cases/stats/deviation-statistics.js';
import {
  parsePeriod,
  type StatsPeriod,
} from '../../../../src/procedures/deviations/use-cases/stats/stats-period.js';
import { expectedIe2026, expectedLastThirteenMonths } from './statistics-expected.js';
import { caseGroups, fixtureCases, statisticsNow } from './statistics-fixture.js';

function period(text: string): StatsPeriod {
  const parsed = parsePeriod(text);
  if (!parsed.ok) throw new Error(`${text} is not a period`);
  return parsed.period;
}

const cases = fixtureCases();
const scope = {
  faculties: ['IE', 'NV'],
  timeZone: 'Europe/Oslo',
  now: statisticsNow,
} as const;

describe('deviation statistics over the 200-case fixture', () => {
  it('the fixture has 200 cases in 14 groups', () => {
    expect(cases).toHaveLength(200);
    expect(caseGroups.reduce((sum, group) => sum + group.count, 0)).toBe(200);
  });

  it('agree with the hand-computed figures for every faculty over the last twelve months and this one', () => {
    expect(
      deviationStatistics(cases, { ...scope, facultyCode: null, period: period('2025-10..2026-10') }),
    ).toEqual(expectedLastThirteenMonths);
  });

  it('agree with the hand-computed figures for one faculty and a year, the months to come included as zeros', () => {
    expect(
      deviationStatistics(cases, { ...scope, faculties: ['IE'], facultyCode: 'IE', period: period('2026') }),
    ).toEqual(expectedIe2026);
  });

  it('count a case by the month it was received in the institution’s time zone, not in UTC', () => {
    // G11: 10 cases on 10 September 2025; G12's 5, received 30 September 22:30 UTC, belong to October in Oslo.
    const september = deviationStatistics(cases, { ...scope, facultyCode: null, period: period('2025-09') });
    expect(september.total).toBe(10);
    expect(september.months).toEqual([{ month: '2025-09', received: 10, finished: 10 }]);
    const autumn = deviationStatistics(cases, { ...scope, facultyCode: null, period: period('høst-2025') });
    // G11 10 + G12 5 + G14 10 + G13 10.
    expect(autumn.total).toBe(35);
    expect(autumn.months.map((month) => month.received)).toEqual([0, 0, 10, 5, 10, 10]);
  });

  it('a period with no cases gives zeros for every category, state and month, and no median', () => {
    const empty = deviationStatistics(cases, {
      ...scope,
      facultyCode: 'NV',
      period: period('2024-01..2024-03'),
    });
    expect(empty).toMatchObject({
      total: 0,
      handlingDays: { median: null, finished: 0 },
      overdue: 0,
      finishedLate: 0,
      byFaculty: [
        { faculty: 'IE', count: 0 },
        { faculty: 'NV', count: 0 },
      ],
      months: [
        { month: '2024-01', received: 0, finished: 0 },
        { month: '2024-02', received: 0, finished: 0 },
        { month: '2024-03', received: 0, finished: 0 },
      ],
    });
    expect(Object.values(empty.byCategory).every((count) => count === 0)).toBe(true);
  });

  it('an odd number of finished cases has the middle one as its median', () => {
    // G3 (3 days, 15 cases) and G4 (1 day, 10 cases) are NV's finished cases from March to April 2026.
    const spring = deviationStatistics(cases, {
      ...scope,
      facultyCode: 'NV',
      period: period('2026-03..2026-04'),
    });
    expect(spring.handlingDays).toEqual({ median: 3, finished: 25 });
  });
});

describe('a case’s figures', () => {
  const [g6] = fixtureCases().filter((deviation) => deviation.id === 'G6-1');
  const [g7] = fixtureCases().filter((deviation) => deviation.id === 'G7-1');
  const [g8] = fixtureCases().filter((deviation) => deviation.id === 'G8-1');
  const [g9] = fixtureCases().filter((deviation) => deviation.id === 'G9-1');

  it('a case finished on the 28th day is on time, on the 29th late', () => {
    expect(g6 && caseFigures(g6, statisticsNow, 'Europe/Oslo')).toEqual({
      receivedOn: '2026-06-03',
      deadlineOn: '2026-07-01',
      finishedOn: '2026-07-01',
      handlingDays: 28,
      overdue: false,
      finishedLate: false,
    });
    expect(g7 && caseFigures(g7, statisticsNow, 'Europe/Oslo')).toMatchObject({
      deadlineOn: '2026-08-04',
      handlingDays: 29,
      finishedLate: true,
    });
  });

  it('an open case is overdue from the day after its deadline’s day', () => {
    expect(g8 && caseFigures(g8, statisticsNow, 'Europe/Oslo')).toMatchObject({
      deadlineOn: '2026-10-14',
      finishedOn: null,
      handlingDays: null,
      overdue: true,
    });
    expect(g9 && caseFigures(g9, statisticsNow, 'Europe/Oslo')).toMatchObject({
      deadlineOn: '2026-10-15',
      overdue: false,
    });
  });
});
