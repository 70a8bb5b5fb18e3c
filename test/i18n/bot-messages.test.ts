import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/translator.js';
import type { PlaceOutcome } from '../../src/procedures/at-risk/texts/at-risk-texts.js';
import type { SurfaceName } from '../../src/surfaces/chat-surface.js';

const spring = { term: 'spring', year: 2026 } as const;
const noPlaces: Record<PlaceOutcome, SurfaceName[]> = {
  posted: [],
  updated: [],
  unchanged: [],
  inProgress: [],
  failed: [],
};
const noCopies: Record<PlaceOutcome, number> = {
  posted: 0,
  updated: 0,
  unchanged: 0,
  inProgress: 0,
  failed: 0,
};

describe('the bot’s answers to remind now', () => {
  it('say per board where the reminder was posted, on which platforms, what became of the managers’ copies, and who could not be reached', () => {
    const result = {
      boardName: 'Studienævn for Datalogi',
      period: spring,
      channel: {
        ...noPlaces,
        posted: ['slack', 'teams'] as SurfaceName[],
        unchanged: ['console'] as SurfaceName[],
      },
      copies: { ...noCopies, posted: 2, failed: 1 },
      unreachable: ['hod@demo.example', 'services@demo.example'],
    };
    expect(translator('da').t.bot.remindResult(result)).toBe(
      'Studienævn for Datalogi, forår 2026: slået op i studienævnets kanal på Slack og Teams; findes allerede i studienævnets kanal på konsollen; kopier sendt til 2 ledere; 1 kopi kunne ikke sendes (Trafiklys prøver igen); kunne ikke nå hod@demo.example og services@demo.example.',
    );
    expect(translator('en').t.bot.remindResult(result)).toBe(
      "Studienævn for Datalogi, spring 2026: posted in the board's channel on Slack and Teams; already in the board's channel on the console; copies sent to 2 managers; 1 copy could not be sent (Trafiklys tries again); could not reach hod@demo.example and services@demo.example.",
    );
    expect(translator('nb').t.bot.remindResult(result)).toBe(
      'Studienævn for Datalogi, vår 2026: publisert i studieutvalgets kanal på Slack og Teams; finnes allerede i studieutvalgets kanal på konsollen; kopier sendt til 2 ledere; 1 kopi kunne ikke sendes (Trafiklys prøver igjen); nådde ikke hod@demo.example og services@demo.example.',
    );
  });

  it('say when another instance is posting it, and when it failed in the channel and will be tried again', () => {
    const result = {
      boardName: 'History',
      period: spring,
      channel: { ...noPlaces, inProgress: ['slack'] as SurfaceName[], failed: ['teams'] as SurfaceName[] },
      copies: { ...noCopies, inProgress: 1, updated: 1 },
      unreachable: [],
    };
    expect(translator('en').t.bot.remindResult(result)).toBe(
      "History, spring 2026: being posted in the board's channel on Slack by another Trafiklys instance; could not be posted in the board's channel on Teams (Trafiklys tries again); 1 copy to managers updated; 1 copy being sent by another Trafiklys instance.",
    );
  });

  it('say so when a board has no channel to post in', () => {
    const nothing = {
      boardName: 'SN-PHI',
      period: spring,
      channel: noPlaces,
      copies: noCopies,
      unreachable: [],
    };
    expect(translator('en').t.bot.remindResult(nothing)).toBe('SN-PHI, spring 2026: no channel to post in.');
    expect(translator('da').t.bot.remindResult(nothing)).toBe(
      'SN-PHI, forår 2026: ingen kanal at sende til.',
    );
    expect(translator('nb').t.bot.remindResult(nothing)).toBe('SN-PHI, vår 2026: ingen kanal å sende til.');
  });
});
