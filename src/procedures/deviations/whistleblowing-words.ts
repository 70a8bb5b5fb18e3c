/**
 * Serious and censurable matters are not deviations (the guideline: bullying,
 * harassment, sexual harassment, violence, threats, threatening behaviour):
 * they go to the whistleblowing route. These word beginnings, per language,
 * make the intake form show that route instead of filing; an institution may
 * replace a language's list (`deviations.whistleblowing.words`). A word
 * matches a word of the report that starts with it, so `trakass` covers
 * trakassering and trakassert, and a phrase matches the same words in a row.
 */
export const defaultWhistleblowingWords = {
  nb: [
    'trakass',
    'mobb',
    'vold',
    'trussel',
    'trusler',
    'truende',
    'truet',
    'overgrep',
    'seksuell',
    'diskriminer',
    'rasis',
    'hets',
  ],
  da: [
    'chikane',
    'chikaner',
    'mobning',
    'mobbe',
    'vold',
    'trussel',
    'trusler',
    'truende',
    'truet',
    'overgreb',
    'seksuel',
    'krænk',
    'diskrimin',
    'racis',
  ],
  en: [
    'harass',
    'bully',
    'bullied',
    'violen',
    'threat',
    'assault',
    'abuse',
    'sexual',
    'discriminat',
    'racis',
    'stalk',
  ],
} as const satisfies Readonly<Record<'da' | 'en' | 'nb', readonly string[]>>;
