import type { InstitutionConfig, StudyBoard } from '../../../config/institution-config.js';
import type { Message, PersonRef } from '../../../messages/message-model.js';
import { mapConcurrently } from '../../../shared/map-concurrently.js';
import type { ChatSurface, SurfaceUser } from '../../../surfaces/chat-surface.js';
import { comparePeriods, type IdentificationPeriod } from '../identification-period.js';
import type { CycleComparison, CycleRecord, IdentificationStorage } from '../identification-store.js';
import { type DeliveryOutcome, deliverOnce } from './deliver-once.js';
import type { ReminderDeliveries } from './reminder-deliveries.js';
import {
  boardChannel,
  type ReminderRecipients,
  recipientsOf,
  spreadBySharedCopies,
  uniqueByEmail,
} from './reminder-recipients.js';

/** Everything a reminder says about one board, for one reader. */
export interface ReminderContent {
  readonly board: StudyBoard;
  readonly period: IdentificationPeriod;
  /** null: no export imported for the period yet; the reminder asks for one. */
  readonly cycle: CycleRecord | null;
  readonly comparison: CycleComparison | null;
  /** The board's cycles up to this one, oldest first, for the trend chart. */
  readonly history: readonly CycleRecord[];
  readonly recipients: ReminderRecipients;
  /** People who could not be reached on this surface. */
  readonly unreachable: readonly PersonRef[];
  /** Set for a manager's copy (a direct message), null for the board's channel. */
  readonly copyFor: PersonRef | null;
  /** The reader's locale (a copy), or null for a channel (the institution's language). */
  readonly locale: string | null;
}

/** Words and charts; the at-risk reminder's presentation, kept apart from the procedure. */
export interface ReminderComposer {
  compose(content: ReminderContent): Promise<Message>;
}

export interface ReminderDependencies {
  readonly config: InstitutionConfig;
  readonly storage: IdentificationStorage;
  readonly deliveries: ReminderDeliveries;
  readonly surfaces: readonly ChatSurface[];
  readonly composer: ReminderComposer;
  readonly now: () => Date;
}

export interface DeliveryReport {
  readonly boardCode: string;
  readonly surface: ChatSurface['name'];
  /** "channel" or a copy recipient's e-mail */
  readonly recipient: string;
  readonly outcome: DeliveryOutcome | 'unreachable' | 'no_channel';
}

/**
 * The exam-period reminder (procedure step 1): for every study board, on every
 * surface where it has a channel, post the identification summary, mentioning
 * the chair and the secretary, and send a copy to the head of department, the
 * head of studies and student services. Without an export for the period it
 * asks the secretary to upload one. Each place gets it once; a later run
 * updates what was posted when the content changed (the upload request turning
 * into the summary after the import).
 */
export async function sendExamPeriodReminders(
  dependencies: ReminderDependencies,
  request: { readonly period: IdentificationPeriod; readonly boardCodes?: readonly string[] },
): Promise<DeliveryReport[]> {
  const { config } = dependencies;
  const boards = config.boards.filter(
    (board) => !request.boardCodes || request.boardCodes.includes(board.code),
  );
  // Boards in parallel: each platform paces posts per channel, so boards wait
  // on their own channels only. Reports stay in the configuration's order.
  const order = spreadBySharedCopies(boards, config);
  const perBoard = await mapConcurrently(order, boardsAtOnce, async (board) => ({
    board,
    reports: await remindBoard(dependencies, board, request.period),
  }));
  const reportsOf = new Map(perBoard.map(({ board, reports }) => [board, reports]));
  return boards.flatMap((board) => reportsOf.get(board) ?? []);
}

/** How many boards are reminded at once; enough to keep every channel's pace busy. */
const boardsAtOnce = 32;

async function remindBoard(
  dependencies: ReminderDependencies,
  board: StudyBoard,
  period: IdentificationPeriod,
): Promise<DeliveryReport[]> {
  const { storage, surfaces, config } = dependencies;
  // Newest first from storage; the trend reads oldest to newest, up to this period.
  const history = (await storage.listCycles({ boardCode: board.code }))
    .filter((candidate) => comparePeriods(candidate, period) <= 0)
    .reverse();
  const cycle =
    history.find((candidate) => candidate.term === period.term && candidate.year === period.year) ?? null;
  const comparison = cycle ? await storage.compareWithPrevious(cycle.id) : null;
  const recipients = recipientsOf(board, config);
  const base = { board, period, cycle, comparison, history, recipients };

  // Surfaces, and on each the channel and the copies, go out side by side:
  // each is its own channel with its own pace.
  const perSurface = await Promise.all(
    surfaces.map((surface) => remindOnSurface(dependencies, surface, base)),
  );
  return perSurface.flat();
}

type BoardContent = Pick<
  ReminderContent,
  'board' | 'period' | 'cycle' | 'comparison' | 'history' | 'recipients'
>;

async function remindOnSurface(
  dependencies: ReminderDependencies,
  surface: ChatSurface,
  content: BoardContent,
): Promise<DeliveryReport[]> {
  const { board, period, cycle, recipients } = content;
  const report = (recipient: string, outcome: DeliveryReport['outcome']): DeliveryReport => ({
    boardCode: board.code,
    surface: surface.name,
    recipient,
    outcome,
  });
  const channelId = boardChannel(board, surface.name);
  if (!channelId) return [report('channel', 'no_channel')];

  const people = [recipients.chair, recipients.secretary, ...recipients.copies];
  // Copies are written in their reader's language; the channel in the institution's.
  const readsOwnCopy = new Set(recipients.copies.map((person) => person.email));
  // All of a board's people at once: their lookups queue side by side, so
  // under a platform's rate limit each board is ready to post as early as it can be.
  const resolved = new Map<string, SurfaceUser | null>(
    await Promise.all(
      people.map(async (person) => {
        const locale = readsOwnCopy.has(person.email);
        return [person.email, await surface.resolveUser(person.email, { locale })] as const;
      }),
    ),
  );
  const unreachable = uniqueByEmail(people.filter((person) => resolved.get(person.email) === null));

  const deliver = async (
    recipient: string,
    destination: Parameters<typeof deliverOnce>[0]['destination'],
    message: Message,
  ) =>
    report(
      recipient,
      await deliverOnce({
        deliveries: dependencies.deliveries,
        surface,
        key: { boardCode: board.code, period, surface: surface.name, recipient },
        kind: cycle ? 'summary' : 'upload_request',
        destination,
        message,
        now: dependencies.now(),
      }),
    );

  const toChannel = async () =>
    deliver(
      'channel',
      { kind: 'channel', channelId },
      await dependencies.composer.compose({ ...content, unreachable, copyFor: null, locale: null }),
    );
  const toCopy = async (person: PersonRef) => {
    const user = resolved.get(person.email);
    if (!user) return report(person.email, 'unreachable');
    const copy = await dependencies.composer.compose({
      ...content,
      unreachable,
      copyFor: person,
      locale: user.locale,
    });
    return deliver(person.email, { kind: 'direct', email: person.email }, copy);
  };
  return Promise.all([toChannel(), ...recipients.copies.map(toCopy)]);
}
