import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Pair } from 'yaml';

export interface SourcePosition {
  /** 1-based */
  readonly line: number;
  /** 1-based */
  readonly column: number;
}

/**
 * Where the value at `path` sits in the YAML source. An empty value points at
 * its key; a key the file leaves out points at the nearest mapping or list
 * that is there (the place to add it). With `atKey`, points at the last key
 * itself (an unknown key is the key, not its value).
 */
export function positionOf(
  document: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  options: { atKey?: boolean } = {},
): SourcePosition {
  let node: unknown = document.contents;
  let offset = rangeStart(node) ?? 0;
  for (const [index, segment] of path.entries()) {
    if (isAlias(node)) node = node.resolve(document);
    let key: unknown;
    let value: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item: Pair) => keyText(item.key) === String(segment));
      if (pair === undefined) break;
      key = pair.key;
      value = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      value = node.items[segment];
      if (value === undefined) break;
    } else {
      break;
    }
    const isLast = index === path.length - 1;
    const valueStart = rangeStart(value);
    const keyStart = rangeStart(key);
    offset =
      (isLast && options.atKey) || valueStart === undefined || isEmptyScalar(value)
        ? (keyStart ?? valueStart ?? offset)
        : valueStart;
    node = value;
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  if (isAlias(node) || isScalar(node) || isMap(node) || isSeq(node)) return node.range?.[0] ?? undefined;
  return undefined;
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && node.range != null && node.range[0] === node.range[1];
}

/** `boards[3].chair`: the path as a person would write it. */
export function formatKeyPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_][\w-]*$/.test(segment))
      text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}
