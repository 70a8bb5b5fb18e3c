import type { Translator } from '../../../../i18n/translator.js';
import type { Block, Form, FormField } from '../../../../messages/message-model.js';
import { maskCprShapes } from '../../../../security/cpr-shape.js';
import { deviationCategories, reporterRoles } from '../../deviation-case.js';
import type { DeviationsConfig } from '../../deviation-config.js';
import type { UnitDirectory } from '../../unit-directory.js';
import {
  type ReportAnswers,
  type ReportFieldId,
  type ReportProblem,
  type ReportProblems,
  reportFieldIds,
  seriousMatterAnswers,
  whereWhenMaxLength,
} from '../../use-cases/intake/report-answers.js';
import { type UnitSearch, unitChoice } from '../catalogue/unit-choice.js';
import { intakeFormIds } from './intake-form-ids.js';
import { whistleblowingRouteBlocks } from './whistleblowing-route.js';

/** What the form shows above its fields when it comes back unfiled. */
export type ReportNotice = 'channels' | 'words' | null;

export interface ReportFormContent {
  readonly units: UnitDirectory;
  readonly section: DeviationsConfig;
  /** The random id the form was opened with (see fileReport): kept while the form goes back and forth. */
  readonly state: string;
  /** `/avvik` as the reader types it. */
  readonly command: string;
  /** What she wrote, to show again; the text after the command when the form opens. */
  readonly answers?: ReportAnswers;
  /** What is in the programme-or-course search field, when the form asks for a search (see unitChoice). */
  readonly search?: UnitSearch;
  readonly notice?: ReportNotice;
  /** The "not such a matter" box: after the guard found serious words. */
  readonly confirmNotSerious?: boolean;
  readonly errors?: Readonly<Record<string, string>>;
}

function masked(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : maskCprShapes(text);
}

/**
 * The report form (the guideline's report, for a student or an employee):
 * category, programme or course, where and when, description, role, the
 * serious-matter question, and that the ordinary channels were tried. The
 * ordinary-channels box is optional to the surfaces (Teams and the browser
 * would refuse the submission without a word of why); the core checks it and
 * explains the channels instead. When there are more programmes and courses
 * than one list can hold, she searches for hers first (unitChoice).
 */
export function reportForm(reader: Translator, content: ReportFormContent): Form {
  const texts = reader.t.deviations;
  const intake = texts.intake;
  const answers = content.answers;
  const field = (id: ReportFieldId, rest: Omit<FormField, 'id'>): FormField => ({ id, ...rest });
  const initial = <Value>(value: Value | null | undefined) =>
    value === null || value === undefined ? {} : { initialValue: value };
  const choice = unitChoice(reader, {
    units: content.units.units(),
    search: content.search ?? { kind: 'none' },
    chosenUnit: answers?.unitKey ?? null,
    errors: content.errors ?? {},
  });
  const category = field(reportFieldIds.category, {
    kind: 'select',
    label: texts.field.category,
    placeholder: intake.placeholder.category,
    options: deviationCategories.map((category) => ({
      label: texts.category[category],
      value: category,
    })),
    ...initial(answers?.category),
  });
  // A search comes first, right under its button (a form's blocks stand above its fields).
  const opening = choice.mode === 'search' ? [...choice.fields, category] : [category, ...choice.fields];
  const fields: FormField[] = [
    ...opening,
    field(reportFieldIds.whereWhen, {
      kind: 'text',
      label: texts.field.whereWhen,
      placeholder: intake.placeholder.whereWhen,
      maxLength: whereWhenMaxLength,
      // Her words come back to her, never an identity number in them (the personal data rule).
      ...initial(masked(answers?.whereWhen)),
    }),
    field(reportFieldIds.description, {
      kind: 'multiline',
      label: texts.field.description,
      hint: intake.descriptionHint,
      maxLength: content.section.descriptionMaxLength,
      ...initial(masked(answers?.description)),
    }),
    field(reportFieldIds.role, {
      kind: 'select',
      label: texts.field.role,
      placeholder: intake.placeholder.role,
      options: reporterRoles.map((role) => ({ label: texts.role[role], value: role })),
      ...initial(answers?.role),
    }),
    field(reportFieldIds.seriousMatter, {
      kind: 'select',
      label: intake.seriousMatterLabel,
      placeholder: intake.placeholder.seriousMatter,
      options: seriousMatterAnswers.map((answer) => ({
        label: intake.seriousMatterAnswer[answer],
        value: answer,
      })),
      ...initial(answers?.seriousMatter),
    }),
    field(reportFieldIds.ordinaryChannels, {
      kind: 'checkbox',
      label: intake.ordinaryChannelsLabel,
      placeholder: intake.ordinaryChannelsBox,
      hint: intake.ordinaryChannelsHint,
      optional: true,
      initialValue: answers?.ordinaryChannelsTried ?? false,
    }),
    ...(content.confirmNotSerious
      ? [
          field(reportFieldIds.notSerious, {
            kind: 'checkbox',
            label: intake.route.confirmLabel,
            placeholder: intake.route.confirmBox,
            hint: intake.route.confirmHint,
            optional: true,
            initialValue: answers?.notSeriousConfirmed ?? false,
          }),
        ]
      : []),
  ];
  const blocks = [...noticeBlocks(reader, content), ...choice.blocks];
  return {
    formId: intakeFormIds.report,
    title: intake.formTitle,
    submitLabel: intake.submitLabel,
    cancelLabel: intake.cancelLabel,
    state: content.state,
    intro: [intake.formIntro],
    ...(blocks.length === 0 ? {} : { blocks }),
    fields,
    ...(Object.keys(choice.errors).length === 0 ? {} : { errors: choice.errors }),
  };
}

function noticeBlocks(reader: Translator, content: ReportFormContent): Block[] {
  const channels = reader.t.deviations.intake.channels;
  switch (content.notice ?? null) {
    case 'words':
      return [
        ...whistleblowingRouteBlocks(reader, content.section.whistleblowing, 'words'),
        { type: 'divider' },
      ];
    case 'channels':
      return [
        { type: 'heading', text: channels.heading },
        { type: 'text', content: [channels.intro] },
        { type: 'text', content: [channels.list] },
        { type: 'text', content: [channels.why({ command: content.command })] },
        { type: 'divider' },
      ];
    case null:
      return [];
  }
}

/** Each field's problem in the reader's words, by field id. */
export function problemTexts(reader: Translator, problems: ReportProblems): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [fieldId, problem] of Object.entries(problems)) {
    if (problem !== undefined) errors[fieldId] = problemText(reader, problem);
  }
  return errors;
}

function problemText(reader: Translator, problem: ReportProblem): string {
  const texts = reader.t.deviations.intake.problem;
  switch (problem.code) {
    case 'category_missing':
      return texts.categoryMissing;
    case 'unit_missing':
      return texts.unitMissing;
    case 'unit_unknown':
      return texts.unitUnknown;
    case 'where_when_missing':
      return texts.whereWhenMissing;
    case 'where_when_too_long':
      return texts.whereWhenTooLong(problem);
    case 'description_missing':
      return texts.descriptionMissing;
    case 'description_too_long':
      return texts.descriptionTooLong(problem);
    case 'identity_number':
      return texts.identityNumber;
    case 'role_missing':
      return texts.roleMissing;
    case 'serious_matter_missing':
      return texts.seriousMatterMissing;
  }
}
