import { commandAsTyped } from '../../../bot/main-command.js';
import { type InstitutionConfig, nameIn } from '../../../config/institution-config.js';
import { translatorForLocale } from '../../../i18n/translator.js';
import type { Message } from '../../../messages/message-model.js';
import type { ChatSurface } from '../../../surfaces/chat-surface.js';
import { atRiskCommandWords } from '../command-words.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { ReminderDeliveries } from './reminder-deliveries.js';

export interface ReminderFailure {
  readonly boardCodes: readonly string[];
  readonly period: IdentificationPeriod;
  readonly attempts: number;
  /** Why the last attempt failed, as a code: `deliveries_failed` when some places refused the post. */
  readonly problem: string;
}

/**
 * The reminder could not be sent, and every retry has been used: each
 * affected board's secretary is told in a direct message, on every platform
 * that knows her, in her own language, where it failed and how to send it
 * again. A board whose every place was posted is not mentioned.
 */
export async function tellSecretariesReminderFailed(
  dependencies: {
    readonly config: InstitutionConfig;
    readonly deliveries: ReminderDeliveries;
    readonly surfaces: readonly ChatSurface[];
  },
  failure: ReminderFailure,
): Promise<void> {
  const { config } = dependencies;
  const notices: Promise<unknown>[] = [];
  for (const code of failure.boardCodes) {
    const board = config.boards.find((candidate) => candidate.code === code);
    if (!board) continue;
    const failedPlaces = (await dependencies.deliveries.forPeriod(code, failure.period)).filter(
      (delivery) => delivery.status === 'failed',
    );
    // Places failed (or the run failed as a whole, before any place was tried).
    if (failedPlaces.length === 0 && failure.problem === 'deliveries_failed') continue;
    for (const surface of dependencies.surfaces) {
      notices.push(
        (async () => {
          const secretary = await surface.resolveUser(board.secretary, { locale: true });
          if (!secretary) return;
          const { t, language } = translatorForLocale(secretary.locale, config.institution.language);
          const heading = t.reminderFailure.heading({
            boardName: nameIn(board, language),
            period: failure.period,
          });
          const body = t.reminderFailure.body({
            places: failedPlaces.map(({ key, problem }) =>
              t.reminderFailure.place({
                surface: key.surface,
                recipient: key.recipient === 'channel' ? null : key.recipient,
                problem,
              }),
            ),
            attempts: failure.attempts,
            remindCommand: commandAsTyped(surface.name, atRiskCommandWords.remindNow[language]),
          });
          const notice: Message = {
            fallbackText: heading,
            blocks: [
              { type: 'heading', text: heading },
              { type: 'text', content: [body] },
            ],
          };
          await surface.postMessage({ kind: 'direct', email: board.secretary }, notice);
        })(),
      );
    }
  }
  // Every secretary on every platform is tried; then any failure is reported.
  const failures = (await Promise.allSettled(notices)).filter((outcome) => outcome.status === 'rejected');
  if (failures.length > 0) {
    throw new AggregateError(
      failures.map((outcome) => outcome.reason),
      `${failures.length} secretaries could not be told that the reminder failed`,
    );
  }
}
