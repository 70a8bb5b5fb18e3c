import { describe, expect, it } from 'vitest';
import { localeFormat } from '../../src/i18n/locale-format.js';
import { translator } from '../../src/i18n/translator.js';
import { dateOf } from '../support/progress-row-builder.js';

const da = translator('da');
const en = translator('en');
const nb = translator('nb');

describe('dates and numbers in the reader’s language', () => {
  it('writes dates with the month in words', () => {
    expect(da.formatDate(dateOf('2026-04-06'))).toBe('6. april 2026');
    expect(en.formatDate(dateOf('2026-04-06'))).toBe('6 April 2026');
  });

  it('keeps the calendar day whatever the time zone (a date is not an instant)', () => {
    expect(da.formatDate(dateOf('2025-12-31'))).toBe('31. december 2025');
    expect(en.formatDate(dateOf('2026-01-01'))).toBe('1 January 2026');
  });

  it('groups thousands and writes decimals as the language does', () => {
    expect(da.formatNumber(1234)).toBe('1.234');
    expect(en.formatNumber(1234)).toBe('1,234');
    expect(da.formatNumber(7.5)).toBe('7,5');
    expect(en.formatNumber(7.5)).toBe('7.5');
    expect(da.formatNumber(1234567.25)).toBe('1.234.567,25');
  });

  it('signs a change with plus, a true minus sign (U+2212) or ±0', () => {
    expect(da.formatSignedChange(3)).toBe('+3');
    expect(da.formatSignedChange(-2)).toBe('\u22122');
    expect(da.formatSignedChange(0)).toBe('±0');
    expect(da.formatSignedChange(-0)).toBe('±0');
    expect(da.formatSignedChange(1234)).toBe('+1.234');
    expect(en.formatSignedChange(-1234)).toBe('\u22121,234');
  });

  it('writes a § 31 delay in months with one decimal', () => {
    expect(da.formatDelayMonths(14.2)).toBe('14,2');
    expect(en.formatDelayMonths(14.2)).toBe('14.2');
    expect(da.formatDelayMonths(3)).toBe('3,0');
    expect(en.formatDelayMonths(12.25)).toBe('12.3');
  });

  it('joins names as a list in words', () => {
    expect(da.formatList(['Anne', 'Bo', 'Carl'])).toBe('Anne, Bo og Carl');
    expect(en.formatList(['Anne', 'Bo', 'Carl'])).toBe('Anne, Bo and Carl');
    expect(en.formatList(['Anne'])).toBe('Anne');
  });

  it('offers choices as a list in words', () => {
    expect(localeFormat('da-DK').alternatives(['»,«', '»;«'])).toBe('»,« eller »;«');
    expect(localeFormat('en-GB').alternatives(['A', 'B', 'C'])).toBe('A, B or C');
  });

  it('names the locale it formats in', () => {
    expect(da.locale).toBe('da-DK');
    expect(en.locale).toBe('en-GB');
    expect(nb.locale).toBe('nb-NO');
  });

  describe('in Norwegian Bokmål (nb-NO)', () => {
    it('writes dates like Danish, with the month in words: 6. april 2026', () => {
      expect(nb.formatDate(dateOf('2026-04-06'))).toBe('6. april 2026');
      expect(nb.formatDate(dateOf('2025-12-31'))).toBe('31. desember 2025');
      expect(nb.formatDate(dateOf('2026-05-17'))).toBe('17. mai 2026');
    });

    it('groups thousands with a no-break space and writes a decimal comma', () => {
      expect(nb.formatNumber(1234)).toBe('1\u00a0234');
      expect(nb.formatNumber(1234567.25)).toBe('1\u00a0234\u00a0567,25');
      expect(nb.formatNumber(7.5)).toBe('7,5');
      expect(nb.formatDelayMonths(14.2)).toBe('14,2');
      expect(nb.formatDelayMonths(3)).toBe('3,0');
    });

    it('signs a change as the other languages do', () => {
      expect(nb.formatSignedChange(1234)).toBe('+1\u00a0234');
      expect(nb.formatSignedChange(-2)).toBe('\u22122');
      expect(nb.formatSignedChange(0)).toBe('±0');
    });

    it('joins a list with og and offers choices with eller', () => {
      expect(nb.formatList(['Anne', 'Bo', 'Carl'])).toBe('Anne, Bo og Carl');
      expect(localeFormat('nb-NO').alternatives(['«,»', '«;»'])).toBe('«,» eller «;»');
    });

    it('picks the singular for one and the plural for everything else, 0 included', () => {
      const forms = { one: 'student', other: 'studenter' };
      expect(localeFormat('nb-NO').plural(1, forms)).toBe('student');
      expect(localeFormat('nb-NO').plural(0, forms)).toBe('studenter');
      expect(localeFormat('nb-NO').plural(2, forms)).toBe('studenter');
    });
  });
});
