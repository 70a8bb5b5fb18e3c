import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translator.js';

const spring = { term: 'spring', year: 2026 } as const;

describe('the bot’s answers to remind now', () => {
  it('say per board what was sent, updated, already sent, failed and who could not be reached', () => {
    const result = {
      boardName: 'Studienævn for Datalogi',
      period: spring,
      posted: 2,
      updated: 1,
      unchanged: 0,
      failed: 1,
      unreachable: ['hod@demo.example', 'services@demo.example'],
    };
    expect(translator('da').t.bot.remindResult(result)).toBe(
      'Studienævn for Datalogi, forår 2026: 2 sendt, 1 opdateret, 1 mislykkedes (prøves igen), kunne ikke nå hod@demo.example og services@demo.example.',
    );
    expect(translator('en').t.bot.remindResult(result)).toBe(
      'Studienævn for Datalogi, spring 2026: 2 sent, 1 updated, 1 failed (will be retried), could not reach hod@demo.example and services@demo.example.',
    );
  });

  it('say so when a board has no channel to post in', () => {
    const nothing = {
      boardName: 'SN-PHI',
      period: spring,
      posted: 0,
      updated: 0,
      unchanged: 0,
      failed: 0,
      unreachable: [],
    };
    expect(translator('en').t.bot.remindResult(nothing)).toBe('SN-PHI, spring 2026: no channel to post in.');
  });
});
