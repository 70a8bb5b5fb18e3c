/**
 * One catalogue from two parts: the core's texts and a procedure's section,
 * or two procedures' sections. A group both declare (`bot`, `errors`,
 * `commands.description`) gets the keys of both, so a reader keeps reaching
 * every text by the same path (`t.bot.fileNotTaken`, `t.bot.remindResult`).
 * A text both declare is a mistake, not an override: it throws when the
 * catalogue is built, at start-up and in every test.
 */
export function joinSections<First extends object, Second extends object>(
  first: First,
  second: Second,
): First & Second {
  // The types say what the result holds; the join below makes it so, key by key.
  return joined(first, second, '') as First & Second;
}

function joined(first: object, second: object, path: string): object {
  const result: Record<string, unknown> = { ...first };
  for (const [key, value] of Object.entries(second)) {
    const keyPath = path ? `${path}.${key}` : key;
    const existing = result[key];
    if (!Object.hasOwn(result, key)) result[key] = value;
    else if (isGroup(existing) && isGroup(value)) result[key] = joined(existing, value, keyPath);
    else
      throw new Error(`The catalogue text ${keyPath} is declared twice; each text belongs to one section.`);
  }
  return result;
}

/** A group of texts; a text is a string or a message function. */
function isGroup(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
