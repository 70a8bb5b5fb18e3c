import { describe, expect, it } from 'vitest';
import {
  comparePeriods,
  danishTermName,
  describePeriod,
  type IdentificationPeriod,
  periodOf,
} from '../../../src/procedures/at-risk/identification-period.js';
import { dateOf } from '../../support/progress-row-builder.js';

const spring2026: IdentificationPeriod = { term: 'spring', year: 2026 };
const autumn2026: IdentificationPeriod = { term: 'autumn', year: 2026 };

describe('the identification period of a reference date', () => {
  it('January to June is spring, July to December autumn: the June/July boundary', () => {
    expect(periodOf(dateOf('2026-01-01'))).toEqual(spring2026);
    expect(periodOf(dateOf('2026-06-30'))).toEqual(spring2026);
    expect(periodOf(dateOf('2026-07-01'))).toEqual(autumn2026);
    expect(periodOf(dateOf('2026-12-31'))).toEqual(autumn2026);
  });

  it('the April and October runs fall in their own year’s spring and autumn', () => {
    expect(periodOf(dateOf('2026-04-06'))).toEqual(spring2026);
    expect(periodOf(dateOf('2025-10-06'))).toEqual({ term: 'autumn', year: 2025 });
  });
});

describe('comparing periods', () => {
  it('spring comes before autumn of the same year', () => {
    expect(comparePeriods(spring2026, autumn2026)).toBeLessThan(0);
    expect(comparePeriods(autumn2026, spring2026)).toBeGreaterThan(0);
  });

  it('a year decides before the term: autumn 2025 comes before spring 2026', () => {
    expect(comparePeriods({ term: 'autumn', year: 2025 }, spring2026)).toBeLessThan(0);
    expect(comparePeriods(spring2026, { term: 'autumn', year: 2025 })).toBeGreaterThan(0);
    expect(comparePeriods({ term: 'spring', year: 2027 }, autumn2026)).toBeGreaterThan(0);
  });

  it('a period equals itself', () => {
    expect(comparePeriods(spring2026, { term: 'spring', year: 2026 })).toBe(0);
    expect(comparePeriods(autumn2026, { term: 'autumn', year: 2026 })).toBe(0);
  });

  it('sorts a history oldest first', () => {
    const history: IdentificationPeriod[] = [
      autumn2026,
      { term: 'spring', year: 2025 },
      spring2026,
      { term: 'autumn', year: 2025 },
    ];
    expect([...history].sort(comparePeriods).map(describePeriod)).toEqual([
      'spring 2025',
      'autumn 2025',
      'spring 2026',
      'autumn 2026',
    ]);
  });
});

describe('naming a period', () => {
  it('the command line writes `spring 2026`', () => {
    expect(describePeriod(spring2026)).toBe('spring 2026');
    expect(describePeriod(autumn2026)).toBe('autumn 2026');
  });

  it('the journal’s Danish case titles say forår and efterår', () => {
    expect(danishTermName('spring')).toBe('forår');
    expect(danishTermName('autumn')).toBe('efterår');
  });
});
