import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../../../src/i18n/languages.js';
import { localeFormat } from '../../../../src/i18n/locale-format.js';
import { translator } from '../../../../src/i18n/translator.js';
import type { Form } from '../../../../src/messages/message-model.js';
import type { DeviationCase } from '../../../../src/procedures/deviations/deviation-case.js';
import {
  unitLabelMaxLength,
  unitOption,
} from '../../../../src/procedures/deviations/presenters/catalogue/unit-choice.js';
import { receiptForm } from '../../../../src/procedures/deviations/presenters/intake/receipt.js';
import { reportForm } from '../../../../src/procedures/deviations/presenters/intake/report-form.js';
import { whistleblowingRouteForm } from '../../../../src/procedures/deviations/presenters/intake/whistleblowing-route.js';
import { intakeTexts } from '../../../../src/procedures/deviations/texts/intake-texts.js';
import { deviationTextLanguages } from '../../../../src/procedures/deviations/texts/text-languages.js';
import { UnitDirectory } from '../../../../src/procedures/deviations/unit-directory.js';
import { freshAnswers } from '../../../../src/procedures/deviations/use-cases/intake/report-answers.js';
import { renderConsoleForm } from '../../../../src/surfaces/console/html/index.js';
import { renderSlackModal } from '../../../../src/surfaces/slack/block-kit/index.js';
import {
  SLACK_MODAL_TITLE_MAX_CHARACTERS,
  SLACK_OPTION_TEXT_MAX_CHARACTERS,
  SLACK_PLACEHOLDER_MAX_CHARACTERS,
} from '../../../../src/surfaces/slack/block-kit/slack-limits.js';
import { renderTeamsForm } from '../../../../src/surfaces/teams/adaptive-card/index.js';
import { adaptiveCardProblems } from '../../../support/adaptive-card-schema.js';
import { deviationsInstitution, people } from '../../../support/deviations-fixture.js';

const config = deviationsInstitution();
const section = (() => {
  if (config.deviations === null) throw new Error('no deviations section');
  return config.deviations;
})();
const units = new UnitDirectory(config, section);

const filed: DeviationCase = {
  id: '0b6f7c1e-1c4e-4d7e-9b1a-2f8a0c3d4e5f',
  number: '2026-0042',
  state: 'received',
  category: 'timetabling',
  unit: { kind: 'course', code: 'TDT4100' },
  facultyCode: 'IE',
  whereWhen: 'Lecture hall R7',
  description: 'Two lectures at the same time.',
  reporter: { email: people.student, name: 'Stina', role: 'student', surface: 'slack', language: 'en' },
  sensitive: false,
  handler: null,
  receivedAt: new Date('2026-10-13T10:30:00Z'),
  deadlineAt: new Date('2026-11-10T23:00:00Z'),
  preliminaryReplyAt: null,
  causes: null,
  measures: null,
  outcome: null,
  reason: null,
  closedAt: null,
  textPurgeAfter: null,
  version: 0,
};

function everyIntakeForm(language: (typeof supportedLanguages)[number]): Form[] {
  const reader = translator(language);
  const base = { units, section, state: filed.id, command: '/deviation', answers: freshAnswers('x') };
  return [
    reportForm(reader, base),
    reportForm(reader, {
      ...base,
      notice: 'channels',
      errors: { ordinaryChannels: reader.t.deviations.intake.problem.ordinaryChannelsMissing },
    }),
    reportForm(reader, { ...base, notice: 'words', confirmNotSerious: true }),
    whistleblowingRouteForm(reader, section.whistleblowing),
    receiptForm(reader, filed, { units, timeZone: 'Europe/Oslo', statusCommand: '/deviation status' }),
  ];
}

describe('the intake’s forms on every surface', () => {
  it.each(supportedLanguages)(
    'in %s they render on Slack, Teams and the console within each one’s limits',
    (language) => {
      for (const form of everyIntakeForm(language)) {
        expect(() => renderSlackModal(form, { mentionFor: () => null })).not.toThrow();
        expect(adaptiveCardProblems(renderTeamsForm(form, {}))).toEqual([]);
        expect(renderConsoleForm(form)).toContain(`data-form-id="${form.formId}"`);
      }
    },
  );

  it.each(deviationTextLanguages)(
    'the %s texts a surface shows in a short place fit the tightest surface',
    (language) => {
      const texts = intakeTexts[language](localeFormat('en-GB'));
      for (const title of [texts.formTitle, texts.route.title, texts.receipt.title])
        expect(title.length, title).toBeLessThanOrEqual(SLACK_MODAL_TITLE_MAX_CHARACTERS);
      // A checkbox's text is an option's text on Slack.
      for (const box of [texts.ordinaryChannelsBox, texts.route.confirmBox])
        expect(box.length, box).toBeLessThanOrEqual(SLACK_OPTION_TEXT_MAX_CHARACTERS);
      for (const placeholder of Object.values(texts.placeholder))
        expect(placeholder.length, placeholder).toBeLessThanOrEqual(SLACK_PLACEHOLDER_MAX_CHARACTERS);
    },
  );

  it('a unit with a long name is shortened in its label only: the code and the value stay', () => {
    const name =
      'Experts in Teamwork: Interdisciplinary Project Work on Sustainable Energy Systems and Digital Twins';
    const option = unitOption({
      kind: 'course',
      code: 'EiT3920',
      name,
      facultyCode: 'IE',
      departmentCode: null,
    });
    expect(option.label).toHaveLength(unitLabelMaxLength);
    expect(option.label).toBe('Experts in Teamwork: Interdisciplinary Project Work on Sustainab… (EiT3920)');
    expect(option.value).toBe('course:EiT3920');
  });
});
