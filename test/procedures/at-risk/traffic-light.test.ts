import { describe, expect, it } from 'vitest';
import {
  defaultIdentificationRules,
  type IdentificationRules,
} from '../../../src/procedures/at-risk/identification-rules.js';
import { classifyStudent } from '../../../src/procedures/at-risk/traffic-light.js';
import { aProgressRow, dateOf, type ProgressRowInput } from '../../support/progress-row-builder.js';

// The April run of 2026: the first Monday of April.
const referenceDate = dateOf('2026-04-06');
const twelveMonthsBefore = '2025-04-06';

function classify(input: ProgressRowInput, rules: IdentificationRules = defaultIdentificationRules) {
  return classifyStudent(aProgressRow(input), referenceDate, rules);
}

function behindBy(ectsBehind: number): ProgressRowInput {
  return { ectsExpected: 90, ectsPassed: 90 - ectsBehind };
}

describe('ECTS behind', () => {
  it('is never negative zero: arithmetic noise of decimal ECTS counts as exactly 0', () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: 5.5e-17 ECTS ahead.
    const { ectsBehind, delayMonths } = classify({ ectsExpected: 0.3, ectsPassed: 0.1 + 0.2 });
    expect(Object.is(ectsBehind, 0)).toBe(true);
    expect(Object.is(delayMonths, 0)).toBe(true);
  });
});

describe('the traffic light by ECTS behind', () => {
  it('a student exactly 5 ECTS behind is green', () => {
    expect(classify(behindBy(5)).category).toBe('green');
  });

  it('a student 5.5 ECTS behind is yellow', () => {
    expect(classify(behindBy(5.5)).category).toBe('yellow');
  });

  it('a student 14.5 ECTS behind is yellow', () => {
    expect(classify(behindBy(14.5)).category).toBe('yellow');
  });

  it('a student exactly 15 ECTS behind is red (the supportive reading of the open boundary)', () => {
    expect(classify(behindBy(15)).category).toBe('red');
  });

  it('a student ahead of plan is green with no delay', () => {
    const result = classify({ ectsExpected: 60, ectsPassed: 67.5 });
    expect(result).toMatchObject({ category: 'green', ectsBehind: -7.5, delayMonths: 0 });
  });

  it('decimal ECTS do not drift across a boundary (20.1 − 15.1 is exactly 5)', () => {
    expect(classify({ ectsExpected: 20.1, ectsPassed: 15.1 })).toMatchObject({
      category: 'green',
      ectsBehind: 5,
    });
  });

  it('the thresholds come from the rules, so an institution can set its own', () => {
    const strict = { ...defaultIdentificationRules, greenMaxBehind: 2, redMinBehind: 10 };
    expect(classify(behindBy(3), strict).category).toBe('yellow');
    expect(classify(behindBy(10), strict).category).toBe('red');
  });
});

describe('blue: inactive students', () => {
  const longEnrolled = { enrolledOn: '2023-09-01' };

  it('a student whose last pass was exactly 12 months before the reference date passed within the window', () => {
    expect(classify({ ...longEnrolled, ...behindBy(20), lastPassedOn: twelveMonthsBefore }).category).toBe(
      'red',
    );
  });

  it('a student whose last pass was one day before the window is blue', () => {
    expect(classify({ ...longEnrolled, ...behindBy(20), lastPassedOn: '2025-04-05' }).category).toBe('blue');
  });

  it('a student enrolled exactly 12 months who never passed a module is blue', () => {
    expect(classify({ enrolledOn: twelveMonthsBefore, lastPassedOn: null, ...behindBy(60) }).category).toBe(
      'blue',
    );
  });

  it('a student enrolled one day short of 12 months who never passed is not blue but classified by ECTS', () => {
    expect(classify({ enrolledOn: '2025-04-07', lastPassedOn: null, ...behindBy(55) }).category).toBe('red');
  });

  it('blue takes precedence over green: an inactive student on plan is still blue', () => {
    expect(classify({ ...longEnrolled, ...behindBy(0), lastPassedOn: '2024-06-20' }).category).toBe('blue');
  });
});

describe('scope', () => {
  it('a student on leave is out of scope, counted but not classified', () => {
    expect(classify({ status: 'leave', ...behindBy(40) })).toMatchObject({
      category: 'out_of_scope',
      specialGuidance: false,
      mandatoryContact: false,
    });
  });

  it.each(['single-subject', 'guest', 'exchange'] as const)(
    'a %s student is out of scope',
    (enrolmentType) => {
      expect(classify({ enrolmentType, ...behindBy(40) }).category).toBe('out_of_scope');
    },
  );
});

describe('§ 31 delay in months', () => {
  it('delay is ECTS behind divided by 5 (30 ECTS is a semester of 6 months)', () => {
    expect(classify(behindBy(16)).delayMonths).toBe(3.2);
  });

  it('exactly 6 months delayed (30 ECTS) gives no right to special guidance yet; more than 6 does', () => {
    expect(classify(behindBy(30)).specialGuidance).toBe(false);
    expect(classify(behindBy(30.5)).specialGuidance).toBe(true);
  });

  it('exactly 12 months delayed (60 ECTS) does not oblige contact yet; more than 12 does', () => {
    expect(classify(behindBy(60)).mandatoryContact).toBe(false);
    expect(classify(behindBy(61)).mandatoryContact).toBe(true);
  });
});
