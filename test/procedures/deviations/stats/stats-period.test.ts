import { describe, expect, it } from 'vitest';
import { parseStatsArguments } from '../../../../src/procedures/deviations/use-cases/stats/stats-arguments.js';
import {
  defaultPeriod,
  parsePeriod,
  periodBounds,
} from '../../../../src/procedures/deviations/use-cases/stats/stats-period.js';

const months = (from: string, to: string) => ({
  ok: true,
  period: {
    from: { year: Number(from.slice(0, 4)), month: Number(from.slice(5)) },
    to: { year: Number(to.slice(0, 4)), month: Number(to.slice(5)) },
  },
});

describe('the statistics period', () => {
  it('a year is its twelve months', () => {
    expect(parsePeriod('2026')).toEqual(months('2026-01', '2026-12'));
  });

  it('a month is itself, with or without a leading zero', () => {
    expect(parsePeriod('2026-03')).toEqual(months('2026-03', '2026-03'));
    expect(parsePeriod('2026-3')).toEqual(months('2026-03', '2026-03'));
  });

  it('a range of months includes both ends, also across a new year', () => {
    expect(parsePeriod('2026-01..2026-06')).toEqual(months('2026-01', '2026-06'));
    expect(parsePeriod('2025-10..2026-03')).toEqual(months('2025-10', '2026-03'));
  });

  it.each([
    ['vår-2026', 'nb'],
    ['forår-2026', 'da'],
    ['spring-2026', 'en'],
    ['Vår-2026', 'nb, capitalised'],
    ['fora\u030Ar-2026', 'da, the å decomposed'],
  ])('%s (%s) is January to June', (text) => {
    expect(parsePeriod(text)).toEqual(months('2026-01', '2026-06'));
  });

  it.each([
    ['høst-2026', 'nb'],
    ['efterår-2026', 'da'],
    ['autumn-2026', 'en'],
    ['HØST-2026', 'nb, capitals'],
  ])('%s (%s) is July to December', (text) => {
    expect(parsePeriod(text)).toEqual(months('2026-07', '2026-12'));
  });

  it.each([
    ['2026-13', 'not_a_period'],
    ['2026-00', 'not_a_period'],
    ['26', 'not_a_period'],
    ['sommer-2026', 'not_a_period'],
    ['vår-26', 'not_a_period'],
    ['2026-01..', 'not_a_period'],
    ['2026-01...2026-03', 'not_a_period'],
    ['2026-06..2026-01', 'reversed'],
    ['2020-01..2026-01', 'too_long'],
  ])('“%s” is refused as %s', (text, problem) => {
    expect(parsePeriod(text)).toEqual({ ok: false, problem });
  });

  it('by default is the last twelve whole months and the current one, in the institution’s time zone', () => {
    // 31 October 2026, 23:30 UTC is already 1 November in Oslo.
    expect(defaultPeriod(new Date('2026-10-31T23:30:00Z'), 'Europe/Oslo')).toEqual(
      months('2025-11', '2026-11').period,
    );
    expect(defaultPeriod(new Date('2026-10-31T23:30:00Z'), 'UTC')).toEqual(
      months('2025-10', '2026-10').period,
    );
  });

  it('runs from the first month’s first midnight to the midnight after the last month, in local time', () => {
    const bounds = periodBounds(months('2026-03', '2026-10').period, 'Europe/Oslo');
    // Winter time (UTC+1) on 1 March, winter time again on 1 November.
    expect(bounds).toEqual({
      from: new Date('2026-02-28T23:00:00Z'),
      before: new Date('2026-10-31T23:00:00Z'),
    });
  });
});

describe('the statistics arguments', () => {
  const faculties = ['IE', 'NV'];

  it('take a faculty and a period in either order, the faculty without regard to case', () => {
    const expected = { ok: true, facultyCode: 'IE', period: months('2026-01', '2026-12').period };
    expect(parseStatsArguments(['IE', '2026'], faculties)).toEqual(expected);
    expect(parseStatsArguments(['2026', 'ie'], faculties)).toEqual(expected);
  });

  it('read a term typed with a decomposed letter as the term', () => {
    expect(parseStatsArguments(['eftera\u030Ar-2025', 'NV'], faculties)).toEqual({
      ok: true,
      facultyCode: 'NV',
      period: months('2025-07', '2025-12').period,
    });
  });

  it('may leave out either or both', () => {
    expect(parseStatsArguments([], faculties)).toEqual({ ok: true, facultyCode: null, period: null });
    expect(parseStatsArguments([''], faculties)).toEqual({ ok: true, facultyCode: null, period: null });
    expect(parseStatsArguments(['nv'], faculties)).toEqual({ ok: true, facultyCode: 'NV', period: null });
    expect(parseStatsArguments(['høst-2025'], faculties)).toEqual({
      ok: true,
      facultyCode: null,
      period: months('2025-07', '2025-12').period,
    });
  });

  it('an unknown faculty is answered with the codes there are', () => {
    expect(parseStatsArguments(['XY', '2026'], faculties)).toEqual({
      ok: false,
      problem: { kind: 'unknown_faculty', argument: 'XY', known: ['IE', 'NV'] },
    });
  });

  it('a bad period names the argument and what is wrong with it', () => {
    expect(parseStatsArguments(['IE', '2026-13'], faculties)).toEqual({
      ok: false,
      problem: { kind: 'period', argument: '2026-13', reason: 'not_a_period' },
    });
    expect(parseStatsArguments(['vinter-2026'], faculties)).toEqual({
      ok: false,
      problem: { kind: 'period', argument: 'vinter-2026', reason: 'not_a_period' },
    });
  });

  it('two faculties or two periods are one too many', () => {
    expect(parseStatsArguments(['IE', 'NV'], faculties)).toEqual({
      ok: false,
      problem: { kind: 'too_many', argument: 'NV' },
    });
    expect(parseStatsArguments(['2026', '2025'], faculties)).toEqual({
      ok: false,
      problem: { kind: 'too_many', argument: '2025' },
    });
  });
});
