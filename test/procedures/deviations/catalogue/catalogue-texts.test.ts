import { describe, expect, it } from 'vitest';
import { localeFormat } from '../../../../src/i18n/locale-format.js';
import {
  type CatalogueTexts,
  catalogueTexts,
} from '../../../../src/procedures/deviations/texts/catalogue-texts.js';
import { deviationTextLanguages } from '../../../../src/procedures/deviations/texts/text-languages.js';
import {
  SLACK_BUTTON_TEXT_MAX_CHARACTERS,
  SLACK_PLACEHOLDER_MAX_CHARACTERS,
} from '../../../../src/surfaces/slack/block-kit/slack-limits.js';

const locales = { nb: 'nb-NO', da: 'da-DK', en: 'en-GB' } as const;
const textsIn = (language: keyof typeof locales): CatalogueTexts =>
  catalogueTexts[language](localeFormat(locales[language]));

describe('the catalogue search texts', () => {
  it('say how many matched in each language’s own words, one and many, and when only the best are shown', () => {
    const said = (language: keyof typeof locales) => {
      const { matches } = textsIn(language);
      return [
        matches({ shown: 1, total: 1, search: 'TDT4100' }),
        matches({ shown: 12, total: 12, search: 'databaser' }),
        matches({ shown: 50, total: 1234, search: 'TDT' }),
      ];
    };
    expect(said('nb')).toEqual([
      '1 treff for «TDT4100».',
      '12 treff for «databaser».',
      // Norwegian groups thousands with a no-break space.
      'De 50 beste av 1\u00a0234 treff for «TDT». Skriv mer av koden eller navnet for å snevre inn.',
    ]);
    expect(said('da')).toEqual([
      '1 resultat for »TDT4100«.',
      '12 resultater for »databaser«.',
      'De 50 bedste af 1.234 resultater for »TDT«. Skriv mere af koden eller navnet for at indsnævre søgningen.',
    ]);
    expect(said('en')).toEqual([
      '1 match for “TDT4100”.',
      '12 matches for “databaser”.',
      'The best 50 of 1,234 matches for “TDT”. Type more of the code or name to narrow the list.',
    ]);
  });

  it.each(deviationTextLanguages)(
    'in %s the button and the placeholders fit where Slack shows them',
    (language) => {
      const texts = textsIn(language);
      expect(texts.searchButton.length).toBeLessThanOrEqual(SLACK_BUTTON_TEXT_MAX_CHARACTERS);
      for (const placeholder of [texts.searchPlaceholder, texts.matchesPlaceholder])
        expect(placeholder.length, placeholder).toBeLessThanOrEqual(SLACK_PLACEHOLDER_MAX_CHARACTERS);
    },
  );
});
