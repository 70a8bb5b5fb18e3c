import { type InstitutionConfig, nameIn, type StudyBoard } from '../../../config/institution-config.js';
import { translator } from '../../../i18n/translator.js';
import type { Logger } from '../../../logging/logger.js';
import type { CycleMailCounts } from '../../../mail/mail-outbox.js';
import { newFileRef } from '../../../messages/file-ref.js';
import type { Message } from '../../../messages/message-model.js';
import type { CprCipher } from '../../../security/cpr-cipher.js';
import { todayIn } from '../../../shared/calendar-date.js';
import type { ChatSurface } from '../../../surfaces/chat-surface.js';
import { boardMeetingPack } from '../board-meeting/presenters/board-meeting-pack.js';
import type { Exclusion } from '../exclusions/exclusion.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { CycleRecord, IdentificationStorage } from '../identification-store.js';
import type { JournalAdapter } from '../journal/journal-case.js';
import type { JournalCaseStore } from '../journal/journal-case-store.js';
import { type JournalTally, journaliseCycle } from '../journal/journalise-cycle.js';
import { journalisedMessage } from '../journal/presenters/journalised-message.js';
import { boardChannel } from '../reminder/reminder-recipients.js';
import type {
  AfterDispatchPostKind,
  AfterDispatchPosts,
  AfterDispatchReading,
} from './after-dispatch-store.js';
import { boardMeetingFactsOf } from './board-meeting-facts-of.js';
import { type PostOutcome, postOnce } from './post-once.js';

export interface AfterDispatchDependencies {
  readonly config: InstitutionConfig;
  readonly storage: Pick<IdentificationStorage, 'listCycles' | 'compareWithPrevious'>;
  readonly reading: AfterDispatchReading;
  readonly exclusions: {
    exclusionsOf(boardCode: string, period: IdentificationPeriod): Promise<Exclusion[]>;
  };
  readonly outbox: { counts(cycleIds: readonly string[]): Promise<CycleMailCounts[]> };
  /** Where cycles are journalised (config `journal:`); null: nowhere, only the pack is posted. */
  readonly journal: { readonly adapter: JournalAdapter; readonly store: JournalCaseStore } | null;
  readonly cipher: CprCipher | null;
  /** The sender the mails carried (SMTP_FROM); null when no SMTP is set up. */
  readonly mailFrom: string | null;
  readonly posts: AfterDispatchPosts;
  readonly surfaces: readonly ChatSurface[];
  readonly now: () => Date;
  readonly logger: Logger;
}

/** One post on one surface. */
export interface AfterDispatchPostReport {
  readonly kind: AfterDispatchPostKind;
  readonly surface: ChatSurface['name'];
  readonly outcome: PostOutcome | 'no_channel';
}

/** What one run did; counts and codes only. */
export type AfterDispatchReport =
  /** Nothing to do: the cycle is unknown, not dispatched, or its board left the configuration. */
  | { readonly kind: 'skipped'; readonly reason: 'unknown_cycle' | 'not_dispatched' | 'unknown_board' }
  /** Mails are still pending or being sent: the run is tried again later. */
  | { readonly kind: 'waiting'; readonly pendingMails: number }
  | {
      readonly kind: 'done';
      /** null: no journal configured. */
      readonly journal: JournalTally | null;
      /** Cases left unfiled after this run (failed, or held by another instance). */
      readonly journalUnfinished: number;
      readonly posts: readonly AfterDispatchPostReport[];
    };

/**
 * What follows a dispatch (procedure steps 6 and 7), once the cycle's mails
 * have settled (each sent or failed for good): the cycle is journalised and
 * the board's channel told so, and the board-meeting pack (message and PDF)
 * is posted in the board's channel, on every surface. Every case is filed
 * once (journaliseCycle) and every post made once per cycle, surface and
 * kind (postOnce), so a retry or a run taken over from a dead instance does
 * only what is left.
 *
 * The journal's message waits until every case is filed, so the channel is
 * told the final figures; after the last attempt it is posted with the
 * failures it names (the operator files those by hand).
 */
