import type { PDFFont } from 'pdf-lib';

/** Characters the catalogue uses that WinAnsi lacks, and their nearest WinAnsi form. */
const replacements: Readonly<Record<string, string>> = {
  '\u2212': '-', // minus sign (formatSignedChange) → hyphen-minus
  '\u00A0': ' ', // no-break space (some locales' number grouping)
  '\u202F': ' ', // narrow no-break space
};

/**
 * A text the standard fonts can show. Their WinAnsi encoding covers Danish
 * and English (æøå, §, ±, –, »«) but not everything a name may hold; pdf-lib
 * refuses a character it cannot encode, so such a character is replaced:
 * by its letter without the accent where that is WinAnsi (ő → o), else by
 * `?` (ł, 李). The chat message keeps the exact text.
 */
export function pdfText(text: string, font: PDFFont): string {
  const encodable = characterSet(font);
  let result = '';
  for (const character of text) {
    const replaced = replacements[character] ?? character;
    if (isEncodable(replaced, encodable)) {
      result += replaced;
      continue;
    }
    const bare = replaced.normalize('NFKD').replace(/\p{M}/gu, '');
    result += bare !== '' && isEncodable(bare, encodable) ? bare : '?';
  }
  return result;
}

function isEncodable(text: string, encodable: ReadonlySet<number>): boolean {
  for (const character of text) {
    if (character === '\n') continue;
    if (!encodable.has(character.codePointAt(0) ?? -1)) return false;
  }
  return true;
}

const characterSets = new WeakMap<PDFFont, ReadonlySet<number>>();
function characterSet(font: PDFFont): ReadonlySet<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}
