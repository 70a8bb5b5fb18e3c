import { type InstitutionConfig, nameIn, type StudyBoard } from '../config/institution-config.js';
import type { PlaceOutcome } from '../i18n/catalogue/catalogue.js';
import { type Translator, translatorForLocale } from '../i18n/translator.js';
import type { Block, FormValues, Message, RichText } from '../messages/message-model.js';
import { plainTextOf } from '../messages/plain-text.js';
import { type IdentificationPeriod, periodOf } from '../procedures/at-risk/identification-period.js';
import type { IdentificationStorage } from '../procedures/at-risk/identification-store.js';
import type { BoardsImport } from '../procedures/at-risk/import-for-boards.js';
import { reviewActionId } from '../procedures/at-risk/reminder/presenters/reminder-message.js';
import type { DeliveryReport } from '../procedures/at-risk/reminder/send-exam-period-reminders.js';
import { reviewFormId } from '../procedures/at-risk/review/review-state.js';
import {
  openReview,
  reviewFormAction,
  reviewSearchSubmitted,
  reviewTargetOf,
} from '../procedures/at-risk/review/review-students.js';
import { todayIn } from '../shared/calendar-date.js';
import { isCodedError } from '../shared/coded-error.js';
import type { SurfaceName } from '../surfaces/chat-surface.js';
import type {
  BotActor,
  BotReply,
  BotRequests,
  ConversationRef,
  FormAction,
  FormOutcome,
} from './bot-requests.js';
import { boardsOf, importScopeOf } from './import-scope.js';
import { boardOfChannel, mayFollowBoard } from './permissions.js';
import { importedReply, importFailureReply } from './shared-export-reply.js';

/** What the bot needs from the rest of the application; wired in src/app. */
export interface BotDependencies {
  readonly config: InstitutionConfig;
  readonly storage: IdentificationStorage;
  /** Sends (or updates) the period's reminders for these boards on every surface. */
  remind(boardCodes: readonly string[], period: IdentificationPeriod): Promise<DeliveryReport[]>;
  /**
   * Imports the rows of these boards from a shared export, in one
   * transaction: a board channel's board, or every board of the person in a
   * direct chat.
   */
  importShared(
    file: { readonly name: string; readonly bytes: Uint8Array },
    boards: readonly StudyBoard[],
    actor: BotActor,
  ): Promise<BoardsImport>;
  readonly now: () => Date;
}

/**
 * The bot's answers, platform-neutral: `/trafiklys` commands, button clicks,
 * forms and shared files. Surfaces call it; it calls the procedures.
 */
export class TrafiklysBot implements BotRequests {
  constructor(private readonly dependencies: BotDependencies) {}

  async command(actor: BotActor, conversation: ConversationRef, text: string): Promise<BotReply> {
    const reader = this.readerFor(actor);
    const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
    const command = words.join(' ');
    if (command === '' || command === 'help') return privately(this.helpMessage(reader, conversation));
    if (command === 'remind now') return this.remindNow(actor, conversation, reader);
    if (command === 'status') return this.status(actor, conversation, reader);
    return privately(plain(reader.t.commands.unknown({ text, helpCommand: helpCommandOn(conversation) })));
  }

  async action(
    actor: BotActor,
    conversation: ConversationRef,
    action: { readonly actionId: string; readonly value: string | null },
  ): Promise<BotReply> {
    const reader = this.readerFor(actor);
    if (action.actionId === reviewActionId) {
      return openReview(this.dependencies, actor, reviewTargetOf(action.value));
    }
    return privately(
      plain(reader.t.commands.unknown({ text: action.actionId, helpCommand: helpCommandOn(conversation) })),
    );
  }

  async submitForm(
    actor: BotActor,
    submission: { readonly formId: string; readonly state: string | null; readonly values: FormValues },
  ): Promise<FormOutcome> {
    if (submission.formId === reviewFormId)
      return reviewSearchSubmitted(this.dependencies, actor, submission);
    return { kind: 'close' };
  }

  async formAction(actor: BotActor, action: FormAction): Promise<FormOutcome> {
    if (action.formId === reviewFormId) return reviewFormAction(this.dependencies, actor, action);
    return { kind: 'close' };
  }

  async fileShared(
    actor: BotActor,
    conversation: ConversationRef,
    file: { readonly name: string; readonly bytes: Uint8Array },
  ): Promise<BotReply> {
    const reader = this.readerFor(actor);
    const { t } = reader;
    const { config } = this.dependencies;
    const scope = importScopeOf(config, actor, conversation);
    if (scope.kind === 'refused') {
      return privately(
        plain(scope.reason === 'not_allowed' ? t.errors.notAllowed('import_export') : t.bot.notABoardChannel),
      );
    }
    try {
      const outcome = await this.dependencies.importShared(file, boardsOf(scope), actor);
      const imported = importedReply(reader, file.name, scope, outcome, config.boards);
      if (outcome.kind !== 'imported') return inConversation(plain(imported));
      // The export is stored whatever becomes of the reminders' update, and the reply says so.
      const reminded = await this.remindOrRetry(
        outcome.boards.map((board) => board.boardCode),
        outcome.report.period,
      );
      return inConversation(
        plain(reminded === 'retrying' ? `${imported}\n${t.bot.remindRetrying}` : imported),
      );
    } catch (error) {
      const failure = importFailureReply(reader, file.name, error, config.boards);
      if (failure === null) throw error;
      return inConversation(plain(failure));
    }
  }

