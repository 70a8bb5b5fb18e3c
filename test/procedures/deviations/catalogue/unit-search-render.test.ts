import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../../../src/i18n/languages.js';
import { translator } from '../../../../src/i18n/translator.js';
import type { Form } from '../../../../src/messages/message-model.js';
import {
  singleListMaxUnits,
  type UnitSearch,
  unitSearchFieldId,
  unitSearchMaxLength,
} from '../../../../src/procedures/deviations/presenters/catalogue/unit-choice.js';
import {
  problemTexts,
  type ReportFormContent,
  reportForm,
} from '../../../../src/procedures/deviations/presenters/intake/report-form.js';
import { type CatalogueCourse, UnitDirectory } from '../../../../src/procedures/deviations/unit-directory.js';
import {
  type ReportAnswers,
  whereWhenMaxLength,
} from '../../../../src/procedures/deviations/use-cases/intake/report-answers.js';
import { renderConsoleForm } from '../../../../src/surfaces/console/html/index.js';
import { renderSlackModal } from '../../../../src/surfaces/slack/block-kit/index.js';
import { SLACK_SELECT_MAX_OPTIONS } from '../../../../src/surfaces/slack/block-kit/slack-limits.js';
import { renderTeamsForm } from '../../../../src/surfaces/teams/adaptive-card/index.js';
import {
  byteLength,
  TEAMS_DIALOG_CARD_MAX_BYTES,
} from '../../../../src/surfaces/teams/adaptive-card/teams-limits.js';
import { adaptiveCardProblems } from '../../../support/adaptive-card-schema.js';
import { deviationsInstitution } from '../../../support/deviations-fixture.js';
import { generatedCatalogue } from './generated-catalogue.js';

const config = deviationsInstitution();
const section = (() => {
  if (config.deviations === null) throw new Error('no deviations section');
  return config.deviations;
})();

/** 5,000 courses as NTNU names them. */
const realistic = new UnitDirectory(config, section, generatedCatalogue());

/**
 * 5,000 courses at their heaviest on a card: long codes with Nordic
 * letters and names of two-byte letters longer than a label takes.
 */
const heaviest = (count: number) =>
  Array.from(
    { length: count },
    (_, index): CatalogueCourse => ({
      code: `ØÆÅ${String(index).padStart(7, '0')}`,
      name: `Økologisk økonomi ${'ø'.repeat(100)}`,
      facultyCode: index % 2 === 0 ? 'IE' : 'NV',
      departmentCode: null,
    }),
  );

/** Every answer at its longest, in three-byte letters (the heaviest text a form shows back). */
const heaviestAnswers: ReportAnswers = {
  category: 'universal_design_digital',
  unitKey: 'course:ØÆÅ0004999',
  whereWhen: '€'.repeat(whereWhenMaxLength),
  description: '€'.repeat(section.descriptionMaxLength),
  role: 'employee',
  seriousMatter: 'no',
  ordinaryChannelsTried: false,
  notSeriousConfirmed: false,
};

function heaviestForm(
  language: (typeof supportedLanguages)[number],
  units: UnitDirectory,
  search: UnitSearch,
): Form {
  const reader = translator(language);
  const content: ReportFormContent = {
    units,
    section,
    state: '0b6f7c1e-1c4e-4d7e-9b1a-2f8a0c3d4e5f',
    command: '/avvik',
    answers: heaviestAnswers,
    search,
    notice: 'words',
    confirmNotSerious: true,
    errors: {
      ...problemTexts(reader, {
        category: { code: 'category_missing' },
        unit: { code: 'unit_unknown' },
        whereWhen: { code: 'where_when_too_long', max: whereWhenMaxLength, length: 9999 },
        description: { code: 'description_too_long', max: section.descriptionMaxLength, length: 9999 },
        role: { code: 'role_missing' },
        seriousMatter: { code: 'serious_matter_missing' },
      }),
      ordinaryChannels: reader.t.deviations.intake.problem.ordinaryChannelsMissing,
    },
  };
  return reportForm(reader, content);
}

