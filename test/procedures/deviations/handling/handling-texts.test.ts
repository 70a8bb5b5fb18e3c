import { describe, expect, it } from 'vitest';
import { localeFormat } from '../../../../src/i18n/locale-format.js';
import { plainTextOf } from '../../../../src/messages/plain-text.js';
import { deviationTexts } from '../../../../src/procedures/deviations/texts/deviation-texts.js';
import { deviationTextLanguages } from '../../../../src/procedures/deviations/texts/text-languages.js';
import { handlingMessages } from '../texts/handling-messages.js';

/**
 * The handling texts in every language they are written in, Norwegian
 * included before the bot speaks it (the catalogue's completeness test
 * covers the bot's languages through the translator).
 */
const localeOf = { nb: 'nb-NO', da: 'da-DK', en: 'en-GB' } as const;
const textsIn = (language: (typeof deviationTextLanguages)[number]) =>
  deviationTexts[language](localeFormat(localeOf[language]));

function leaves(value: object, prefix = ''): Map<string, string | 'function'> {
  const found = new Map<string, string | 'function'>();
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') found.set(path, child);
    else if (typeof child === 'function') found.set(path, 'function');
    else if (typeof child === 'object' && child !== null)
      for (const [p, leaf] of leaves(child, path)) found.set(p, leaf);
  }
  return found;
}

describe.each(deviationTextLanguages)('the handling texts in %s', (language) => {
  const texts = textsIn(language);

  it('have every text English has, and none empty or with stray spaces', () => {
    const own = leaves(texts.deviations.handling);
    expect([...own.keys()].sort()).toEqual([...leaves(textsIn('en').deviations.handling).keys()].sort());
    for (const [path, text] of own) if (text !== 'function') expect(text, path).toMatch(/^\S(.*\S)?$/s);
  });

  it('every message function gives a complete text, with no hole where a value should be', () => {
    for (const [path, message] of Object.entries(handlingMessages(texts))) {
      const text = typeof message === 'string' ? message : plainTextOf(message);
      expect(text.trim(), path).not.toBe('');
      expect(text, path).not.toMatch(/undefined|null|NaN|\[object|\$\{|\{\w+\}/);
      expect(text, path).not.toMatch(/ {2}| [.,:]/);
    }
  });

  it('form titles fit Slack’s 24 characters', () => {
    const { forms } = texts.deviations.handling;
    const titles = [
      ...Object.values(forms).map((form) => form.title),
      texts.deviations.handling.view.title,
      texts.deviations.caseTitle({ number: '2026-0042' }),
    ];
    for (const title of titles) expect([...title].length, title).toBeLessThanOrEqual(24);
  });
});