  private async remindNow(
    actor: BotActor,
    conversation: ConversationRef,
    reader: Translator,
  ): Promise<BotReply> {
    const boards = this.boardsFor(actor, conversation);
    if (boards.length === 0) return privately(plain(reader.t.errors.notAllowed('remind_now')));
    const period = this.currentPeriod();
    const reports = await this.remindOrRetry(
      boards.map((board) => board.code),
      period,
    );
    if (reports === 'retrying') return privately(plain(reader.t.bot.remindRetrying));
    const lines = boards.map((board) =>
      reader.t.bot.remindResult({
        boardName: nameIn(board, reader.language),
        period,
        ...placesOf(reports.filter((report) => report.boardCode === board.code)),
      }),
    );
    return privately(plain(lines.join('\n')));
  }

  private async status(
    actor: BotActor,
    conversation: ConversationRef,
    reader: Translator,
  ): Promise<BotReply> {
    const { t } = reader;
    const boards = this.boardsFor(actor, conversation);
    if (boards.length === 0) return privately(plain(t.errors.notAllowed('review_students')));
    const blocks: Block[] = [];
    for (const board of boards) {
      const cycles = await this.dependencies.storage.listCycles({ boardCode: board.code });
      blocks.push({ type: 'heading', text: `${board.code} · ${nameIn(board, reader.language)}` });
      if (cycles.length === 0) {
        blocks.push({ type: 'text', content: [t.bot.noCycles] });
        continue;
      }
      blocks.push({
        type: 'table',
        columns: [
          { header: t.bot.statusColumn.period },
          { header: t.bot.statusColumn.status },
          ...(['green', 'yellow', 'red', 'blue'] as const).map((light) => ({
            header: t.category[light],
            align: 'right' as const,
          })),
        ],
        rows: cycles.map((cycle) => [
          t.period.name(cycle),
          t.bot.cycleStatus[cycle.status],
          ...(['green', 'yellow', 'red', 'blue'] as const).map((light) =>
            reader.formatNumber(cycle.counts[light]),
          ),
        ]),
      });
    }
    return privately({ fallbackText: t.commands.description.status, blocks });
  }

  private helpMessage(reader: Translator, conversation: ConversationRef): Message {
    const { t } = reader;
    const command = helpCommandOn(conversation).replace(/ help$/, '');
    return {
      fallbackText: t.commands.helpHeading,
      blocks: [
        { type: 'heading', text: t.commands.helpHeading },
        {
          type: 'facts',
          facts: [
            { label: `${command} remind now`, value: [t.commands.description.remindNow] },
            { label: `${command} status`, value: [t.commands.description.status] },
            { label: `${command} help`, value: [t.commands.description.help] },
          ],
        },
      ],
    };
  }

  /** A board's channel means that board; elsewhere, the boards the person follows. */
  private boardsFor(actor: BotActor, conversation: ConversationRef): StudyBoard[] {
    const { config } = this.dependencies;
    const channelBoard = boardOfChannel(config, conversation.surface, conversation.conversationId);
    const candidates = channelBoard ? [channelBoard] : config.boards;
    return candidates.filter((board) => mayFollowBoard(actor.email, board, config));
  }

  /**
   * The reminders for these boards, or 'retrying' when the run failed as a
   * whole: it is recorded, tried again with back-off, and the secretaries are
   * told if it never gets through (see the reminder jobs).
   */
  private async remindOrRetry(
    boardCodes: readonly string[],
    period: IdentificationPeriod,
  ): Promise<DeliveryReport[] | 'retrying'> {
    try {
      return await this.dependencies.remind(boardCodes, period);
    } catch (error) {
      if (isCodedError(error) && error.code === 'reminder.failed') return 'retrying';
      throw error;
    }
  }

  private readerFor(actor: BotActor): Translator {
    return translatorForLocale(actor.locale, this.dependencies.config.institution.language);
  }

  private currentPeriod(): IdentificationPeriod {
    return periodOf(todayIn(this.dependencies.config.institution.timeZone, this.dependencies.now()));
  }
}

function privately(message: Message): BotReply {
  return { kind: 'message', message, visibility: 'only_actor' };
}

function inConversation(message: Message): BotReply {
  return { kind: 'message', message, visibility: 'conversation' };
}

function plain(text: string | RichText): Message {
  const content = typeof text === 'string' ? [text] : text;
  return { fallbackText: plainTextOf(content), blocks: [{ type: 'text', content }] };
}

function helpCommandOn(conversation: ConversationRef): string {
  return conversation.surface === 'teams' ? '@Trafiklys help' : '/trafiklys help';
}

const placeOutcomes: Readonly<Partial<Record<DeliveryReport['outcome'], PlaceOutcome>>> = {
  posted: 'posted',
  updated: 'updated',
  unchanged: 'unchanged',
  already_claimed: 'inProgress',
  failed: 'failed',
};

/** One board's reports as `remind now` tells them: the channel per platform, the copies counted. */
function placesOf(reports: readonly DeliveryReport[]) {
  const channel: Record<PlaceOutcome, SurfaceName[]> = {
    posted: [],
    updated: [],
    unchanged: [],
    inProgress: [],
    failed: [],
  };
  const copies: Record<PlaceOutcome, number> = {
    posted: 0,
    updated: 0,
    unchanged: 0,
    inProgress: 0,
    failed: 0,
  };
  const unreachable: string[] = [];
  for (const report of reports) {
    if (report.outcome === 'unreachable') unreachable.push(report.recipient);
    const outcome = placeOutcomes[report.outcome];
    if (!outcome) continue;
    if (report.recipient === 'channel') channel[outcome].push(report.surface);
    else copies[outcome] += 1;
  }
  return { channel, copies, unreachable: [...new Set(unreachable)] };
}