/** Renders on every surface within its limits; the Slack menu of units holds its options without groups. */
function expectFitsEverySurface(form: Form): void {
  expect(renderConsoleForm(form)).toContain('data-form-id="deviations.intake.report"');
  // Slack refuses a modal over 100 blocks or any element over its limits: the renderer throws.
  const modal = renderSlackModal(form, { mentionFor: () => null });
  const unitMenu = modal.blocks.find((block) => block.type === 'input' && block.block_id === 'unit');
  if (unitMenu?.type === 'input' && unitMenu.element.type === 'static_select') {
    const menu = unitMenu.element;
    expect('option_groups' in menu).toBe(false);
    expect('options' in menu && menu.options.length).toBeLessThanOrEqual(SLACK_SELECT_MAX_OPTIONS);
  }
  const card = renderTeamsForm(form, { requiredFieldMessage: 'Må fylles ut' });
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(byteLength(card)).toBeLessThanOrEqual(TEAMS_DIALOG_CARD_MAX_BYTES);
}

const unitField = (form: Form) => form.fields.find((field) => field.id === 'unit');

describe('the report form with a catalogue of 5,000 courses, on every surface', () => {
  it.each(supportedLanguages)(
    'in %s the form asks for a search first and fits Slack, Teams and the console, before and after a search',
    (language) => {
      const fresh = reportForm(translator(language), {
        units: realistic,
        section,
        state: '0b6f7c1e-1c4e-4d7e-9b1a-2f8a0c3d4e5f',
        command: '/avvik',
      });
      expect(fresh.fields.map((field) => field.id).slice(0, 2)).toEqual([unitSearchFieldId, 'category']);
      expect(unitField(fresh)).toBeUndefined();
      expectFitsEverySurface(fresh);

      const searched = heaviestForm(language, realistic, { kind: 'words', words: 'TDT' });
      expect(unitField(searched)?.options).toHaveLength(50);
      expectFitsEverySurface(searched);
      expectFitsEverySurface(
        heaviestForm(language, realistic, { kind: 'words', words: 'kvantefysikk for katter' }),
      );
      expectFitsEverySurface(
        heaviestForm(language, realistic, { kind: 'too_long', words: 'x'.repeat(150), length: 150 }),
      );
    },
  );

  it.each(supportedLanguages)(
    'in %s the heaviest 50 matches and her earlier choice kept on top still fit one Teams dialog card',
    (language) => {
      const units = new UnitDirectory(config, section, heaviest(5000));
      // Every course matches “økologisk”; her choice, the last of them, is not among the best 50.
      const form = heaviestForm(language, units, { kind: 'words', words: `økologisk ${'ø'.repeat(40)}` });
      const options = unitField(form)?.options ?? [];
      expect(options).toHaveLength(51);
      expect(options[0]?.value).toBe('course:ØÆÅ0004999');
      expect(unitField(form)?.initialValue).toBe('course:ØÆÅ0004999');
      expect(form.fields.find((field) => field.id === unitSearchFieldId)?.maxLength).toBe(
        unitSearchMaxLength,
      );
      expectFitsEverySurface(form);
    },
  );
});

describe('how many units one list may hold (measured on the Teams card budget)', () => {
  /** The test institution's own programmes and courses, which count too. */
  const own = new UnitDirectory(config, section).units().length;

  it.each(supportedLanguages)(
    'in %s, the limit’s worth of units at their heaviest in one list fit the heaviest form on every surface',
    (language) => {
      const atLimit = new UnitDirectory(config, section, heaviest(singleListMaxUnits - own));
      expect(atLimit.units()).toHaveLength(singleListMaxUnits);
      const listed = heaviestForm(language, atLimit, { kind: 'none' });
      expect(unitField(listed)).toMatchObject({ searchable: true });
      expect(unitField(listed)?.options).toHaveLength(singleListMaxUnits);
      expect(listed.fields.some((field) => field.id === unitSearchFieldId)).toBe(false);
      expectFitsEverySurface(listed);
    },
  );

  it('one unit more, and the form asks for a search; the unknown unit’s error stands under the search field', () => {
    const beyond = new UnitDirectory(config, section, heaviest(singleListMaxUnits - own + 1));
    const form = heaviestForm('en', beyond, { kind: 'none' });
    expect(form.fields.map((field) => field.id).slice(0, 2)).toEqual([unitSearchFieldId, 'category']);
    // Her (forged) unit is in no list, and there is no list yet: what was wrong is said under the search.
    expect(unitField(form)).toBeUndefined();
    expect(form.errors?.unit).toBeUndefined();
    expect(form.errors?.[unitSearchFieldId]).toBe(
      'Search for the programme or course and choose it from the matches.',
    );
    expectFitsEverySurface(form);
  });
});
