import type { InstitutionConfig } from '../../../../config/institution-config.js';
import type { Translator } from '../../../../i18n/translator.js';
import type { ActionElement, Block, Form, RichText } from '../../../../messages/message-model.js';
import type { CaseEvent, DeviationCase } from '../../deviation-case.js';
import type { Exchange } from '../../storage/deviation-store.js';
import type { UnitDirectory } from '../../unit-directory.js';
import { caseFactBlocks } from '../case-facts.js';
import { instantText } from '../instant-text.js';
import { historyLines } from './case-history.js';
import { exchangeBlock } from './exchange-blocks.js';
import {
  type CaseViewPart,
  type CaseViewState,
  encodeCaseViewState,
  exchangesPerPage,
  handlingActions,
  handlingForms,
  historyPerPage,
} from './handling-ids.js';
import { peopleNamesOf } from './people-names.js';

/** Everything the case view shows; read by the use-case after the permission check. */
export interface CaseView {
  readonly deviation: DeviationCase;
  readonly exchanges: readonly Exchange[];
  readonly history: readonly CaseEvent[];
  readonly units: UnitDirectory;
  readonly config: InstitutionConfig;
  /** The assigned handler while the case is in handling: the handling buttons are shown. */
  readonly handles: boolean;
  readonly state: CaseViewState;
  /** What the last action did (or why it was not done), shown at the top. */
  readonly notices: readonly string[];
}

/**
 * The case view for those who may see the full case (handler, the faculty's
 * report owners, line managers): one form in three parts — the case (facts,
 * the report's text, what handling has recorded), the questions and requests
 * for comments with their answers, and the history — with buttons that
 * switch between them and page them, so each part stays inside one Slack
 * modal and one Teams dialog card. The handler gets the handling buttons.
 */
export function caseViewForm(reader: Translator, view: CaseView): Form {
  const { deviation, state } = view;
  const texts = reader.t.deviations.handling.view;
  const notices: Block[] = view.notices.map((notice) => ({
    type: 'text',
    content: [{ kind: 'styled', text: notice, bold: true }],
  }));
  const content = partBlocks(reader, view);
  return {
    formId: handlingForms.caseView,
    title: reader.t.deviations.caseTitle({ number: deviation.number }),
    submitLabel: texts.doneLabel,
    cancelLabel: texts.closeLabel,
    state: encodeCaseViewState(state),
    blocks: [...notices, partButtons(reader, view), ...content],
    fields: [],
  };
}

/** The page a part opens on, kept within its pages (a case may have changed since the click). */
export function pagesOf(view: Pick<CaseView, 'exchanges' | 'history'>, part: CaseViewPart): number {
  const count = part === 'exchanges' ? view.exchanges.length : part === 'history' ? view.history.length : 0;
  const perPage = part === 'exchanges' ? exchangesPerPage : historyPerPage;
  return Math.max(1, Math.ceil(count / perPage));
}

function partButtons(reader: Translator, view: CaseView): Block {
  const texts = reader.t.deviations.handling.view;
  const labels: Readonly<Record<CaseViewPart, string>> = {
    case: texts.tabCase,
    exchanges: texts.tabExchanges(view.exchanges.length),
    history: texts.tabHistory(view.history.length),
  };
  const elements: ActionElement[] = (['case', 'exchanges', 'history'] as const).map((part) => ({
    type: 'button',
    actionId: `${handlingActions.showPart}.${part}`,
    label: labels[part],
    value: part,
    ...(part === view.state.part ? { style: 'primary' as const } : {}),
  }));
  return { type: 'actions', elements };
}

function partBlocks(reader: Translator, view: CaseView): Block[] {
  switch (view.state.part) {
    case 'case':
      return caseBlocks(reader, view);
    case 'exchanges':
      return exchangeBlocks(reader, view);
    case 'history':
      return historyBlocks(reader, view);
  }
}

