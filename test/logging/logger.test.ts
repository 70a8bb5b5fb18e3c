import { describe, expect, it } from 'vitest';
import { maskedCpr } from '../../src/security/cpr-shape.js';
import { capturedLogger } from '../support/captured-logger.js';

// Two CPR-shaped values, in both forms each; the log text must hold neither.
const cprForms = ['190704-1488', '1907041488', '230743-5552', '2307435552'];

function expectNoCprIn(text: string): void {
  for (const cpr of cprForms) expect(text).not.toContain(cpr);
}

describe('logs', () => {
  it('never write a CPR-shaped value, whether in the message or in a field, however deep', () => {
    const log = capturedLogger();
    log.logger.info({ file: 'x.csv', detail: { values: ['190704-1488'] } }, 'saw 2307435552');
    expectNoCprIn(log.text());
    expect(log.lines()[0]).toMatchObject({ msg: `saw ${maskedCpr}`, detail: { values: [maskedCpr] } });
  });

  it('mask an error logged as a field: its message, its stack, its cause and its own fields', () => {
    const log = capturedLogger();
    const error = Object.assign(
      new Error('line 6, column email: "190704-1488" is not an e-mail address', {
        cause: new Error('read 2307435552'),
      }),
      { code: 'progress_export.invalid', value: '230743-5552' },
    );
    log.logger.error({ err: error }, 'job failed');
    expectNoCprIn(log.text());
    const [line] = log.lines();
    expect(line).toMatchObject({
      msg: 'job failed',
      err: {
        type: 'Error',
        code: 'progress_export.invalid',
        value: maskedCpr,
        message: expect.stringContaining(`"${maskedCpr}" is not an e-mail address`),
        stack: expect.stringContaining('caused by: Error: read'),
      },
    });
  });

  it('mask an error logged on its own, with or without a message of its own', () => {
    const log = capturedLogger();
    log.logger.error(new Error('student 1907041488 not found'));
    log.logger.warn(new Error('student 1907041488 not found'), 'lookup of 230743-5552 failed');
    expectNoCprIn(log.text());
    const [alone, withMessage] = log.lines();
    expect(alone).toMatchObject({ msg: `student ${maskedCpr} not found`, err: { type: 'Error' } });
    expect(withMessage).toMatchObject({ msg: `lookup of ${maskedCpr} failed`, err: { type: 'Error' } });
  });

  it("mask a child logger's fields, on every line of the child and of its children", () => {
    const log = capturedLogger();
    const child = log.logger.child({ file: '190704-1488.csv' });
    child.info('picked up');
    child.child({ copy: '2307435552.csv' }).info('moved');
    expectNoCprIn(log.text());
    expect(log.lines()[1]).toMatchObject({ file: `${maskedCpr}.csv`, copy: `${maskedCpr}.csv` });
  });

  it('leave student numbers, counts, dates and timestamps alone', () => {
    const log = capturedLogger();
    log.logger.info({ rows: 12345, at: '2026040612' }, 'S100001 on 2026-04-06');
    expect(log.lines()[0]).toMatchObject({ msg: 'S100001 on 2026-04-06', rows: 12345, at: '2026040612' });
  });
});
