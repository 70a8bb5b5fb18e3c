import { validateDetailed } from 'node-cron';
import { z } from 'zod';
import { smtpConfigSchema } from '../mail/smtp-config.js';
import { dispatchReminderConfigSchema } from '../procedures/at-risk/dispatch/dispatch-reminder-config.js';
import {
  defaultIdentificationRules,
  type IdentificationRules,
} from '../procedures/at-risk/identification-rules.js';
import { journalConfigSchema } from '../procedures/at-risk/journal/journal-config.js';
import { checkMailReferences } from '../procedures/at-risk/mail/mail-references.js';
import { mailSettingsSchema } from '../procedures/at-risk/mail/mail-settings.js';
import { progressColumns } from '../procedures/at-risk/progress-export/progress-row.js';
import { configIssueMessage } from './config-issue-messages.js';
import { checkColumnAliases, checkReferences } from './config-references.js';

/**
 * The institution's configuration file (one YAML file, see
 * `src/demo/demo-university.yaml` for a documented example of every key).
 * Every object is strict: a misspelt key is an error, never silently ignored.
 * Cross-references (a board's faculty, a programme's board…) are checked
 * after the shape, as issues on the key that names the missing unit.
 */

export const botLanguages = ['da', 'en'] as const;
export type BotLanguage = (typeof botLanguages)[number];

export const managerRoles = [
  'head_of_department',
  'head_of_studies',
  'dean',
  'student_services',
  'quality_department',
] as const;
export type ManagerRole = (typeof managerRoles)[number];

export const defaultTimeZone = 'Europe/Copenhagen';

/**
 * The identification runs after each exam period: spring on the first Monday
 * of April, autumn on the first Monday of October, at 09:00 (`1#1` is
 * node-cron's "first Monday").
 */
export const defaultScheduleCron = '0 9 * 4,10 1#1';

/** Spec "Traffic light" and "Legal cross-check": one source for the numbers. */
export const defaultThresholds: IdentificationRules = defaultIdentificationRules;

const text = z.string().trim().min(1);

/**
 * An optional section whose entries are all commented out (`managers:` and
 * nothing under it) is YAML null: it means the same as leaving the key out.
 */
function emptyIsLeftOut<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === null ? undefined : value), schema);
}

/** Codes name units in exports, commands and file names: one word, and text even when it looks like a number. */
const unitCode = z
  .string({
    error: (issue) =>
      typeof issue.input === 'number' ? 'must be text: put the code in quotes, e.g. "0123"' : undefined,
  })
  .trim()
  .min(1)
  .regex(/^\S+$/, 'must be one word, without spaces');

const emailAddress = z.email({
  error: (issue) => (issue.code === 'invalid_format' ? 'not an e-mail address' : undefined),
});

const timeZone = z
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

const cronExpression = z
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

/**
 * A unit's name: one text for every reader, or one per language
 * (`name: { da: Studienævn for Datalogi, en: Study Board of Computer Science }`),
 * so a Danish reader does not get a heading in two languages.
 */
const localisedName = z.union(
  [
    text,
    z.partialRecord(z.enum(botLanguages), text).refine((names) => Object.keys(names).length > 0, {
      message: `give the name in at least one language (${botLanguages.map((code) => `${code}:`).join(', ')})`,
      // A misspelt language is reported as the unknown key it is, not as "no language".
      when: (payload) => payload.issues.length === 0,
    }),
  ],
  {
    error: () =>
      `must be a name, or a name per language (${botLanguages.map((code) => `${code}:`).join(', ')})`,
  },
);

type LocalisedNameInput = z.output<typeof localisedName>;

/** Splits a name into the text in the first language given (the config-level transform picks the institution's) and the per-language texts. */
function splitName<Unit extends { readonly name: LocalisedNameInput }>(unit: Unit) {
  if (typeof unit.name === 'string') return { ...unit, name: unit.name, names: {} as LocalisedNames };
  const names: LocalisedNames = unit.name;
  const first = botLanguages.map((language) => names[language]).find((name) => name !== undefined);
  return { ...unit, name: first ?? '', names };
}

