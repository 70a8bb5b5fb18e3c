/**
 * The languages the deviations procedure is written in. Norwegian (bokmål)
 * first: the procedure is NTNU's. The bot's own language list
 * (src/i18n/languages.ts) picks from these; a language added there needs
 * its texts here too (procedure-texts.ts fails to compile otherwise).
 */
export const deviationTextLanguages = ['nb', 'da', 'en'] as const;
export type DeviationTextLanguage = (typeof deviationTextLanguages)[number];
