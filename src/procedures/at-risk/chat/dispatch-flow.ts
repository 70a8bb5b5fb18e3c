import { randomUUID } from 'node:crypto';
import { auditActorOf } from '../../../bot/audit-actor.js';
import type { BotActor, BotReply, FormAction, FormOutcome } from '../../../bot/bot-requests.js';
import { isBoardPerson } from '../../../bot/permissions.js';
import type { FormSubmission, ModuleFormRequest, ModuleRequest } from '../../../bot/procedure-module.js';
import { plain, privately } from '../../../bot/replies.js';
import type { InstitutionConfig, StudyBoard } from '../../../config/institution-config.js';
import { type Translator, translator } from '../../../i18n/translator.js';
import type { Logger } from '../../../logging/logger.js';
import type { OutboxSending } from '../../../mail/outbox-sending.js';
import { todayIn } from '../../../shared/calendar-date.js';
import type { ChatSurface } from '../../../surfaces/chat-surface.js';
import { confirmDispatch, type DispatchPlan, planDispatch, sampleMails } from '../dispatch/dispatch-cycle.js';
import type { DispatchStore } from '../dispatch/dispatch-store.js';
import {
  confirmOverdueField,
  dispatchPreviewForm,
  dispatchTestActionId,
} from '../dispatch/presenters/dispatch-preview.js';
import { decidesFor, type ExclusionActor } from '../exclusions/exclude-students.js';
import type { ExclusionStore } from '../exclusions/exclusion-store.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { MailTemplates, StudentMail } from '../mail/mail-templates.js';
import { reviewTargetOf } from '../review/review-students.js';
import { sendWithProgress } from './dispatch-progress.js';
import { currentPeriod } from './followed-boards.js';

/** What the chair's dispatch needs; wired in the at-risk module. */
export interface DispatchChatDependencies {
  readonly dispatch: DispatchStore;
  readonly exclusions: ExclusionStore;
  readonly templates: MailTemplates;
  /** The outbox and its SMTP sender; null without SMTP_URL (the preview says so). */
  readonly mail: OutboxSending | null;
  readonly surfaces: readonly ChatSurface[];
  readonly logger: Logger;
  readonly now: () => Date;
  /** Once the cycle's mails are settled: the journal and the board-meeting pack. */
  afterDispatch?(cycleId: string): Promise<void>;
}

interface Target {
  readonly board: StudyBoard;
  readonly period: IdentificationPeriod;
}

/** `dispatch` in a board's channel: the preview of the current period's mails. */
export async function dispatchCommand(
  dependencies: DispatchChatDependencies,
  request: ModuleRequest,
): Promise<BotReply> {
  const { config, conversation, reader } = request;
  const board = config.boards.find(
    (candidate) => candidate.channels[conversation.surface] === conversation.conversationId,
  );
  if (!board) return privately(plain(reader.t.bot.notABoardChannel));
  return openDispatch(dependencies, request, { board, period: currentPeriod(config, dependencies.now()) });
}

/** A "Prepare the mails" button (value `BOARD|term|year`): the preview. */
export async function dispatchButton(
  dependencies: DispatchChatDependencies,
  request: ModuleRequest,
  value: string | null,
): Promise<BotReply> {
  const target = targetOf(request.config, value);
  if (!target) return privately(plain(request.reader.t.bot.unknownBoard));
  return openDispatch(dependencies, request, target);
}

async function openDispatch(
  dependencies: DispatchChatDependencies,
  request: ModuleRequest,
  target: Target,
): Promise<BotReply> {
  const { actor, reader } = request;
  // The preview names excluded students and students without an address: the board's own people only.
  if (!isBoardPerson(actor.email, target.board)) {
    await dependencies.dispatch.recordAudit(audit(actor, target, 'dispatch.preview_refused'));
    return privately(plain(reader.t.errors.notAllowed('review_students')));
  }
  const form = await previewForm(dependencies, request, target);
  if (!form) return privately(plain(reader.t.dispatch.noCycle));
  await dependencies.dispatch.recordAudit(audit(actor, target, 'dispatch.preview_opened'));
  return { kind: 'form', form };
}

/** "Test … to me": one sample, rendered for a real recipient, sent to the person who asked. */
export async function dispatchFormAction(
  dependencies: DispatchChatDependencies,
  request: ModuleFormRequest,
  action: FormAction,
): Promise<FormOutcome | null> {
  if (action.actionId !== dispatchTestActionId) return null;
  const target = targetOf(request.config, action.state);
  if (!target) return { kind: 'close' };
  // The plan and its samples are read and rendered once: for the test mail and for the view that follows.
  const preview = await previewOf(dependencies, target);
  if (!preview) return { kind: 'close' };
  const notice = await sendTestMail(dependencies, request, target, preview.samples, action.value);
  return { kind: 'form', form: previewFormOf(dependencies, request, target, preview, notice) };
}

