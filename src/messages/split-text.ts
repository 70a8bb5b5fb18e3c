/**
 * Splitting rendered rich text into pieces that each fit a platform's size
 * limit (a Slack section's 3,000 characters, a Teams page's bytes), at line
 * boundaries where possible, else at word boundaries, and only as a last
 * resort inside a word. Nothing is dropped: the pieces together hold every
 * character of the input.
 */

/** One inline piece of text and how a platform writes it (escaping, styling markers). */
export interface TextRun {
  /** The source text, as the reader should see it. */
  readonly text: string;
  /** The platform syntax for `text`, or for any part of it when the run is split. */
  readonly render: (text: string) => string;
  /** A mention or a link: never split, always rendered whole. */
  readonly atomic?: boolean;
}

export interface TextLimit {
  readonly max: number;
  /** Size of rendered text in the limit's unit (characters, bytes); must grow with the text. */
  readonly measure: (rendered: string) => number;
}

export const characterCount = (rendered: string): number => rendered.length;

/** Joins runs and splits the result into rendered chunks that each measure at most `limit.max`. */
export function splitRuns(runs: readonly TextRun[], limit: TextLimit): string[] {
  const chunks: string[] = [];
  let current = '';
  const flush = () => {
    const chunk = current.trimEnd();
    if (chunk.length > 0) chunks.push(chunk);
    current = '';
  };
  const fits = (rendered: string) => limit.measure(current + rendered) <= limit.max;

  for (const run of runs) {
    const whole = run.render(run.text);
    if (fits(whole)) {
      current += whole;
      continue;
    }
    if (run.atomic) {
      flush();
      if (!fits(whole)) {
        throw new Error(`A link or mention is longer than the limit of ${limit.max}: ${whole.slice(0, 80)}…`);
      }
      current = whole;
      continue;
    }
    let remaining = run.text;
    while (remaining.length > 0) {
      const rendered = run.render(remaining);
      if (fits(rendered)) {
        current += rendered;
        break;
      }
      const cut = cutPoint(remaining, (prefix) => fits(run.render(prefix)));
      if (cut.kind === 'none') {
        if (current.trim().length === 0) {
          throw new Error(`Cannot fit even one character within the limit of ${limit.max}.`);
        }
        flush();
        continue;
      }
      if (cut.kind === 'inside-word' && current.trim().length > 0) {
        // A whole word fits on a fresh piece more often than not: try there before cutting it.
        flush();
        continue;
      }
      current += run.render(remaining.slice(0, cut.end).trimEnd());
      remaining =
        cut.kind === 'inside-word' ? remaining.slice(cut.end) : remaining.slice(cut.end).trimStart();
      flush();
    }
  }
  flush();
  return chunks;
}

type Cut = { kind: 'none' } | { kind: 'line' | 'word' | 'inside-word'; end: number };

/**
 * Where to cut `text` so that its head fits: after the last line break (when
 * that keeps at least half of what would fit), else after the last word, else
 * as much as fits.
 */
function cutPoint(text: string, headFits: (head: string) => boolean): Cut {
  // The longest head that fits, by binary search (rendered size grows with the head).
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (headFits(text.slice(0, middle))) low = middle;
    else high = middle - 1;
  }
  const longest = low;
  if (longest === 0) return { kind: 'none' };
  const window = text.slice(0, longest + 1);
  const lineBreak = window.lastIndexOf('\n');
  if (lineBreak > 0 && lineBreak >= longest / 2) return { kind: 'line', end: lineBreak };
  const space = lastWhitespace(window);
  if (space > 0) return { kind: 'word', end: space };
  // Never split a surrogate pair: an emoji stays whole.
  const end = isLowSurrogate(text.charCodeAt(longest)) ? longest - 1 : longest;
  return end > 0 ? { kind: 'inside-word', end } : { kind: 'none' };
}

function lastWhitespace(text: string): number {
  for (let index = text.length - 1; index >= 0; index--) {
    if (/\s/.test(text[index] ?? '')) return index;
  }
  return -1;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
