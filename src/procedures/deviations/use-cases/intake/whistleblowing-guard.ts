/**
 * The whistleblowing guard's reading of a report's words (the guideline:
 * bullying, harassment, violence, threats and other serious matters are not
 * deviations). A configured word matches a word of the text that starts with
 * it (`trakass` → trakassert); a phrase matches the same words in a row, each
 * by its beginning. Case and accents do not count, and every language's list
 * is read whatever the reporter's language: people mix languages.
 *
 * It answers yes or no only: which word matched is never returned, so it
 * cannot end up in a log or a message.
 */
export function mentionsSeriousMatter(
  texts: readonly string[],
  wordLists: Readonly<Record<string, readonly string[]>>,
): boolean {
  const phrases = Object.values(wordLists)
    .flat()
    .map(wordsOf)
    .filter((phrase) => phrase.length > 0);
  return texts.some((text) => {
    const words = wordsOf(text);
    return phrases.some((phrase) => containsPhrase(words, phrase));
  });
}

function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  for (let start = 0; start + phrase.length <= words.length; start += 1) {
    if (phrase.every((beginning, offset) => words[start + offset]?.startsWith(beginning))) return true;
  }
  return false;
}

/**
 * The text's words, folded: lower case, accents dropped (é → e, å → a), and
 * æ and ø written as ae and o, as people type them on a keyboard without.
 */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replaceAll(/\p{M}/gu, '')
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}
