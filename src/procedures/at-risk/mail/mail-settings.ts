import { z } from 'zod';
import { teachingLanguages } from '../progress-export/progress-row.js';
import { compileMailPart, type TemplateScope } from './compile-mail-template.js';
import { type MailLanguage, mailParts, mailTemplateNames } from './mail-placeholders.js';

/**
 * The `mail:` section of the institution's configuration: the booking link
 * for the § 31 stk. 2 meeting (one for all, or per board), the guidance
 * services the mails point to, and the template overrides of the
 * institution, departments and boards. Each override is compiled and checked
 * here, so a template that would not parse, names an unknown placeholder or
 * drops a required part stops `config check` and the bot's start alike.
 */

const text = z.string().trim().min(1);

/** An optional section whose entries are all commented out is YAML null: the same as leaving it out. */
function emptyIsLeftOut<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === null ? undefined : value), schema);
}

const unitCode = z.string().trim().min(1);

const emailAddress = z.email({
  error: (issue) => (issue.code === 'invalid_format' ? 'not an e-mail address' : undefined),
});

/** Only http(s): a link in a mail to a student opens a web page, nothing else. */
const webAddress = z.url({
  protocol: /^https?$/,
  hostname: z.regexes.domain,
  error: (issue) =>
    issue.code === 'invalid_format' ? 'not a web address (like https://booking.example.dk/)' : undefined,
});

/** A text the same in every mail, or one per language (`{ da: …, en: … }`). */
const localisedText = z.union(
  [
    text,
    z.partialRecord(z.enum(teachingLanguages), text).refine((texts) => Object.keys(texts).length > 0, {
      message: `give the text in at least one language (${teachingLanguages.map((code) => `${code}:`).join(', ')})`,
      when: (payload) => payload.issues.length === 0,
    }),
  ],
  {
    error: () =>
      `must be a text, or a text per language (${teachingLanguages.map((code) => `${code}:`).join(', ')})`,
  },
);
export type LocalisedText = z.output<typeof localisedText>;

/** The text for a mail in `language`: that language's where given, else the first there is. */
export function textIn(value: LocalisedText, language: MailLanguage): string {
  if (typeof value === 'string') return value;
  return value[language] ?? teachingLanguages.map((code) => value[code]).find((found) => found) ?? '';
}

const guidanceService = z.strictObject({
  name: localisedText,
  description: localisedText.optional(),
  url: webAddress.optional(),
  email: emailAddress.optional(),
});
export type GuidanceService = z.output<typeof guidanceService>;

const overrideScope = z.union(
  [z.literal('institution'), z.strictObject({ board: unitCode }), z.strictObject({ department: unitCode })],
  { error: () => 'must be institution, or exactly one of {board: CODE}, {department: CODE}' },
);

/** A template part as Liquid source; whitespace is the author's, but it must say something. */
const templatePart = z.string().refine((source) => source.trim().length > 0, 'must not be empty');

const templateOverride = z
  .strictObject({
    scope: overrideScope,
    template: z.enum(mailTemplateNames),
    language: z.enum(teachingLanguages),
    subject: templatePart.optional(),
    text: templatePart.optional(),
    html: templatePart.optional(),
  })
  .superRefine((override, ctx) => {
    const given = mailParts.filter((part) => override[part] !== undefined);
    if (given.length === 0) {
      ctx.addIssue({ code: 'custom', message: `give at least one of ${mailParts.join(', ')}`, path: [] });
    }
    const scope: TemplateScope = override.scope;
    for (const part of given) {
      const result = compileMailPart(override[part] ?? '', {
        template: override.template,
        language: override.language,
        part,
        scope,
      });
      if (result.ok) continue;
      // At the key (`text:`), the line that names the template; the message says where inside it.
      for (const problem of result.problems) {
        ctx.addIssue({ code: 'custom', message: problem, path: [part], params: { at: 'key' } });
      }
    }
  });
export type TemplateOverride = z.output<typeof templateOverride>;

const boardMailSettings = z.strictObject({
  /** § 31 stk. 2: where this board's students book their meeting, instead of the institution's link. */
  bookingLink: webAddress,
});

export const mailSettingsSchema = z
  .strictObject({
    /** § 31 stk. 2: where a red student books the offered meeting; without one she is asked to write to the chair. */
    bookingLink: webAddress.nullable().default(null),
    /** § 31 stk. 1: the university's guidance services the mails refer students to. */
    guidanceServices: emptyIsLeftOut(z.array(guidanceService).default([])),
    /** Per study board (by code): its own booking link. */
    boards: emptyIsLeftOut(z.record(z.string(), boardMailSettings).default({})),
    overrides: emptyIsLeftOut(z.array(templateOverride).default([])),
  })
  .prefault({});

export type MailSettings = z.output<typeof mailSettingsSchema>;
