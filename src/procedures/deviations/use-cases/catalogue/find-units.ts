import type { ReportableUnit } from '../../unit-directory.js';

/**
 * How many matches a search shows at most: enough to find one by scrolling,
 * few enough that the form stays small on every surface (a Slack menu
 * without groups, a fraction of a Teams dialog card).
 */
export const unitMatchesMax = 50;

/** The best matches of a search, and how many there were in all. */
export interface UnitMatches {
  readonly units: readonly ReportableUnit[];
  readonly total: number;
}

/**
 * The programmes and courses a person means by what she typed, best first:
 * a code that is what she typed, then codes that begin with it (`TDT41`,
 * `tdt 4100`), then names with a word beginning with each of her words
 * (`objekt prog`), then names or codes holding each of her words anywhere
 * (`orientert`, inside a Norwegian compound). Case and accents are ignored,
 * and the Nordic letters match as people type them without the keys: ø as
 * o or oe, æ as a or ae, å as a or aa.
 */
export function findUnits(
  units: readonly ReportableUnit[],
  search: string,
  limit: number = unitMatchesMax,
): UnitMatches {
  const words = wordsOf(folded(search, 'short'));
  if (words.length === 0) return { units: [], total: 0 };
  const compact = words.join('');
  const ranked: { readonly unit: ReportableUnit; readonly rank: number; readonly position: number }[] = [];
  units.forEach((unit, position) => {
    const rank = rankOf(unit, words, compact);
    if (rank !== null) ranked.push({ unit, rank, position });
  });
  ranked.sort((a, b) => {
    if (a.rank !== b.rank) return a.rank - b.rank;
    // Codes in code order (TDT4100 before TDT4102); names in the directory's order (by name).
    if (a.rank <= codePrefix) return a.unit.code.localeCompare(b.unit.code);
    return a.position - b.position;
  });
  return { units: ranked.slice(0, limit).map((entry) => entry.unit), total: ranked.length };
}

const exactCode = 0;
const codePrefix = 1;
const wordPrefixes = 2;
const anywhere = 3;

function rankOf(unit: ReportableUnit, words: readonly string[], compact: string): number | null {
  const code = wordsOf(folded(unit.code, 'short')).join('');
  if (code === compact) return exactCode;
  if (code.startsWith(compact)) return codePrefix;
  // Both spellings of the Nordic letters: a word may match in either.
  const names = [folded(unit.name, 'short'), folded(unit.name, 'long')];
  const nameWords = names.flatMap(wordsOf);
  if (words.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)))) return wordPrefixes;
  const haystacks = [...names, code];
  if (words.every((word) => haystacks.some((haystack) => haystack.includes(word)))) return anywhere;
  return null;
}

/**
 * Lower case without accents (é → e, å → a by Unicode's decomposition).
 * Letters that do not decompose are written the two ways people type them:
 * `short` (ø → o, æ → a) and `long` (ø → oe, æ → ae, å → aa).
 */
function folded(text: string, spelling: 'short' | 'long'): string {
  const lower = text.toLowerCase();
  const nordic =
    spelling === 'long'
      ? lower.replaceAll('å', 'aa').replaceAll('ø', 'oe').replaceAll('æ', 'ae')
      : lower.replaceAll('ø', 'o').replaceAll('æ', 'a');
  return nordic
    .normalize('NFD')
    .replaceAll(/\p{M}/gu, '')
    .replaceAll('œ', 'oe')
    .replaceAll('ß', 'ss')
    .replaceAll(/[ðđ]/g, 'd')
    .replaceAll('þ', 'th')
    .replaceAll('ł', 'l');
}

function wordsOf(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}
