import { validateDetailed } from 'node-cron';
import { z } from 'zod';

/**
 * The building blocks of the configuration's schemas, shared by the core
 * (institution, units, people) and the procedures' own sections: text, codes,
 * addresses, time zones, cron expressions, whole numbers, and optional
 * sections left empty.
 */

export const text = z.string().trim().min(1);

/**
 * An optional section whose entries are all commented out (`managers:` and
 * nothing under it) is YAML null: it means the same as leaving the key out.
 */
export function emptyIsLeftOut<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === null ? undefined : value), schema);
}

/** Codes name units in exports, commands and file names: one word, and text even when it looks like a number. */
export const unitCode = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number' ? 'must be text: put the code in quotes, e.g. "0123"' : undefined,
  })
  .trim()
  .min(1)
  .regex(/^\S+$/, 'must be one word, without spaces');

export const emailAddress = z.email({
  error: (issue) => (issue.code === 'invalid_format' ? 'not an e-mail address' : undefined),
});

export const timeZone = z
  .string()
  .trim()
  .min(1)
  .transform((zone, ctx) => {
    const canonical = canonicalTimeZone(zone);
    if (canonical === null) {
      ctx.issues.push({ code: 'custom', message: `"${zone}" is not an IANA time zone`, input: zone });
      return z.NEVER;
    }
    return canonical;
  });

/** The zone's canonical spelling (`europe/copenhagen` → `Europe/Copenhagen`), or null if Intl does not know it. */
function canonicalTimeZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

const cronFieldNames: Readonly<Record<string, string>> = {
  second: 'second',
  minute: 'minute',
  hour: 'hour',
  dayOfMonth: 'day of the month',
  month: 'month',
  dayOfWeek: 'day of the week',
};

export const cronExpression = z
  .string()
  .trim()
  .min(1)
  .superRefine((expression, ctx) => {
    const problems = cronProblems(expression);
    if (problems.length > 0) {
      ctx.addIssue({ code: 'custom', message: `not a valid cron expression: ${problems.join('; ')}` });
    }
  });

function cronProblems(expression: string): string[] {
  try {
    const validation = validateDetailed(expression);
    if (validation.valid) return [];
    return validation.errors.map((error) => {
      const field = cronFieldNames[error.field];
      // node-cron's "13 is a invalid expression for month" reads better as a sentence;
      // its other messages ("expected 5 or 6 fields…", "31 2 is an impossible day…") stand as they are.
      return field !== undefined && error.value !== undefined && error.message.includes('invalid expression')
        ? `"${error.value}" is not a valid ${field}`
        : error.message;
    });
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

// `.int()` would abort the whole parse and hide the cross-reference issues, so
// whole numbers are a plain refinement.
export const wholeNumber = z.number().refine(Number.isInteger, 'must be a whole number');
