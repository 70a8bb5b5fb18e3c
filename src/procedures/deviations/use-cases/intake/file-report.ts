import { createHash } from 'node:crypto';
import { isLanguage } from '../../../../i18n/languages.js';
import type { SurfaceName } from '../../../../surfaces/chat-surface.js';
import { caseDates } from '../../deadlines.js';
import type { DeviationCase } from '../../deviation-case.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { deviationCommandAsTyped } from '../../presenters/intake/deviation-command.js';
import { receiptMessage } from '../../presenters/intake/receipt.js';
import { tellReportOwners } from '../tell-report-owners.js';
import { tellReporter } from '../tell-reporter.js';
import { checkReport, type ReportAnswers, type ReportProblems } from './report-answers.js';
import { mentionsSeriousMatter } from './whistleblowing-guard.js';

/** The person filing, as the platform knows her. */
export interface ReportingPerson {
  /** Null when the platform did not tell it: then nothing can be filed in her name. */
  readonly email: string | null;
  readonly name: string;
  /** Where she files: the bot writes to her there about the case. */
  readonly surface: SurfaceName;
  /** The language she filed in: the bot writes to her in it. */
  readonly language: string;
}

export interface ReportSubmission {
  readonly reporter: ReportingPerson;
  readonly answers: ReportAnswers;
  /** The random id the form was opened with: the same form submitted twice files one case. */
  readonly formState: string;
}

export type IntakeOutcome =
  /** She answered that it is a serious matter: the whistleblowing route, and no filing path. */
  | { readonly kind: 'serious_matter' }
  | { readonly kind: 'no_email' }
  /**
   * Not filed: field problems, the guard's words (`guardHolds` until she
   * confirms it is no such matter; `wordsFound` keeps the confirmation on the
   * form), or the ordinary channels not tried first.
   */
  | {
      readonly kind: 'not_filed';
      readonly problems: ReportProblems;
      readonly wordsFound: boolean;
      readonly guardHolds: boolean;
      readonly channelsNotTried: boolean;
    }
  /** `created` is false for a form filed before (a double submit): the same case. */
  | { readonly kind: 'filed'; readonly deviation: DeviationCase; readonly created: boolean };

/**
 * A report as the guideline takes it in. A serious matter is not a
 * deviation: it goes to the whistleblowing route and nothing of it is kept.
 * The report must be complete, and the reporter must have tried the ordinary
 * channels first. Then it is filed once, received at the unit's faculty, the
 * reporter gets her receipt, and the faculty's report owners are told.
 */
export async function fileReport(
  dependencies: DeviationDependencies,
  submission: ReportSubmission,
): Promise<IntakeOutcome> {
  const { answers, reporter } = submission;
  if (answers.seriousMatter === 'yes') return { kind: 'serious_matter' };
  if (reporter.email === null) return { kind: 'no_email' };
  const { section } = dependencies;
  const units = await dependencies.units();
  const checked = checkReport(answers, { units, descriptionMaxLength: section.descriptionMaxLength });
  const wordsFound = mentionsSeriousMatter(
    [answers.whereWhen ?? '', answers.description ?? ''],
    section.whistleblowing.words,
  );
  const guardHolds = wordsFound && !answers.notSeriousConfirmed;
  const channelsNotTried = !answers.ordinaryChannelsTried;
  if (checked.kind === 'problems' || guardHolds || channelsNotTried) {
    const problems = checked.kind === 'problems' ? checked.problems : {};
    return { kind: 'not_filed', problems, wordsFound, guardHolds, channelsNotTried };
  }

  const receivedAt = dependencies.now();
  const { deviation, created } = await dependencies.store.file({
    submissionKey: submissionKeyOf(reporter.email, submission.formState),
    category: checked.report.category,
    unit: checked.report.unit,
    whereWhen: checked.report.whereWhen,
    description: checked.report.description,
    reporter: {
      email: reporter.email,
      name: reporter.name,
      role: checked.report.role,
      surface: reporter.surface,
      language: reporter.language,
    },
    receivedAt,
    dates: caseDates(receivedAt, {
      timeZone: dependencies.config.institution.timeZone,
      deadlineDays: section.deadlineDays,
      reminderDays: section.reminderDays,
    }),
    ...(wordsFound ? { guardOverridden: true } : {}),
  });
  // A second submission of the same form is answered with the same receipt, and tells nobody again.
  if (created) await tellOfNewReport(dependencies, deviation);
  return { kind: 'filed', deviation, created };
}

/**
 * The key that makes filing idempotent: the form's random id, with whose
 * form it is (a forged id cannot reach another person's case).
 */
export function submissionKeyOf(email: string, formState: string): string {
  const digest = createHash('sha256').update(`${email.toLowerCase()}\n${formState}`).digest('hex');
  return `intake:${digest}`;
}

/**
 * The receipt to the reporter, then the report owners. The case is filed
 * whoever cannot be reached; that is logged by address and case number only,
 * never with the report's words. (The reporter also sees the receipt where
 * she submitted.)
 */
async function tellOfNewReport(dependencies: DeviationDependencies, deviation: DeviationCase): Promise<void> {
  const { logger } = dependencies;
  const units = await dependencies.units();
  const { reporter } = deviation;
  const receipt = await tellReporter(dependencies, deviation, (reader) =>
    receiptMessage(reader, deviation, {
      units,
      timeZone: dependencies.config.institution.timeZone,
      statusCommand: deviationCommandAsTyped(
        reporter.surface,
        dependencies.section,
        isLanguage(reporter.language) ? reporter.language : reader.language,
        'status',
      ),
    }),
  );
  if (receipt.kind !== 'posted') {
    logger.warn(
      {
        caseNumber: deviation.number,
        reporter: reporter.email,
        outcome: receipt.kind,
        ...(receipt.kind === 'failed' ? { problem: receipt.problem } : {}),
      },
      'deviations: the reporter’s receipt could not be sent',
    );
  }
  const { unreachable } = await tellReportOwners(dependencies, deviation);
  if (unreachable.length > 0) {
    logger.warn(
      { caseNumber: deviation.number, faculty: deviation.facultyCode, unreachable },
      'deviations: report owners could not be told of a new report',
    );
  }
}
