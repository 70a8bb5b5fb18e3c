import { z } from 'zod';
import type { FormValues } from '../../../../messages/message-model.js';
import { containsCprShape } from '../../../../security/cpr-shape.js';
import {
  type DeviationCategory,
  deviationCategories,
  type ReporterRole,
  reporterRoles,
} from '../../deviation-case.js';
import { parseUnitKey, type ReportableUnit, type UnitDirectory } from '../../unit-directory.js';

/** The report form's field ids: the submission's keys and the keys of its field errors. */
export const reportFieldIds = {
  category: 'category',
  unit: 'unit',
  whereWhen: 'whereWhen',
  description: 'description',
  role: 'role',
  seriousMatter: 'seriousMatter',
  ordinaryChannels: 'ordinaryChannels',
  /** Only on the form shown again after the guard found serious words. */
  notSerious: 'notSerious',
} as const;

export type ReportFieldId = (typeof reportFieldIds)[keyof typeof reportFieldIds];

/** "Where and when" is a line or two; the limit keeps it that (the description holds the rest). */
export const whereWhenMaxLength = 300;

/**
 * What a submitted report form says, read but not yet judged. Anything of
 * the wrong shape (a forged submission) reads as not answered, so it comes
 * back as a field error rather than an exception.
 */
export interface ReportAnswers {
  readonly category: DeviationCategory | null;
  /** `course:TDT4100`; checked against the directory later. */
  readonly unitKey: string | null;
  readonly whereWhen: string | null;
  readonly description: string | null;
  readonly role: ReporterRole | null;
  readonly seriousMatter: 'yes' | 'no' | null;
  readonly ordinaryChannelsTried: boolean;
  /** "This is not about such a matter": the explicit second submission past the guard. */
  readonly notSeriousConfirmed: boolean;
}

/** A form not answered yet; `/avvik the projector in R7 is broken` starts with that description. */
export function freshAnswers(description: string | null = null): ReportAnswers {
  const text = description?.trim() ?? '';
  return {
    category: null,
    unitKey: null,
    whereWhen: null,
    description: text === '' ? null : text,
    role: null,
    seriousMatter: null,
    ordinaryChannelsTried: false,
    notSeriousConfirmed: false,
  };
}

export const seriousMatterAnswers = ['no', 'yes'] as const;

const answeredText = z
  .string()
  .transform((text) => text.trim())
  .transform((text) => (text === '' ? null : text))
  .nullish()
  .catch(null)
  .transform((text) => text ?? null);
const ticked = z.boolean().nullish().catch(false);
const choice = <const Choices extends readonly [string, ...string[]]>(choices: Choices) =>
  z
    .enum(choices)
    .nullish()
    .catch(null)
    .transform((chosen) => chosen ?? null);

const reportValuesSchema = z.object({
  [reportFieldIds.category]: choice(deviationCategories),
  [reportFieldIds.unit]: answeredText,
  [reportFieldIds.whereWhen]: answeredText,
  [reportFieldIds.description]: answeredText,
  [reportFieldIds.role]: choice(reporterRoles),
  [reportFieldIds.seriousMatter]: choice(seriousMatterAnswers),
  [reportFieldIds.ordinaryChannels]: ticked,
  [reportFieldIds.notSerious]: ticked,
});

export function readReportAnswers(values: FormValues): ReportAnswers {
  const read = reportValuesSchema.parse(values);
  return {
    category: read.category,
    unitKey: read.unit,
    whereWhen: read.whereWhen,
    description: read.description,
    role: read.role,
    seriousMatter: read.seriousMatter,
    ordinaryChannelsTried: read.ordinaryChannels === true,
    notSeriousConfirmed: read.notSerious === true,
  };
}

/** What is wrong with one field; the chat side says it in the reader's words. */
export type ReportProblem =
  | { readonly code: 'category_missing' }
  | { readonly code: 'unit_missing' }
  | { readonly code: 'unit_unknown' }
  | { readonly code: 'where_when_missing' }
  | { readonly code: 'where_when_too_long'; readonly max: number; readonly length: number }
  | { readonly code: 'description_missing' }
  | { readonly code: 'description_too_long'; readonly max: number; readonly length: number }
  /** Personal data rule: a CPR or fødselsnummer is never stored in clear text, so it is not taken. */
  | { readonly code: 'identity_number' }
  | { readonly code: 'role_missing' }
  | { readonly code: 'serious_matter_missing' };

export type ReportProblems = Readonly<Partial<Record<ReportFieldId, ReportProblem>>>;

/** A report whose every field is answered and within its limits. */
export interface CheckedReport {
  readonly category: DeviationCategory;
  readonly unit: ReportableUnit;
  readonly whereWhen: string;
  readonly description: string;
  readonly role: ReporterRole;
}

/**
 * Every field's problem at once, so the person corrects them in one go. The
 * limits are checked here too: a surface may not enforce a field's maxLength.
 * A unit must be one the directory offers now (a forged value, or a course
 * removed from the catalogue since the form was opened, is unknown).
 */
export function checkReport(
  answers: ReportAnswers,
  limits: { readonly units: UnitDirectory; readonly descriptionMaxLength: number },
):
  | { readonly kind: 'checked'; readonly report: CheckedReport }
  | { readonly kind: 'problems'; readonly problems: ReportProblems } {
  const problems: Partial<Record<ReportFieldId, ReportProblem>> = {};
  const ref = answers.unitKey === null ? null : parseUnitKey(answers.unitKey);
  const unit = ref === null ? null : limits.units.unit(ref);
  if (answers.category === null) problems.category = { code: 'category_missing' };
  if (answers.unitKey === null) problems.unit = { code: 'unit_missing' };
  else if (unit === null) problems.unit = { code: 'unit_unknown' };
  const whereWhen = answers.whereWhen;
  if (whereWhen === null) problems.whereWhen = { code: 'where_when_missing' };
  else if (whereWhen.length > whereWhenMaxLength)
    problems.whereWhen = { code: 'where_when_too_long', max: whereWhenMaxLength, length: whereWhen.length };
  else if (containsCprShape(whereWhen)) problems.whereWhen = { code: 'identity_number' };
  const description = answers.description;
  if (description === null) problems.description = { code: 'description_missing' };
  else if (description.length > limits.descriptionMaxLength)
    problems.description = {
      code: 'description_too_long',
      max: limits.descriptionMaxLength,
      length: description.length,
    };
  else if (containsCprShape(description)) problems.description = { code: 'identity_number' };
  if (answers.role === null) problems.role = { code: 'role_missing' };
  if (answers.seriousMatter === null) problems.seriousMatter = { code: 'serious_matter_missing' };
  if (
    answers.category === null ||
    unit === null ||
    whereWhen === null ||
    description === null ||
    answers.role === null ||
    Object.keys(problems).length > 0
  ) {
    return { kind: 'problems', problems };
  }
  return {
    kind: 'checked',
    report: { category: answers.category, unit, whereWhen, description, role: answers.role },
  };
}