export type LocalisedNames = Readonly<Partial<Record<BotLanguage, string>>>;

const faculty = z.strictObject({ code: unitCode, name: localisedName }).transform(splitName);

const department = z
  .strictObject({ code: unitCode, name: localisedName, faculty: unitCode })
  .transform(splitName);

const boardChannels = z.strictObject({
  slack: z
    .string()
    .trim()
    .regex(/^[CG][A-Z0-9]{8,}$/, 'not a Slack channel id (like C0123ABCD)')
    .optional(),
  teams: z
    .string()
    .trim()
    .regex(/^19:\S+@thread\.\S+$/, 'not a Teams channel id (like 19:abc…@thread.tacv2)')
    .optional(),
  console: z.string().trim().regex(/^\S+$/, 'must be one word, without spaces').optional(),
});

const studyBoard = z
  .strictObject({
    code: unitCode,
    name: localisedName,
    faculty: unitCode,
    department: unitCode.optional(),
    chair: emailAddress,
    /** Signs the § 31 mails; without it they are signed with the board's name. */
    chairName: text.optional(),
    secretary: emailAddress,
    delegates: emptyIsLeftOut(z.array(emailAddress).default([])),
    channels: emptyIsLeftOut(boardChannels.prefault({})),
  })
  .transform((board) => ({
    ...splitName(board),
    channels: { ...board.channels, console: board.channels.console ?? board.code.toLowerCase() },
  }));

const programme = z.strictObject({ code: unitCode, name: text, board: unitCode });

const managerScope = z.union(
  [
    z.literal('institution'),
    z.strictObject({ faculty: unitCode }),
    z.strictObject({ department: unitCode }),
    z.strictObject({ board: unitCode }),
  ],
  {
    error: () => 'must be institution, or exactly one of {faculty: CODE}, {department: CODE}, {board: CODE}',
  },
);

const manager = z.strictObject({
  role: z.enum(managerRoles),
  email: emailAddress,
  scope: managerScope,
});

const schedule = z.strictObject({
  cron: cronExpression.default(defaultScheduleCron),
  /** Defaults to the institution's time zone, filled in below. */
  timeZone: timeZone.optional(),
});

// `.int()` would abort the whole parse and hide the cross-reference issues, so
// whole numbers are a plain refinement.
const wholeNumber = z.number().refine(Number.isInteger, 'must be a whole number');

const thresholds = z
  .strictObject({
    greenMaxBehind: z.number().min(0).default(defaultThresholds.greenMaxBehind),
    redMinBehind: z.number().positive().default(defaultThresholds.redMinBehind),
    inactivityMonths: wholeNumber.min(1).default(defaultThresholds.inactivityMonths),
    ectsPerMonth: z.number().positive().default(defaultThresholds.ectsPerMonth),
    specialGuidanceMonths: z.number().min(0).default(defaultThresholds.specialGuidanceMonths),
    mandatoryContactMonths: z.number().min(0).default(defaultThresholds.mandatoryContactMonths),
  })
  .superRefine((values, ctx) => {
    // Spec "Traffic light": yellow is the open interval between the two.
    if (values.redMinBehind <= values.greenMaxBehind) {
      ctx.addIssue({
        code: 'custom',
        path: ['redMinBehind'],
        message: `must be greater than greenMaxBehind (${values.greenMaxBehind})`,
      });
    }
    // § 31: the duty to contact is the stronger of the two levels.
    if (values.mandatoryContactMonths < values.specialGuidanceMonths) {
      ctx.addIssue({
        code: 'custom',
        path: ['mandatoryContactMonths'],
        message: `must be at least specialGuidanceMonths (${values.specialGuidanceMonths})`,
      });
    }
  })
  .prefault({});

/** A single header name may be written without the list brackets. */
const headerNames = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(text).min(1),
);

const columnAliases = z
  .partialRecord(z.enum(progressColumns), headerNames)
  .superRefine((aliases, ctx) => checkColumnAliases(aliases, ctx))
  .default({});