function caseBlocks(reader: Translator, view: CaseView): Block[] {
  const { deviation, config } = view;
  const texts = reader.t.deviations.handling.view;
  const timeZone = config.institution.timeZone;
  const handled: { label: string; value: RichText }[] = [
    ...(deviation.preliminaryReplyAt === null
      ? []
      : [
          {
            label: texts.preliminaryReplySent,
            value: [instantText(reader, deviation.preliminaryReplyAt, timeZone)],
          },
        ]),
    ...(deviation.closedAt === null
      ? []
      : [{ label: texts.closedAt, value: [instantText(reader, deviation.closedAt, timeZone)] }]),
  ];
  const recorded = (label: string, text: string | null): Block => ({
    type: 'text',
    content: [
      { kind: 'styled', text: label, bold: true },
      '\n',
      isBlank(text) ? { kind: 'styled', text: texts.notRecorded, italic: true } : (text ?? ''),
    ],
  });
  return [
    ...caseFactBlocks(reader, deviation, {
      units: view.units,
      timeZone,
      mayReadText: true,
      showReporter: true,
    }),
    ...(deviation.sensitive ? [{ type: 'context', content: [texts.sensitiveMark] } as const] : []),
    ...(handled.length === 0 ? [] : [{ type: 'facts', facts: handled } as const]),
    ...(deviation.state === 'in_handling' || deviation.state === 'closed'
      ? [recorded(texts.causes, deviation.causes), recorded(texts.measures, deviation.measures)]
      : []),
    ...(deviation.state === 'closed' ? [recorded(texts.outcome, deviation.outcome)] : []),
    ...(deviation.state === 'rejected' || deviation.state === 'redirected'
      ? [recorded(texts.reason, deviation.reason)]
      : []),
    ...handlingButtons(reader, view),
  ];
}

function handlingButtons(reader: Translator, view: CaseView): Block[] {
  const { deviation } = view;
  if (deviation.state !== 'in_handling') return [];
  if (!view.handles) {
    const handler = deviation.handler?.name ?? '';
    return [{ type: 'context', content: [reader.t.deviations.handling.view.viewOnly({ handler })] }];
  }
  const labels = reader.t.deviations.handling.actions;
  const button = (actionId: string, label: string, style?: 'primary'): ActionElement => ({
    type: 'button',
    actionId,
    label,
    value: deviation.id,
    ...(style === undefined ? {} : { style }),
  });
  return [
    { type: 'divider' },
    {
      type: 'actions',
      elements: [
        button(handlingActions.askForm, labels.ask),
        button(handlingActions.commentsForm, labels.comments),
        button(handlingActions.preliminaryReplyForm, labels.preliminaryReply),
        button(handlingActions.causesForm, labels.causes),
        button(handlingActions.closeForm, labels.close, 'primary'),
      ],
    },
  ];
}

function exchangeBlocks(reader: Translator, view: CaseView): Block[] {
  const texts = reader.t.deviations.handling.view;
  if (view.exchanges.length === 0) return [{ type: 'text', content: [texts.noExchanges] }];
  const names = peopleNamesOf(view.deviation, view.history);
  const timeZone = view.config.institution.timeZone;
  const page = pageOf(view, 'exchanges');
  const shown = view.exchanges.slice((page - 1) * exchangesPerPage, page * exchangesPerPage);
  return [
    ...shown.flatMap((exchange, index) => [
      ...(index === 0 ? [] : [{ type: 'divider' } as const]),
      exchangeBlock(reader, exchange, { timeZone, names }),
    ]),
    ...pagingBlocks(reader, view, 'exchanges', page),
  ];
}

function historyBlocks(reader: Translator, view: CaseView): Block[] {
  const names = peopleNamesOf(view.deviation, view.history);
  const page = pageOf(view, 'history');
  const lines = historyLines(reader, view.history.slice((page - 1) * historyPerPage, page * historyPerPage), {
    config: view.config,
    names,
  });
  return [{ type: 'text', content: [lines.join('\n')] }, ...pagingBlocks(reader, view, 'history', page)];
}

function pageOf(view: CaseView, part: CaseViewPart): number {
  return Math.min(Math.max(1, view.state.page), pagesOf(view, part));
}

function pagingBlocks(reader: Translator, view: CaseView, part: CaseViewPart, page: number): Block[] {
  const pages = pagesOf(view, part);
  if (pages <= 1) return [];
  const texts = reader.t.deviations.handling.view;
  const elements: ActionElement[] = [
    ...(page > 1
      ? [
          {
            type: 'button',
            actionId: handlingActions.previousPage,
            label: texts.previous,
            value: String(page - 1),
          } as const,
        ]
      : []),
    ...(page < pages
      ? [
          {
            type: 'button',
            actionId: handlingActions.nextPage,
            label: texts.next,
            value: String(page + 1),
          } as const,
        ]
      : []),
  ];
  return [
    { type: 'context', content: [texts.pageStatus({ page, pages })] },
    { type: 'actions', elements },
  ];
}

/** Causes, measures, an outcome: a field cleared by the handler is stored empty and reads as not recorded. */
export function isBlank(text: string | null): boolean {
  return text === null || text.trim() === '';
}
