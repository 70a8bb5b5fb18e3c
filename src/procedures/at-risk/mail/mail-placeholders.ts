import type { TeachingLanguage } from '../progress-export/progress-row.js';

/**
 * The words of the § 31 mails: which templates there are, what each is made
 * of, which placeholders a template may use and which of them are the
 * required parts an override may not drop.
 */

/** § 31 stk. 1 (yellow: information and the right to special guidance), § 31 stk. 2 (red: a meeting offer). */
export const mailTemplateNames = ['yellow', 'red'] as const;
export type MailTemplateName = (typeof mailTemplateNames)[number];

export const mailParts = ['subject', 'text', 'html'] as const;
export type MailPart = (typeof mailParts)[number];

export type MailLanguage = TeachingLanguage;

/**
 * The fixed library texts (student services' wording, per language) a template
 * places with `{{ rights }}` and the like. Their wording is not configurable:
 * an override is free around them, so the legally required information stays
 * word for word what student services wrote.
 */
export const snippetNames = ['rights', 'meetingOffer', 'guidance', 'contact'] as const;
export type SnippetName = (typeof snippetNames)[number];

/** The snippets each template offers (the meeting offer is the red mail's alone). */
export const snippetsOf: Readonly<Record<MailTemplateName, readonly SnippetName[]>> = {
  yellow: ['rights', 'guidance', 'contact'],
  red: ['rights', 'meetingOffer', 'guidance', 'contact'],
};

/**
 * What a text and an HTML body must output, at the top level, as they are.
 * § 31 stk. 1: the yellow mail informs about the guidance available and the
 * right to special guidance. § 31 stk. 2: the red mail offers special guidance
 * as an individual conversation. Both say whom to contact.
 */
export const requiredSnippets: Readonly<Record<MailTemplateName, readonly SnippetName[]>> = {
  yellow: ['rights', 'guidance', 'contact'],
  red: ['rights', 'meetingOffer', 'contact'],
};

/** A required part in words, for the person whose override left it out. */
export function snippetInWords(snippet: SnippetName, template: MailTemplateName): string {
  switch (snippet) {
    case 'rights':
      return template === 'yellow'
        ? 'the § 31 stk. 1 rights paragraph {{ rights }}'
        : 'the § 31 stk. 2 rights paragraph {{ rights }}';
    case 'meetingOffer':
      return 'the § 31 stk. 2 meeting offer {{ meetingOffer }}';
    case 'guidance':
      return 'the § 31 stk. 1 list of guidance services {{ guidance }}';
    case 'contact':
      return 'the contact details {{ contact }}';
  }
}

/**
 * A placeholder's shape: a value, a mapping of named placeholders, or a list
 * whose items are such mappings (`guidanceServices`).
 */
export type PlaceholderShape =
  | 'value'
  | { readonly fields: Readonly<Record<string, PlaceholderShape>> }
  | { readonly items: Readonly<Record<string, PlaceholderShape>> };

const guidanceService = { name: 'value', description: 'value', url: 'value', email: 'value' } as const;

/** What every part of a mail may use. Values the data may lack are there as empty (nil), never missing. */
const commonPlaceholders: Readonly<Record<string, PlaceholderShape>> = {
  student: { fields: { name: 'value', programme: 'value' } },
  board: { fields: { name: 'value', code: 'value' } },
  chair: { fields: { name: 'value', email: 'value' } },
  institution: { fields: { name: 'value' } },
  bookingLink: 'value',
  guidanceServices: { items: guidanceService },
  ectsBehind: 'value',
  delayMonths: 'value',
  delay: 'value',
};

/** The placeholders a part of a template may use; the snippets and the rendered subject only in the bodies. */
export function placeholdersFor(
  template: MailTemplateName,
  part: MailPart,
): Readonly<Record<string, PlaceholderShape>> {
  if (part === 'subject') return commonPlaceholders;
  const snippets = Object.fromEntries(snippetsOf[template].map((name) => [name, 'value' as const]));
  return { ...commonPlaceholders, subject: 'value', ...snippets };
}

/** `student.name, student.programme, …`: the placeholders as a person writes them. */
export function placeholderList(placeholders: Readonly<Record<string, PlaceholderShape>>): string[] {
  return Object.entries(placeholders).flatMap(([name, shape]) =>
    typeof shape === 'object' && 'fields' in shape
      ? placeholderList(shape.fields).map((field) => `${name}.${field}`)
      : [name],
  );
}

/**
 * Whether a placeholder path (as Liquid's static analysis gives it) names
 * something the mail has. Besides the names above, Liquid's own `size` of a
 * text or list and `first`/`last`/`[n]` of a list. A segment computed at
 * render time (`list[i]`) ends the check: the sample renders catch what it
 * names.
 */
export function isKnownPath(
  segments: readonly unknown[],
  placeholders: Readonly<Record<string, PlaceholderShape>>,
): boolean {
  const [root, ...rest] = segments;
  if (typeof root !== 'string' || !Object.hasOwn(placeholders, root)) return false;
  let shape = placeholders[root];
  for (const segment of rest) {
    if (shape === undefined) return false;
    if (typeof segment !== 'string' && typeof segment !== 'number') return true;
    if (shape === 'value') return segment === 'size';
    if ('items' in shape) {
      if (segment === 'size') return true;
      if (typeof segment !== 'number' && segment !== 'first' && segment !== 'last') return false;
      shape = { fields: shape.items };
      continue;
    }
    if (typeof segment !== 'string' || !Object.hasOwn(shape.fields, segment)) return false;
    shape = shape.fields[segment];
  }
  return shape !== undefined;
}