/** The chair confirms: the mails are queued once and sent, the progress shown in the board's channel. */
export async function submitDispatch(
  dependencies: DispatchChatDependencies,
  request: ModuleFormRequest,
  submission: FormSubmission,
): Promise<FormOutcome> {
  const { actor, reader } = request;
  const target = targetOf(request.config, submission.state);
  const { mail } = dependencies;
  if (!target || !mail) return { kind: 'close' };
  const who = whoIs(actor);
  // A person who may only look closes the preview with its one button.
  if (!decidesFor(who, target.board)) {
    await dependencies.dispatch.recordAudit(audit(actor, target, 'dispatch.refused'));
    return { kind: 'close' };
  }
  const outcome = await confirmDispatch(
    {
      ...dependencies,
      outbox: mail.outbox,
      templates: dependencies.templates.forBoard(target.board.code),
      messageIdDomain: mail.messageIdDomain,
    },
    who,
    target,
    {
      mandatoryContactExclusionsConfirmed: submission.values[confirmOverdueField] === true,
    },
  );
  if (outcome.kind === 'needs_confirmation')
    return { kind: 'errors', errors: { [confirmOverdueField]: reader.t.dispatch.confirmMandatoryRequired } };
  if (outcome.kind === 'refused') return { kind: 'close' };
  // The view closes at once (Slack allows three seconds); the mails go on in the background and the
  // board's channel shows how far they are. Should this process die, the outbox job sends the rest.
  void sendWithProgress(dependencies, {
    mail,
    board: target.board,
    period: target.period,
    cycleId: outcome.plan.cycle.id,
    withoutEmail: outcome.plan.withoutEmail,
    queued: outcome.plan.mails.length,
    confirmedBy: actor.displayName,
    reader: readerOfChannel(request),
  }).catch((error: unknown) =>
    dependencies.logger.error(
      { err: error, board: target.board.code },
      'the progress of a dispatch could not be shown',
    ),
  );
  return { kind: 'close' };
}

type Reader = { readonly actor: BotActor; readonly reader: Translator; readonly config: InstitutionConfig };

/** What the chair previews: the plan, and one rendered sample per template and language; null without a cycle. */
async function previewOf(
  dependencies: DispatchChatDependencies,
  target: Target,
): Promise<{ readonly plan: DispatchPlan; readonly samples: readonly StudentMail[] } | null> {
  const planned = await planDispatch(dependencies, target.board, target.period);
  if (planned.kind === 'refused') return null;
  const { plan } = planned;
  return { plan, samples: sampleMails(plan, dependencies.templates.forBoard(target.board.code)) };
}

async function previewForm(dependencies: DispatchChatDependencies, request: Reader, target: Target) {
  const preview = await previewOf(dependencies, target);
  return preview ? previewFormOf(dependencies, request, target, preview) : null;
}

function previewFormOf(
  dependencies: DispatchChatDependencies,
  request: Reader,
  target: Target,
  { plan, samples }: { readonly plan: DispatchPlan; readonly samples: readonly StudentMail[] },
  notice?: string,
) {
  const mailsSentAt = plan.cycle.status === 'draft' ? null : plan.cycle.mailsSentAt;
  return dispatchPreviewForm(request.reader, {
    board: target.board,
    period: target.period,
    plan,
    samples,
    decides: decidesFor(whoIs(request.actor), target.board),
    mailServer: dependencies.mail !== null,
    dispatchedOn: mailsSentAt ? todayIn(request.config.institution.timeZone, mailsSentAt) : null,
    ...(notice ? { notice } : {}),
  });
}

async function sendTestMail(
  dependencies: DispatchChatDependencies,
  { actor, reader }: ModuleFormRequest,
  target: Target,
  samples: readonly StudentMail[],
  value: string | null,
): Promise<string> {
  const { t } = reader;
  const { mail } = dependencies;
  if (!mail || !decidesFor(whoIs(actor), target.board)) return t.dispatch.onlyDeciders;
  if (!actor.email) return t.dispatch.testNeedsAddress;
  const [template, language] = (value ?? '').split('/');
  const sample = samples.find(
    (candidate) => candidate.template === template && candidate.language === language,
  );
  if (!sample) return t.dispatch.noRecipients;
  const outcome = await mail.sender.send({
    to: actor.email,
    subject: `[Test] ${sample.subject}`,
    text: sample.text,
    html: sample.html,
    messageId: `<${randomUUID()}@${mail.messageIdDomain}>`,
    date: dependencies.now(),
  });
  await dependencies.dispatch.recordAudit({
    ...audit(actor, target, 'dispatch.test_mail'),
    details: {
      period: `${target.period.term}-${target.period.year}`,
      template: sample.template,
      language: sample.language,
      outcome: outcome.kind,
    },
  });
  if (outcome.kind === 'accepted')
    return t.dispatch.testSent({
      template: sample.template,
      language: sample.language,
      address: actor.email,
    });
  return t.dispatch.testFailed(outcome.kind === 'unavailable' ? outcome.problem : outcome.reply);
}

function targetOf(config: InstitutionConfig, value: string | null): Target | null {
  const target = reviewTargetOf(value);
  const board = target && config.boards.find((candidate) => candidate.code === target.boardCode);
  return target && board ? { board, period: target.period } : null;
}

function whoIs(actor: BotActor): ExclusionActor {
  return { email: actor.email, actor: auditActorOf(actor) };
}

function audit(actor: BotActor, target: Target, action: string) {
  return {
    actor: auditActorOf(actor),
    action,
    boardCode: target.board.code,
    cycleId: null,
    details: { period: `${target.period.term}-${target.period.year}`, surface: actor.surface },
  };
}

/** The board's channel is read by the whole board: its messages are in the institution's language. */
function readerOfChannel(request: ModuleFormRequest): Translator {
  return translator(request.config.institution.language);
}
