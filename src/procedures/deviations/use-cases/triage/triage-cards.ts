import { type Translator, translatorForLocale } from '../../../../i18n/translator.js';
import type { ChatSurface } from '../../../../surfaces/chat-surface.js';
import type { DeviationCase } from '../../deviation-case.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { maySeeFullCase } from '../../deviation-permissions.js';
import { type TriageAudience, triageCard } from '../../presenters/triage/triage-card.js';
import { triageNoticePurpose } from '../../presenters/triage/triage-ids.js';
import type { Notice, StepResult } from '../../storage/deviation-store.js';

/**
 * After a triage step, every report owner's card says what was done, by
 * whom, and keeps only the buttons that still apply: each stored card is
 * updated in place, in its reader's language. The owners of a faculty the
 * case was just forwarded away from see where it went, without buttons;
 * older cards of faculties that had it before are left as they were (those
 * owners may no longer see what happens to it). Returns whose card could not
 * be updated, for the person who acted.
 */
export async function updateTriageCards(
  dependencies: DeviationDependencies,
  { deviation, previous }: Pick<StepResult, 'deviation' | 'previous'>,
): Promise<{ readonly notUpdated: readonly string[] }> {
  const { store } = dependencies;
  const [notices, history, units] = await Promise.all([
    store.notices(deviation.id, triageNoticePurpose),
    store.history(deviation.id),
    dependencies.units(),
  ]);
  const owners = lowerCased(units.reportOwnersOf(deviation.facultyCode));
  const formerOwners =
    previous.facultyCode === deviation.facultyCode
      ? new Set<string>()
      : lowerCased(units.reportOwnersOf(previous.facultyCode));
  const notUpdated: string[] = [];
  for (const notice of notices) {
    const recipient = notice.recipientEmail.toLowerCase();
    const audience: TriageAudience | null = owners.has(recipient)
      ? 'owner'
      : formerOwners.has(recipient)
        ? 'former_owner'
        : null;
    if (audience === null) continue;
    const surface = dependencies.surfaces.find((candidate) => candidate.name === notice.surface);
    try {
      if (surface === undefined) throw new Error(`the ${notice.surface} surface is off`);
      const reader = await readerOf(dependencies, surface, notice.recipientEmail);
      const card = triageCard(reader, {
        deviation,
        history,
        audience,
        // A former owner no longer reads a sensitive case's text, unless her other roles let her.
        mayReadText: audience === 'owner' || maySeeFullCase(notice.recipientEmail, deviation, units),
        units,
        config: dependencies.config,
      });
      const updated = await surface.updateMessage(
        { surface: surface.name, conversationId: notice.conversationId, messageIds: notice.messageIds },
        card,
      );
      // A card that grew may have new pages: the next update must find them.
      if (
        updated.messageIds.join() !== notice.messageIds.join() ||
        updated.conversationId !== notice.conversationId
      )
        await store.saveNotice({
          ...notice,
          conversationId: updated.conversationId,
          messageIds: updated.messageIds,
        });
    } catch (error) {
      dependencies.logger.warn(
        { err: error, caseNumber: deviation.number, surface: notice.surface },
        'a report owner’s triage card could not be updated',
      );
      notUpdated.push(notice.recipientEmail);
    }
  }
  return { notUpdated };
}

/** A card's reader: her platform locale where the surface knows her, else the institution's language. */
async function readerOf(
  dependencies: DeviationDependencies,
  surface: ChatSurface,
  email: string,
): Promise<Translator> {
  const person = await surface.resolveUser(email, { locale: true });
  return translatorForLocale(person?.locale ?? null, dependencies.config.institution.language);
}

function lowerCased(emails: readonly string[]): Set<string> {
  return new Set(emails.map((email) => email.toLowerCase()));
}

/** The notice of a card just posted, to update it later. */
export function triageNotice(
  deviation: DeviationCase,
  recipientEmail: string,
  posted: {
    readonly surface: Notice['surface'];
    readonly conversationId: string;
    readonly messageIds: readonly string[];
  },
): Notice {
  return {
    caseId: deviation.id,
    purpose: triageNoticePurpose,
    recipientEmail,
    surface: posted.surface,
    conversationId: posted.conversationId,
    messageIds: posted.messageIds,
  };
}
