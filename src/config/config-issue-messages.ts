import type { z } from 'zod';

/**
 * Messages for the issues zod raises from the configuration's shape, written
 * for the person editing the YAML file: what is wrong with the value, in the
 * file's terms (text, a list, a mapping), never zod's type names. Schemas that
 * know better (e-mail, time zone, cron) set their own message.
 */
export function configIssueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return 'required';
      return `must be ${expectedKind(issue.expected)}, not ${kindOf(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array')
        return `must list at least ${issue.minimum} ${issue.minimum === 1 ? 'entry' : 'entries'}`;
      return issue.inclusive ? `must be at least ${issue.minimum}` : `must be more than ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `must list at most ${issue.maximum} entries`;
      return issue.inclusive ? `must be at most ${issue.maximum}` : `must be less than ${issue.maximum}`;
    case 'invalid_value':
      return `${JSON.stringify(issue.input)} is not one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'has the wrong form' : `not a valid ${issue.format}`;
    default:
      return undefined;
  }
}

function expectedKind(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
    case 'int':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'array':
      return 'a list';
    case 'object':
    case 'record':
      return 'a mapping (key: value)';
    default:
      return expected;
  }
}

/** What a YAML value is, in YAML's words. */
export function kindOf(value: unknown): string {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'true/false';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object' && value !== null) return 'a mapping';
  return 'empty';
}

/** `unknown key "chiar" (did you mean "chair"?)`, or the keys allowed there when nothing is close. */
export function unknownKeyMessage(key: string, knownKeys: readonly string[]): string {
  const suggestion = closestKey(key, knownKeys);
  if (suggestion !== null) return `unknown key "${key}" (did you mean "${suggestion}"?)`;
  return knownKeys.length > 0
    ? `unknown key "${key}" (allowed: ${knownKeys.join(', ')})`
    : `unknown key "${key}"`;
}

function closestKey(key: string, knownKeys: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const known of knownKeys) {
    const distance = editDistance(key.toLowerCase(), known.toLowerCase());
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  // A typo, not a different word: at most two edits, and fewer than a third of the key.
  return best !== null && bestDistance <= Math.min(2, Math.ceil(key.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
