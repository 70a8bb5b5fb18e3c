import { describe, expect, it } from 'vitest';
import {
  containsCprShape,
  maskCprShapes,
  maskedCpr,
  maskedFodselsnummer,
} from '../../src/security/cpr-shape.js';

describe('CPR-shaped values', () => {
  it('are masked with or without the dash, keeping no digit of them, not even the birth date', () => {
    expect(maskCprShapes('student 010190-1234 and 0202881235')).toBe(`student ${maskedCpr} and ${maskedCpr}`);
    expect(maskedCpr).not.toMatch(/\d/);
  });

  it('are found inside other text, next to letters and punctuation', () => {
    for (const text of ['S1907041488', '"190704-1488"', 'id=2307435552;', 'cpr:190704-1488.']) {
      expect(containsCprShape(text), text).toBe(true);
    }
  });

  it('need a day and month that can be a birth date, and ten digits exactly', () => {
    // Month 13, day 32, day 31 of a 30-day month, day 0; a longer or shorter run of digits.
    for (const text of ['0113901234', '3201901234', '3104901234', '0001901234', '12345678901', '123456789']) {
      expect(containsCprShape(text), text).toBe(false);
    }
    expect(containsCprShape('2902001234')).toBe(true);
  });

  it('leave student numbers, counts, dates, times and phone numbers alone', () => {
    const text = 'S100001 on 2026-04-06 at 2026040612: 12345 rows, call +45 98 16 00 00';
    expect(maskCprShapes(text)).toBe(text);
  });

  it('Norwegian national identity numbers (fødselsnummer, D- and H-numbers) are masked too, with or without the space', () => {
    expect(maskCprShapes('fnr 01019012345 og 010190 12345')).toBe(
      `fnr ${maskedFodselsnummer} og ${maskedFodselsnummer}`,
    );
    // A D-number (day + 40) and an H-number (month + 40).
    for (const text of ['41019012345', '01419012345']) expect(containsCprShape(text), text).toBe(true);
    // Month 13, day 32; a Norwegian phone number with its country code; 12 digits.
    for (const text of ['01139012345', '32019012345', '+47 73 59 50 00', '010190123456']) {
      expect(containsCprShape(text), text).toBe(false);
    }
  });
});
