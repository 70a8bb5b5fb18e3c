import { describe, expect, it } from 'vitest';
import { slackTexts } from '../../src/surfaces/slack/slack-texts.js';
import { teamsTexts } from '../../src/surfaces/teams/inbound/teams-texts.js';

// What Slack and Teams say on their own (a form that expired, a file too large)
// follows the locale the platform gives, as the bot's answers do.
describe("the surfaces' own sentences in the reader's language", () => {
  it.each(['nb-NO', 'no', 'nn-NO', 'nb'])('a reader whose locale is %s reads them in Bokmål', (locale) => {
    expect(slackTexts(locale).formExpired).toBe(
      'Skjemaet er utløpt. Lukk det og åpne det igjen fra meldingen.',
    );
    expect(slackTexts(locale).fileTooLarge('vår.csv', 50)).toBe(
      '«vår.csv» er for stor for Trafiklys (høyst 50 MB).',
    );
    expect(teamsTexts(locale).formIntro('Gå gjennom studenter')).toBe(
      'Klikk på Åpne for å fylle ut «Gå gjennom studenter».',
    );
    expect(teamsTexts(locale).done).toBe('Utført.');
  });

  it('Danish and English readers keep theirs, and a locale the platform did not give is English', () => {
    expect(slackTexts('da-DK').formExpired).toBe(
      'Formularen er udløbet. Luk den og åbn den igen fra beskeden.',
    );
    expect(teamsTexts('en-US').done).toBe('Done.');
    expect(slackTexts(null).formExpired).toBe(
      'This form has expired. Close it and open it again from the message.',
    );
    expect(teamsTexts(undefined).openForm).toBe('Open');
  });
});
