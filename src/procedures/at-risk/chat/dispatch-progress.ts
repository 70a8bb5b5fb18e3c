import { nameIn, type StudyBoard } from '../../../config/institution-config.js';
import type { Translator } from '../../../i18n/translator.js';
import type { CycleMailCounts } from '../../../mail/mail-outbox.js';
import type { OutboxSending } from '../../../mail/outbox-sending.js';
import type { Block, Message } from '../../../messages/message-model.js';
import type { ChatSurface, PostedMessage } from '../../../surfaces/chat-surface.js';
import type { DispatchRecipient } from '../dispatch/dispatch-store.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { DispatchChatDependencies } from './dispatch-flow.js';

/** How often the progress message is updated while the mails go out (Slack allows about one edit a second). */
const updateEveryMs = 2_000;

export interface DispatchInProgress {
  readonly mail: OutboxSending;
  readonly board: StudyBoard;
  readonly period: IdentificationPeriod;
  readonly cycleId: string;
  readonly withoutEmail: readonly DispatchRecipient[];
  /** How many mails the dispatch queued: all waiting when the progress is first shown. */
  readonly queued: number;
  readonly confirmedBy: string;
  readonly reader: Translator;
}

/**
 * Sends the cycle's queued mails and shows, in the board's channel on every
 * platform it has, how many are sent, failed and waiting, updated in place;
 * the final message lists what the chair follows up by hand (failed mails,
 * students without an address). Then the journal and the meeting pack.
 */
export async function sendWithProgress(
  dependencies: Pick<DispatchChatDependencies, 'surfaces' | 'logger' | 'afterDispatch'>,
  dispatch: DispatchInProgress,
): Promise<void> {
  const { board, mail, cycleId } = dispatch;
  const places = await postEverywhere(
    dependencies,
    dispatch,
    progressMessage(dispatch, { cycleId, sent: 0, failed: 0, pending: 0 }, null),
  );
  let lastUpdate = 0;
  let updating: Promise<void> = Promise.resolve();
  const tally = await mail.drain({
    cycleId,
    untilSettled: true,
    onProgress: (counts) => {
      const now = Date.now();
      if (now - lastUpdate < updateEveryMs) return;
      lastUpdate = now;
      updating = updating.then(() =>
        updateEverywhere(dependencies, places, progressMessage(dispatch, counts, null)),
      );
    },
  });
  await updating;
  const counts = tally.cycles.find((cycle) => cycle.cycleId === cycleId) ?? {
    cycleId,
    sent: 0,
    failed: 0,
    pending: 0,
  };
  const failed = await mail.outbox.listing({ boardCode: board.code, statuses: ['failed'] });
  await updateEverywhere(
    dependencies,
    places,
    progressMessage(
      dispatch,
      counts,
      failed.filter((row) => row.cycleId === cycleId),
    ),
  );
  // The journal and the meeting pack wait for the mails still pending (retried by the outbox) themselves.
  await dependencies.afterDispatch?.(cycleId);
}

function progressMessage(
  dispatch: DispatchInProgress,
  counts: CycleMailCounts,
  failed: readonly { readonly recipient: string; readonly problem: string | null }[] | null,
): Message {
  const { t } = dispatch.reader;
  const progress = t.dispatch.progress({
    period: dispatch.period,
    boardName: nameIn(dispatch.board, dispatch.reader.language),
    ...counts,
  });
  const blocks: Block[] = [
    { type: 'text', content: [progress] },
    { type: 'context', content: [t.dispatch.confirmedBy(dispatch.confirmedBy)] },
  ];
  // The final message: what the chair follows up by hand.
  if (failed !== null) {
    const lines = [
      ...failed.map((row) => t.dispatch.failedLine({ address: row.recipient, problem: row.problem ?? '' })),
      ...(dispatch.withoutEmail.length > 0
        ? [
            t.dispatch.withoutEmail({
              count: dispatch.withoutEmail.length,
              names: dispatch.reader.formatList(
                dispatch.withoutEmail.map((student) => `${student.name} (${student.studentNumber})`),
              ),
            }),
          ]
        : []),
    ];
    if (lines.length > 0)
      blocks.push({ type: 'text', content: [`${t.dispatch.manualFollowUp}\n${lines.join('\n')}`] });
  }
  return { fallbackText: progress, blocks };
}

interface Place {
  readonly surface: ChatSurface;
  posted: PostedMessage;
}

async function postEverywhere(
  dependencies: Pick<DispatchChatDependencies, 'surfaces' | 'logger'>,
  dispatch: DispatchInProgress,
  message: Message,
): Promise<Place[]> {
  const places: Place[] = [];
  for (const surface of dependencies.surfaces) {
    const channelId = dispatch.board.channels[surface.name];
    if (!channelId) continue;
    try {
      places.push({ surface, posted: await surface.postMessage({ kind: 'channel', channelId }, message) });
    } catch (error) {
      // The mails matter more than their progress line: they go on, and the failure is logged.
      dependencies.logger.error(
        { err: error, surface: surface.name, board: dispatch.board.code },
        'the dispatch progress could not be posted',
      );
    }
  }
  return places;
}

async function updateEverywhere(
  dependencies: Pick<DispatchChatDependencies, 'logger'>,
  places: readonly Place[],
  message: Message,
): Promise<void> {
  for (const place of places) {
    try {
      place.posted = await place.surface.updateMessage(place.posted, message);
    } catch (error) {
      dependencies.logger.warn(
        { err: error, surface: place.surface.name },
        'the dispatch progress could not be updated',
      );
    }
  }
}
