import { describe, expect, it } from 'vitest';
import { maskCprShapes } from '../../src/logging/logger.js';
import { capturedLogger } from '../support/captured-logger.js';

describe('logs', () => {
  it('mask anything shaped like a CPR number, with or without the dash', () => {
    expect(maskCprShapes('student 010190-1234 and 0202881235')).toBe('student 010190-**** and 020288-****');
  });

  it('never write a CPR-shaped value, whether in the message or in a field, however deep', () => {
    const log = capturedLogger();
    log.logger.info({ file: 'x.csv', detail: { values: ['010190-1234'] } }, 'saw 0202881235');
    const text = log.text();
    // (Only the whole numbers: the line's timestamp and pid are digits too.)
    expect(text).not.toContain('010190-1234');
    expect(text).not.toContain('0202881235');
    expect(log.lines()[0]).toMatchObject({ msg: 'saw 020288-****', detail: { values: ['010190-****'] } });
  });

  it('leave student numbers, counts and dates alone', () => {
    expect(maskCprShapes('S100001 on 2026-04-06: 12345 rows')).toBe('S100001 on 2026-04-06: 12345 rows');
  });
});