export async function afterDispatch(
  dependencies: AfterDispatchDependencies,
  request: { readonly cycleId: string; readonly lastAttempt: boolean },
): Promise<AfterDispatchReport> {
  const { config, reading, storage } = dependencies;
  const boardCode = await reading.boardCodeOf(request.cycleId);
  if (boardCode === null) return { kind: 'skipped', reason: 'unknown_cycle' };
  const cycle = (await storage.listCycles({ boardCode })).find((found) => found.id === request.cycleId);
  if (!cycle) return { kind: 'skipped', reason: 'unknown_cycle' };
  if (cycle.status === 'draft') return { kind: 'skipped', reason: 'not_dispatched' };
  const board = config.boards.find((candidate) => candidate.code === boardCode);
  if (!board) return { kind: 'skipped', reason: 'unknown_board' };

  // Settled: no mail pending or being sent by any instance (4xx retries included).
  const [mails = { cycleId: cycle.id, sent: 0, failed: 0, pending: 0 }] = await dependencies.outbox.counts([
    cycle.id,
  ]);
  if (mails.pending > 0) return { kind: 'waiting', pendingMails: mails.pending };

  const period = { term: cycle.term, year: cycle.year };
  const exclusions = await dependencies.exclusions.exclusionsOf(boardCode, period);
  const posts: AfterDispatchPostReport[] = [];
  let journal: JournalTally | null = null;
  let journalUnfinished = 0;
  if (dependencies.journal) {
    journal = await journaliseBoardCycle(dependencies, dependencies.journal, board, cycle, exclusions);
    journalUnfinished = journal.failed.length + journal.inProgress;
    if (journalUnfinished === 0 || request.lastAttempt) {
      const tally = await filedSoFar(dependencies.journal.store, cycle.id, journal);
      const message = journalisedMessage({ board, period, tally }, channelReader(config));
      posts.push(...(await postEverywhere(dependencies, board, cycle.id, 'journalised', () => message)));
    }
  }
  const pack = memo(() => packMessage(dependencies, board, cycle, exclusions, mails));
  posts.push(...(await postEverywhere(dependencies, board, cycle.id, 'board_meeting_pack', pack)));
  return { kind: 'done', journal, journalUnfinished, posts };
}

async function journaliseBoardCycle(
  dependencies: AfterDispatchDependencies,
  journal: NonNullable<AfterDispatchDependencies['journal']>,
  board: StudyBoard,
  cycle: CycleRecord,
  exclusions: readonly Exclusion[],
): Promise<JournalTally> {
  const { reading, config } = dependencies;
  const from = dependencies.mailFrom;
  const sentMails = from === null ? [] : await reading.sentMails(cycle.id, from);
  return journaliseCycle({
    cycle: {
      id: cycle.id,
      boardCode: board.code,
      // The records system's language is Danish.
      boardName: nameIn(board, 'da'),
      period: { term: cycle.term, year: cycle.year },
    },
    students: await reading.journalStudents(cycle.id),
    exclusions: exclusions.map((exclusion) => ({
      studentNumber: exclusion.studentNumber,
      reason: exclusion.reason,
      note: exclusion.note,
      excludedBy: exclusion.excludedBy,
      excludedAt: exclusion.excludedAt,
    })),
    sentMails,
    timeZone: config.institution.timeZone,
    adapter: journal.adapter,
    cipher: dependencies.cipher,
    store: journal.store,
    now: dependencies.now,
    logger: dependencies.logger,
  });
}

/** The channel is told every case filed, whichever run filed it, and the ones that failed for good. */
async function filedSoFar(
  store: JournalCaseStore,
  cycleId: string,
  last: JournalTally,
): Promise<JournalTally> {
  const records = await store.forCycle(cycleId);
  const filed = (kind: 'student' | 'collective') =>
    records.filter((record) => record.status === 'filed' && record.kind === kind).length;
  return {
    cycleId,
    filed: { student: filed('student'), collective: filed('collective') },
    alreadyFiled: 0,
    inProgress: last.inProgress,
    failed: last.failed,
  };
}

async function packMessage(
  dependencies: AfterDispatchDependencies,
  board: StudyBoard,
  cycle: CycleRecord,
  exclusions: readonly Exclusion[],
  mails: CycleMailCounts,
): Promise<Message> {
  const { config, now } = dependencies;
  const comparison = await dependencies.storage.compareWithPrevious(cycle.id);
  const followUp = await dependencies.reading.followUp(
    cycle.id,
    exclusions.map((exclusion) => exclusion.studentNumber),
  );
  const facts = boardMeetingFactsOf({ config, board, cycle, comparison, exclusions, mails, followUp });
  const madeOn = todayIn(config.institution.timeZone, now());
  const pack = await boardMeetingPack(facts, channelReader(config), madeOn);
  return { ...pack.message, blocks: [...pack.message.blocks, { type: 'file', file: newFileRef(pack.pdf) }] };
}

async function postEverywhere(
  dependencies: AfterDispatchDependencies,
  board: StudyBoard,
  cycleId: string,
  kind: AfterDispatchPostKind,
  message: () => Promise<Message> | Message,
): Promise<AfterDispatchPostReport[]> {
  return Promise.all(
    dependencies.surfaces.map(async (surface): Promise<AfterDispatchPostReport> => {
      const channelId = boardChannel(board, surface.name);
      if (!channelId) return { kind, surface: surface.name, outcome: 'no_channel' };
      const { outcome, problem } = await postOnce({
        posts: dependencies.posts,
        surface,
        key: { cycleId, surface: surface.name, kind },
        destination: { kind: 'channel', channelId },
        message,
        now: dependencies.now,
      });
      if (outcome === 'failed') {
        dependencies.logger.warn(
          { cycleId, board: board.code, surface: surface.name, kind, problem },
          'an after-dispatch post failed; the run is tried again',
        );
      }
      return { kind, surface: surface.name, outcome };
    }),
  );
}

/** A board's channel reads the institution's language. */
function channelReader(config: InstitutionConfig) {
  return translator(config.institution.language);
}

function memo<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | null = null;
  return () => {
    made ??= make();
    return made;
  };
}
