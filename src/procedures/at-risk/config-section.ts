import { z } from 'zod';
import type { IssueSink } from '../../config/config-references.js';
import {
  cronExpression,
  emptyIsLeftOut,
  text,
  timeZone,
  wholeNumber,
} from '../../config/config-schema-parts.js';
import type { ConfigSection } from '../../config/config-section.js';
import { dispatchReminderConfigSchema } from './dispatch/dispatch-reminder-config.js';
import { defaultIdentificationRules, type IdentificationRules } from './identification-rules.js';
import { type JournalConfig, journalConfigSchema } from './journal/journal-config.js';
import { checkMailReferences } from './mail/mail-references.js';
import { mailSettingsSchema } from './mail/mail-settings.js';
import {
  type ColumnAliases,
  danishColumnAliases,
  type ProgressColumn,
  progressColumns,
} from './progress-export/progress-row.js';

/**
 * The at-risk procedure's section of the institution's configuration file:
 * the keys it owns at the top level (the file stays as institutions write
 * it), their schemas, their cross-references with the institution's units,
 * and what they take from the institution once parsed. The configuration
 * composes it with the core's keys (src/config/procedure-config-sections.ts).
 */

/**
 * The identification runs after each exam period: spring on the first Monday
 * of April, autumn on the first Monday of October, at 09:00 (`1#1` is
 * node-cron's "first Monday").
 */
export const defaultScheduleCron = '0 9 * 4,10 1#1';

/** Spec "Traffic light" and "Legal cross-check": one source for the numbers. */
export const defaultThresholds: IdentificationRules = defaultIdentificationRules;

const schedule = z.strictObject({
  cron: cronExpression.default(defaultScheduleCron),
  /** Defaults to the institution's time zone, filled in below. */
  timeZone: timeZone.optional(),
});

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

/**
 * A configured header name must not already mean another column (by its
 * English name, its Danish alias or another configured alias): the export
 * reader would then map a header to the wrong column.
 */
export function checkColumnAliases(aliases: ColumnAliases, ctx: IssueSink): void {
  const columnByName = new Map<string, ProgressColumn>();
  for (const column of progressColumns) {
    columnByName.set(column, column);
    columnByName.set(danishColumnAliases[column].toLowerCase(), column);
  }
  for (const column of progressColumns) {
    (aliases[column] ?? []).forEach((alias, index) => {
      const name = alias.trim().toLowerCase();
      const owner = columnByName.get(name);
      if (owner === undefined) {
        columnByName.set(name, column);
      } else if (owner !== column) {
        ctx.addIssue({
          code: 'custom',
          path: [column, index],
          message: `"${alias}" already names column ${owner}`,
        });
      }
    });
  }
}

export const atRiskConfigSection = {
  procedure: 'at-risk',
  keys: {
    /** When the exam-period reminder runs; its time zone defaults to the institution's. */
    schedule: emptyIsLeftOut(schedule.prefault({})),
    thresholds: emptyIsLeftOut(thresholds),
    /** Relative to the config file's folder; `parseConfigText` makes it absolute. */
    importFolder: text.nullable().default(null),
    columnAliases: emptyIsLeftOut(columnAliases),
    /** The § 31 mails: booking link, guidance services, template overrides (`mail/`). */
    mail: emptyIsLeftOut(mailSettingsSchema),
    /** Where cycles are journalised (procedure step 6); null: nowhere. A folder is made absolute like importFolder. */
    journal: emptyIsLeftOut(journalConfigSchema.nullable().default(null)),
    /** When the chair is reminded to dispatch, and the head of studies told (`dispatch/`). */
    dispatch: emptyIsLeftOut(dispatchReminderConfigSchema),
  },
  /** Runs even when some entries are malformed, so one pass reports every problem. */
  checkReferences: (config: unknown, ctx: IssueSink) => checkMailReferences(config, ctx),
  /** The reminder's schedule runs in the institution's time zone unless it names its own. */
  complete: (config: {
    readonly institution: { readonly timeZone: string };
    readonly schedule: { readonly cron: string; readonly timeZone?: string | undefined };
  }) => ({
    schedule: {
      cron: config.schedule.cron,
      timeZone: config.schedule.timeZone ?? config.institution.timeZone,
    },
  }),
  /** The import folder and a journal folder are written relative to the configuration file. */
  resolvePaths: (
    config: { readonly importFolder: string | null; readonly journal: JournalConfig | null },
    resolvePath: (path: string) => string,
  ) => ({
    importFolder: config.importFolder === null ? null : resolvePath(config.importFolder),
    journal:
      config.journal?.kind === 'folder'
        ? { ...config.journal, folder: resolvePath(config.journal.folder) }
        : config.journal,
  }),
} as const satisfies ConfigSection;

export type ReminderSchedule = ReturnType<(typeof atRiskConfigSection)['complete']>['schedule'];
export type Thresholds = z.output<typeof thresholds>;
