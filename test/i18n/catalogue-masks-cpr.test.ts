import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../src/i18n/languages.js';
import { translator } from '../../src/i18n/translator.js';
import { maskedCpr } from '../../src/security/cpr-shape.js';

// Whatever went into a text (a cell, a file name, words a person typed), the
// text the catalogue makes carries no CPR-shaped value.
describe.each(supportedLanguages)('every text the %s catalogue makes', (language) => {
  const { t } = translator(language);

  it('masks a CPR-shaped value quoted from an export, with or without the dash', () => {
    const problem = t.progressImport.problem({
      line: 6,
      column: 'email',
      reason: { code: 'not_an_email', text: '190704-1488' },
    });
    const number = t.progressImport.problem({
      line: 8,
      column: 'ects_passed',
      reason: { code: 'not_a_number', text: '2307435552' },
    });

    expect(problem).toContain(maskedCpr);
    expect(`${problem}\n${number}`).not.toMatch(/1907041488|190704-1488|2307435552/);
  });

  it('masks a CPR-shaped file name in a rejection report', () => {
    const report = t.progressImport.rejectionReport({
      fileName: '190704-1488.csv',
      problems: ['line 2: is empty'],
      more: 0,
    });
    expect(report).toContain(`${maskedCpr}.csv`);
  });

  it('masks what a person typed when it is echoed back', () => {
    const answer = t.commands.unknown({ text: 'remind 1907041488', helpCommand: '/trafiklys help' });
    expect(answer).not.toContain('1907041488');
    expect(answer).toContain(maskedCpr);
  });

  it('masks rich text, and leaves mentions and fixed labels as they are', () => {
    const person = { email: 'ida@example.dk', displayName: 'Ida Holm' };
    const pieces = t.errors.somethingWentWrong({
      contact: { kind: 'mention', person },
      reference: '190704-1488',
    });
    expect(JSON.stringify(pieces)).not.toContain('190704-1488');
    expect(pieces).toContainEqual({ kind: 'mention', person });
    expect(t.category.red).toBe({ da: 'Rød', en: 'Red', nb: 'Rød' }[language]);
  });
});
