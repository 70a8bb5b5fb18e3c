import { describe, expect, it } from 'vitest';
import { localeFormat } from '../../../../src/i18n/locale-format.js';
import { plainTextOf } from '../../../../src/messages/plain-text.js';
import { deviationTextLanguages } from '../../../../src/procedures/deviations/texts/text-languages.js';
import { type TriageTexts, triageTexts } from '../../../../src/procedures/deviations/texts/triage-texts.js';
import {
  SLACK_BUTTON_TEXT_MAX_CHARACTERS,
  SLACK_MODAL_BUTTON_MAX_CHARACTERS,
  SLACK_MODAL_TITLE_MAX_CHARACTERS,
} from '../../../../src/surfaces/slack/block-kit/slack-limits.js';
import { triageTextMessages } from '../texts/triage-messages.js';

/**
 * The triage texts in each of the procedure's languages, Norwegian included
 * before the bot's catalogue speaks it (the catalogue's own completeness
 * test covers the languages it has).
 */
const locales = { nb: 'nb-NO', da: 'da-DK', en: 'en-GB' } as const;
const textsIn = (language: keyof typeof locales): TriageTexts =>
  triageTexts[language](localeFormat(locales[language]));

function leaves(value: object, prefix = ''): Map<string, 'text' | 'message function'> {
  const found = new Map<string, 'text' | 'message function'>();
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') found.set(path, 'text');
    else if (typeof child === 'function') found.set(path, 'message function');
    else for (const [childPath, kind] of leaves(child, path)) found.set(childPath, kind);
  }
  return found;
}

describe('the triage texts', () => {
  it('every language has the same texts and message functions as English', () => {
    for (const language of deviationTextLanguages)
      expect(leaves(textsIn(language))).toEqual(leaves(textsIn('en')));
  });

  describe.each(deviationTextLanguages)('%s', (language) => {
    const texts = textsIn(language);

    it('every message function is exercised, and gives a whole text with no hole and no stray space', () => {
      const functions = [...leaves(texts)]
        .filter(([, kind]) => kind === 'message function')
        .map(([path]) => path);
      const messages = triageTextMessages(texts);
      expect(Object.keys(messages).sort()).toEqual(functions.sort());
      for (const [path, message] of Object.entries(messages)) {
        const text = typeof message === 'string' ? message : plainTextOf(message);
        expect(text.trim(), path).not.toBe('');
        expect(text, path).not.toMatch(/undefined|null|NaN|\[object|\$\{|\{\w+\}/);
        expect(text, path).not.toMatch(/ {2}| [.,:]/);
      }
    });

    it('the buttons, form titles and form buttons fit where the platforms show them', () => {
      for (const label of Object.values(texts.button))
        expect(label.length, label).toBeLessThanOrEqual(SLACK_BUTTON_TEXT_MAX_CHARACTERS);
      const { accept, forward, reject, redirect, result, cancel } = texts.form;
      for (const short of [accept, forward, reject, redirect].flatMap((form) => [form.title, form.submit]))
        expect(short.length, short).toBeLessThanOrEqual(
          Math.min(SLACK_MODAL_TITLE_MAX_CHARACTERS, SLACK_MODAL_BUTTON_MAX_CHARACTERS),
        );
      for (const short of [result.title, result.close, cancel])
        expect(short.length, short).toBeLessThanOrEqual(SLACK_MODAL_BUTTON_MAX_CHARACTERS);
    });
  });
});