export const institutionConfigSchema = z
  .strictObject(
    {
      institution: z.strictObject({
        name: text,
        language: z.enum(botLanguages).default('da'),
        timeZone: timeZone.default(defaultTimeZone),
      }),
      faculties: z.array(faculty).min(1),
      departments: emptyIsLeftOut(z.array(department).default([])),
      boards: z.array(studyBoard).min(1),
      programmes: emptyIsLeftOut(z.array(programme).default([])),
      managers: emptyIsLeftOut(z.array(manager).default([])),
      schedule: emptyIsLeftOut(schedule.prefault({})),
      thresholds: emptyIsLeftOut(thresholds),
      /** Relative to the config file's folder; `parseConfigText` makes it absolute. */
      importFolder: text.nullable().default(null),
      columnAliases: emptyIsLeftOut(columnAliases),
      /** The § 31 mails: booking link, guidance services, template overrides (`src/procedures/at-risk/mail/`). */
      mail: emptyIsLeftOut(mailSettingsSchema),
      /** Where cycles are journalised (procedure step 6); null: nowhere. A folder is made absolute like importFolder. */
      journal: emptyIsLeftOut(journalConfigSchema.nullable().default(null)),
      /** How the § 31 mails are sent: pool, rate and retries (the server itself is SMTP_URL). */
      smtp: emptyIsLeftOut(smtpConfigSchema),
      /** When the chair is reminded to dispatch, and the head of studies told (`src/procedures/at-risk/dispatch/`). */
      dispatch: emptyIsLeftOut(dispatchReminderConfigSchema),
    },
    {
      error: (issue) => {
        if (issue.code !== 'invalid_type') return undefined;
        return issue.input === undefined || issue.input === null
          ? 'the file is empty; it needs at least institution:, faculties: and boards:'
          : 'must be a mapping of keys (institution:, faculties:, boards:, …)';
      },
    },
  )
  // Runs even when some entries are malformed, so one pass reports every problem.
  .superRefine(
    (config, ctx) => {
      checkReferences(config, ctx);
      checkMailReferences(config, ctx);
    },
    {
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    },
  )
  .transform(({ schedule, ...config }) => {
    // A unit's plain `name` is in the institution's language where the config gives that one.
    const named = <Unit extends { readonly name: string; readonly names: LocalisedNames }>(
      unit: Unit,
    ): Unit => ({
      ...unit,
      name: unit.names[config.institution.language] ?? unit.name,
    });
    return {
      ...config,
      faculties: config.faculties.map(named),
      departments: config.departments.map(named),
      boards: config.boards.map(named),
      schedule: { cron: schedule.cron, timeZone: schedule.timeZone ?? config.institution.timeZone },
    };
  });

/** The parsed configuration, every default filled in. */
export type InstitutionConfig = z.output<typeof institutionConfigSchema>;
export type InstitutionDetails = InstitutionConfig['institution'];
export type Faculty = InstitutionConfig['faculties'][number];
export type Department = InstitutionConfig['departments'][number];
export type StudyBoard = InstitutionConfig['boards'][number];
export type BoardChannels = StudyBoard['channels'];
export type Programme = InstitutionConfig['programmes'][number];
export type Manager = InstitutionConfig['managers'][number];
export type ManagerScope = Manager['scope'];
export type Schedule = InstitutionConfig['schedule'];
export type Thresholds = InstitutionConfig['thresholds'];

/** A unit's name for a reader of `language`: their language's where the config gives it, else the institution's. */
export function nameIn(
  unit: { readonly name: string; readonly names: LocalisedNames },
  language: BotLanguage,
): string {
  return unit.names[language] ?? unit.name;
}

/** Validates a configuration value (already read from YAML), with the messages of `config-issue-messages.ts`. */
export function parseInstitutionConfig(value: unknown): z.ZodSafeParseResult<InstitutionConfig> {
  return institutionConfigSchema.safeParse(value, { error: configIssueMessage });
}
