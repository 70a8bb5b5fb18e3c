import { describe, expect, expectTypeOf, it } from 'vitest';
import { type BotLanguage, botLanguages } from '../../src/config/institution-config.js';
import { type Language, languageForLocale, supportedLanguages } from '../../src/i18n/languages.js';

describe("the reader's language", () => {
  it("is taken from the platform locale's language, whatever the region", () => {
    expect(languageForLocale('da-DK', 'en')).toBe('da');
    expect(languageForLocale('da', 'en')).toBe('da');
    expect(languageForLocale('en-US', 'da')).toBe('en');
    expect(languageForLocale('en-GB', 'da')).toBe('en');
    expect(languageForLocale('en', 'da')).toBe('en');
  });

  it('reads the spellings the platforms and consoles use', () => {
    expect(languageForLocale('en-us', 'da')).toBe('en'); // Teams
    expect(languageForLocale('EN-GB', 'da')).toBe('en');
    expect(languageForLocale('da_DK.UTF-8', 'en')).toBe('da'); // POSIX LANG
    expect(languageForLocale(' da-DK ', 'en')).toBe('da');
  });

  it('gives Norwegian Bokmål to every Norwegian reader: nb, the older no, and Nynorsk (nn), which the bot does not write', () => {
    expect(languageForLocale('nb-NO', 'da')).toBe('nb');
    expect(languageForLocale('nb', 'en')).toBe('nb');
    expect(languageForLocale('no', 'en')).toBe('nb');
    expect(languageForLocale('no-NO', 'da')).toBe('nb');
    expect(languageForLocale('nn-NO', 'da')).toBe('nb');
    expect(languageForLocale('nb_NO.UTF-8', 'en')).toBe('nb'); // POSIX LANG
  });

  it("falls back to the institution's language for a language not yet supported", () => {
    expect(languageForLocale('sv-SE', 'en')).toBe('en');
    expect(languageForLocale('fi-FI', 'nb')).toBe('nb');
    expect(languageForLocale('de-DE', 'da')).toBe('da');
  });

  it("falls back to the institution's language when the platform tells none", () => {
    expect(languageForLocale(null, 'da')).toBe('da');
    expect(languageForLocale('', 'en')).toBe('en');
    expect(languageForLocale('-', 'en')).toBe('en');
  });

  it("the configuration's bot languages are exactly the languages with a catalogue", () => {
    expectTypeOf<BotLanguage>().toEqualTypeOf<Language>();
    expect([...supportedLanguages].sort()).toEqual(['da', 'en', 'nb']);
    expect([...botLanguages].sort()).toEqual([...supportedLanguages].sort());
  });
});
