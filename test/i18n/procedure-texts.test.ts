import { describe, expect, it } from 'vitest';
import { da } from '../../src/i18n/catalogue/da.js';
import { en } from '../../src/i18n/catalogue/en.js';
import { joinSections } from '../../src/i18n/catalogue/join-sections.js';
import { nb } from '../../src/i18n/catalogue/nb.js';
import { procedureTexts } from '../../src/i18n/catalogue/procedure-texts.js';

describe('a procedure declares its own catalogue section', () => {
  it('its texts join the core groups they share, every one reached by the path it had', () => {
    const core = { bot: { fileNotTaken: 'core' }, surfaces: { slack: { done: 'Done' } } };
    const section = { bot: { noCycles: 'none yet' }, reminder: { reviewButton: 'Review' } };

    expect(joinSections(core, section)).toEqual({
      bot: { fileNotTaken: 'core', noCycles: 'none yet' },
      surfaces: { slack: { done: 'Done' } },
      reminder: { reviewButton: 'Review' },
    });
  });

  it('a text the core and a procedure both declare is refused, not silently replaced', () => {
    const core = { commands: { description: { help: 'Show this help' } } };
    const section = { commands: { description: { help: 'Another help' } } };

    expect(() => joinSections(core, section)).toThrow(/commands\.description\.help is declared twice/);
  });

  it('the bot speaks the at-risk procedure through its section, in every language', () => {
    for (const [language, pack] of [
      ['da', da],
      ['en', en],
      ['nb', nb],
    ] as const) {
      const atRisk = procedureTexts(language, pack.format);
      expect(pack.messages.reminder.reviewButton).toBe(atRisk.reminder.reviewButton);
      expect(pack.messages.commands.description.status).toBe(atRisk.commands.description.status);
      expect(pack.messages.bot.noCycles).toBe(atRisk.bot.noCycles);
    }
  });

  it('the core keeps the router and surface texts, which name no procedure', () => {
    expect(Object.keys(procedureTexts('en', en.format).bot)).not.toContain('fileNotTaken');
    expect(procedureTexts('en', en.format)).not.toHaveProperty('surfaces');
    expect(en.messages.bot.fileNotTaken({ fileName: 'notes.pdf', kinds: 'exports' })).toBe(
      'I do not know what to do with notes.pdf. I take exports.',
    );
  });
});
