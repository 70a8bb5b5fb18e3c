import { z } from 'zod';
import { smtpConfigSchema } from '../mail/smtp-config.js';
import { configIssueMessage } from './config-issue-messages.js';
import { checkReferences } from './config-references.js';
import { emailAddress, emptyIsLeftOut, text, timeZone, unitCode } from './config-schema-parts.js';
import { procedureConfigSections } from './procedure-config-sections.js';

/**
 * The institution's configuration file (one YAML file, see
 * `src/demo/demo-university.yaml` for a documented example of every key).
 * Every object is strict: a misspelt key is an error, never silently ignored.
 * Cross-references (a board's faculty, a programme's board…) are checked
 * after the shape, as issues on the key that names the missing unit.
 */

/** The languages of the bot's texts (src/i18n/languages.ts: a test holds the two lists together). */
export const botLanguages = ['da', 'en', 'nb'] as const;
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

/**
 * The console's own people: those it knows beyond the people the rest of the
 * file names (boards, managers, report owners), e.g. students who file a
 * deviation report and staff who handle one, where the console is where they
 * meet the bot.
 */
const consoleSettings = z.strictObject({
  people: emptyIsLeftOut(z.array(emailAddress).default([])),
});

/** The procedures' keys, side by side with the core's: a file keeps one flat list of top-level keys. */
const procedureKeys = Object.assign({}, ...procedureConfigSections.map((section) => section.keys)) as Keys;
type Keys = UnionToIntersection<(typeof procedureConfigSections)[number]['keys']>;
type UnionToIntersection<Union> = (Union extends unknown ? (part: Union) => void : never) extends (
  part: infer Intersection,
) => void
  ? Intersection
  : never;

/** What each procedure's section takes from the institution once parsed (e.g. a default time zone). */
function completedSections<Config extends UnionToIntersection<Parameters<Complete>[0]>>(config: Config) {
  return Object.assign(
    {},
    ...procedureConfigSections.map((section) => section.complete(config)),
  ) as Completed;
}
type Complete = (typeof procedureConfigSections)[number]['complete'];

/** The configuration with every folder the procedures' keys name made absolute by `resolvePath`. */
export function withResolvedPaths(
  config: InstitutionConfig,
  resolvePath: (path: string) => string,
): InstitutionConfig {
  const resolved = procedureConfigSections.map((section) => section.resolvePaths(config, resolvePath));
  return { ...config, ...Object.assign({}, ...resolved) };
}
type Completed = UnionToIntersection<ReturnType<Complete>>;

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
      /** How mails are sent: pool, rate and retries (the server itself is SMTP_URL). */
      smtp: emptyIsLeftOut(smtpConfigSchema),
      console: emptyIsLeftOut(consoleSettings.prefault({})),
      // Each procedure's own keys (src/config/procedure-config-sections.ts).
      ...procedureKeys,
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
      for (const section of procedureConfigSections) section.checkReferences(config, ctx);
    },
    {
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    },
  )
  .transform((config) => {
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
      ...completedSections(config),
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

/**
 * Everyone the configuration names, by e-mail: every board's chair,
 * secretary and delegates, every manager, the people the procedures'
 * sections name (report owners), and those `console.people` adds.
 */
export function peopleNamedIn(config: InstitutionConfig): ReadonlySet<string> {
  return new Set([
    ...config.boards.flatMap((board) => [board.chair, board.secretary, ...board.delegates]),
    ...config.managers.map((manager) => manager.email),
    ...procedureConfigSections.flatMap((section) => ('people' in section ? section.people(config) : [])),
    ...config.console.people,
  ]);
}

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
