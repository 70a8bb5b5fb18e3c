import { describe, expect, it } from 'vitest';
import { supportedLanguages } from '../../../../src/i18n/languages.js';
import { translator } from '../../../../src/i18n/translator.js';
import type { Form } from '../../../../src/messages/message-model.js';
import type { CaseEvent, DeviationCase } from '../../../../src/procedures/deviations/deviation-case.js';
import { caseViewForm } from '../../../../src/procedures/deviations/presenters/handling/case-view.js';
import {
  answerForm,
  askForm,
  causesForm,
  closeForm,
  commentForm,
  commentsForm,
  noticeForm,
  preliminaryReplyForm,
} from '../../../../src/procedures/deviations/presenters/handling/handling-forms.js';
import {
  type CaseViewPart,
  exchangesPerPage,
  handlingLimits,
  historyPerPage,
} from '../../../../src/procedures/deviations/presenters/handling/handling-ids.js';
import type { Exchange } from '../../../../src/procedures/deviations/storage/deviation-store.js';
import { UnitDirectory } from '../../../../src/procedures/deviations/unit-directory.js';
import type { CalendarDate } from '../../../../src/shared/calendar-date.js';
import { renderConsoleForm } from '../../../../src/surfaces/console/html/console-form.js';
import { renderSlackModal } from '../../../../src/surfaces/slack/block-kit/slack-modal.js';
import { renderTeamsForm } from '../../../../src/surfaces/teams/adaptive-card/render-teams-form.js';
import {
  byteLength,
  TEAMS_DIALOG_CARD_MAX_BYTES,
} from '../../../../src/surfaces/teams/adaptive-card/teams-limits.js';
import { adaptiveCardProblems } from '../../../support/adaptive-card-schema.js';
import { deviationsInstitution, people } from '../../../support/deviations-fixture.js';
import { slackContext } from '../../../surfaces/slack/block-kit/slack-fixtures.js';

const config = deviationsInstitution();
const section = config.deviations;
if (section === null) throw new Error('no deviations section');
const units = new UnitDirectory(config, section);

/** Norwegian words with their two-byte letters: the heaviest text a case realistically holds. */
function longest(characters: number): string {
  const words =
    'Forelesningen i R7 kolliderer med øvingen på mandager, og ærlig talt får vi ikke fulgt begge. ';
  return words
    .repeat(Math.ceil(characters / words.length))
    .slice(0, characters)
    .trimEnd()
    .padEnd(characters, 'ø');
}

const at = new Date('2026-10-13T12:30:00Z');
const longAddress = (index: number) => `${'kollega'.repeat(4)}.${index}@institutt.fakultet.uni.example`;

function heaviestCase(state: 'in_handling' | 'closed'): DeviationCase {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    number: '2026-9999',
    state,
    category: 'universal_design_digital',
    unit: { kind: 'course', code: 'TDT4100' },
    facultyCode: 'IE',
    whereWhen: longest(500),
    description: longest(section?.descriptionMaxLength ?? 3000),
    reporter: {
      email: people.student,
      name: 'Stina Student-Studentsen',
      role: 'student',
      surface: 'slack',
      language: 'nb',
    },
    sensitive: true,
    handler: { email: people.handler, name: 'Hanne Handler-Behandlersen' },
    receivedAt: at,
    deadlineAt: at,
    preliminaryReplyAt: at,
    causes: longest(handlingLimits.causes),
    measures: longest(handlingLimits.measures),
    outcome: state === 'closed' ? longest(handlingLimits.outcome) : null,
    reason: null,
    closedAt: state === 'closed' ? at : null,
    textPurgeAfter: null,
    version: 40,
  };
}

const exchanges: Exchange[] = Array.from({ length: exchangesPerPage }, (_, index) => ({
  id: `22222222-2222-4222-8222-00000000000${index}`,
  caseId: heaviestCase('in_handling').id,
  kind: index % 2 === 0 ? 'question' : 'comments',
  askedByEmail: people.handler,
  addressee: index % 2 === 0 ? people.student : longAddress(index),
  text: longest(index % 2 === 0 ? handlingLimits.question : handlingLimits.request),
  dueDate: index % 2 === 0 ? null : '2026-10-30',
  askedAt: at,
  answer: longest(index % 2 === 0 ? handlingLimits.answer : handlingLimits.comment),
  answeredAt: at,
}));

const history: CaseEvent[] = Array.from({ length: historyPerPage }, () => ({
  caseId: heaviestCase('in_handling').id,
  kind: 'sent_for_comments',
  actor: { email: people.handler, name: 'Hanne Handler-Behandlersen' },
  occurredAt: at,
  details: {
    colleagues: Array.from({ length: handlingLimits.colleagues }, (_, index) => longAddress(index)).join(
      ', ',
    ),
    dueDate: '2026-10-30',
  },
}));

function view(
  language: (typeof supportedLanguages)[number],
  part: CaseViewPart,
  state: 'in_handling' | 'closed',
): Form {
  return caseViewForm(translator(language), {
    deviation: heaviestCase(state),
    exchanges,
    history,
    units,
    config,
    handles: state === 'in_handling',
    state: { caseId: heaviestCase(state).id, part, page: 1 },
    notices: [translator(language).t.deviations.handling.notices.unreachable({ people: longAddress(1) })],
  });
}

function expectFitsEverySurface(form: Form): void {
  expect(() => renderConsoleForm(form)).not.toThrow();
  // Slack refuses a modal over 100 blocks or with a title, label or button over its limits: the renderer throws.
  expect(() => renderSlackModal(form, slackContext)).not.toThrow();
  const card = renderTeamsForm(form, { requiredFieldMessage: 'Required' });
  expect(adaptiveCardProblems(card)).toEqual([]);
  expect(byteLength(card)).toBeLessThanOrEqual(TEAMS_DIALOG_CARD_MAX_BYTES);
}

describe('the case view and the handling forms at their largest, on every surface', () => {
  it.each(
    supportedLanguages.flatMap((language) =>
      (['case', 'exchanges', 'history'] as const).flatMap((part) =>
        (['in_handling', 'closed'] as const).map((state) => [language, part, state] as const),
      ),
    ),
  )(
    'each part of the view fits one Slack modal and one Teams dialog card (%s, %s, %s)',
    (language, part, state) => {
      expectFitsEverySurface(view(language, part, state));
    },
  );

  it.each(supportedLanguages)(
    'every handling form fits them too, with the longest texts it shows (%s)',
    (language) => {
      const reader = translator(language);
      const deviation = heaviestCase('in_handling');
      const caseState = { caseId: deviation.id, token: '33333333-3333-4333-8333-333333333333' };
      const exchangeState = { exchangeId: exchanges[0]?.id ?? '', token: caseState.token };
      const [question, request] = exchanges;
      if (question === undefined || request === undefined) throw new Error('no exchanges');
      for (const form of [
        askForm(reader, caseState),
        commentsForm(reader, caseState, deviation, '2026-10-20' as CalendarDate),
        preliminaryReplyForm(reader, caseState),
        causesForm(reader, caseState, deviation),
        closeForm(reader, caseState, deviation),
        answerForm(reader, exchangeState, deviation, question, 'Hanne Handler-Behandlersen'),
        commentForm(reader, exchangeState, deviation, request, 'Hanne Handler-Behandlersen'),
        noticeForm(
          reader,
          reader.t.deviations.handling.forms.done.title,
          reader.t.deviations.handling.notices.answerSaved,
        ),
      ])
        expectFitsEverySurface(form);
    },
  );
});
