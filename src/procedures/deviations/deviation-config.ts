import { z } from 'zod';
import {
  emailAddress,
  emptyIsLeftOut,
  text,
  unitCode,
  wholeNumber,
} from '../../config/config-schema-parts.js';
import { defaultWhistleblowingWords } from './whistleblowing-words.js';

/**
 * The deviations procedure's key in the institution's configuration file
 * (`deviations:`). Without it the procedure is off: no command, no jobs.
 * Documented with an example in src/demo/demo-university.yaml.
 */

/** A slash command's name: Slack allows lower-case letters, digits, `-` and `_`, up to 32 characters. */
const commandName = z
  .string()
  .trim()
  .regex(
    /^[a-zæøå0-9_-]{1,32}$/,
    'must be a command name without the slash: lower-case letters, digits, - or _',
  );

/** The command's name per language (`/avvik`, `/afvigelse`, `/deviation`); every one of them works for everybody. */
const commandNames = z
  .strictObject({
    da: commandName.default('afvigelse'),
    en: commandName.default('deviation'),
    nb: commandName.default('avvik'),
  })
  .prefault({});

const reportOwners = z.strictObject({
  faculty: unitCode,
  /** Report owners (meldingsansvarlige): every report about the faculty's units reaches all of them. */
  people: z.array(emailAddress).min(1),
});

/** A course in the form's list; its faculty is given, or follows from its department or programme. */
const course = z.strictObject({
  code: unitCode,
  name: text,
  faculty: unitCode.optional(),
  department: unitCode.optional(),
  programme: unitCode.optional(),
});

const whistleblowingContact = z.strictObject({
  name: text,
  email: emailAddress,
  /** What they are (`Varslingsombud`), shown beside the name. */
  role: text.optional(),
  phone: text.optional(),
});

/** Words and word beginnings that point at a serious matter, per language (`trakass` matches trakassering). */
const guardWords = z.array(text.transform((word) => word.toLowerCase())).min(1);

const whistleblowing = z.strictObject({
  /** The institution's whistleblowing route (a page or a form). */
  link: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }),
  /** People with a duty of confidentiality whom someone in doubt can talk to. */
  contacts: emptyIsLeftOut(z.array(whistleblowingContact).default([])),
  /** Replace the built-in lists per language (see whistleblowing-words.ts). */
  words: emptyIsLeftOut(
    z
      .strictObject({ da: guardWords.optional(), en: guardWords.optional(), nb: guardWords.optional() })
      .default({}),
  ),
});

export const deviationsConfigSchema = z
  .strictObject({
    commandNames: emptyIsLeftOut(commandNames),
    reportOwners: z.array(reportOwners).min(1),
    courses: emptyIsLeftOut(z.array(course).default([])),
    /**
     * Whom the overdue escalation tells: the head of the unit's department
     * where it has one, else the faculty's dean; or always the dean.
     */
    lineManager: z.enum(['head_of_department', 'dean']).default('head_of_department'),
    /** Forvaltningsloven § 11a, read by the guideline as 4 weeks. */
    deadlineDays: wholeNumber.min(1).default(28),
    /** When the handler is reminded to send a preliminary reply, if none was sent (3 weeks). */
    reminderDays: wholeNumber.min(1).default(21),
    /** Slack's text inputs take at most 3,000 characters. */
    descriptionMaxLength: wholeNumber.min(200).max(3000).default(3000),
    whistleblowing,
    /** How long the text of a report redirected to whistleblowing is kept, in days (0: removed at once). */
    redirectedTextRetentionDays: wholeNumber.min(0).default(30),
  })
  .superRefine((section, ctx) => {
    if (section.reminderDays >= section.deadlineDays) {
      ctx.addIssue({
        code: 'custom',
        path: ['reminderDays'],
        message: `must be fewer than deadlineDays (${section.deadlineDays})`,
      });
    }
  })
  .transform((section) => ({
    ...section,
    whistleblowing: {
      ...section.whistleblowing,
      words: { ...defaultWhistleblowingWords, ...section.whistleblowing.words },
    },
  }));

export type DeviationsConfig = z.output<typeof deviationsConfigSchema>;
export type DeviationCourse = DeviationsConfig['courses'][number];
export type WhistleblowingRoute = DeviationsConfig['whistleblowing'];
