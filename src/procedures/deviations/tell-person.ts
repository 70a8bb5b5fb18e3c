import { isLanguage, type Language } from '../../i18n/languages.js';
import { type Translator, translator, translatorForLocale } from '../../i18n/translator.js';
import type { Message } from '../../messages/message-model.js';
import type { ChatSurface, PostedMessage, SurfaceName } from '../../surfaces/chat-surface.js';

/**
 * Writes to one person directly, in her own language, on the surface where
 * she is reached: the preferred one first (where the case was filed), then
 * the others. A person no surface knows is reported back, never skipped in
 * silence: the caller tells whoever acted.
 */
export interface PersonMessage {
  readonly email: string;
  /** The surface to try first. */
  readonly preferredSurface: SurfaceName | null;
  /** Her language where the case knows it (the reporter's); else her platform locale decides. */
  readonly language: string | null;
  compose(reader: Translator): Message;
}

export type TellOutcome =
  | { readonly kind: 'posted'; readonly posted: PostedMessage; readonly language: Language }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'failed'; readonly problem: string };

export async function tellPerson(
  surfaces: readonly ChatSurface[],
  institutionLanguage: Language,
  message: PersonMessage,
): Promise<TellOutcome> {
  const ordered = [
    ...surfaces.filter((surface) => surface.name === message.preferredSurface),
    ...surfaces.filter((surface) => surface.name !== message.preferredSurface),
  ];
  let problem: string | null = null;
  for (const surface of ordered) {
    try {
      const known = message.language !== null && isLanguage(message.language) ? message.language : null;
      const person = await surface.resolveUser(message.email, { locale: known === null });
      if (person === null) continue;
      const reader =
        known === null ? translatorForLocale(person.locale, institutionLanguage) : translator(known);
      const posted = await surface.postMessage(
        { kind: 'direct', email: message.email },
        message.compose(reader),
      );
      return { kind: 'posted', posted, language: reader.language };
    } catch (error) {
      // Another surface may still reach her; the last problem is reported if none does.
      problem = error instanceof Error ? error.message : String(error);
    }
  }
  return problem === null ? { kind: 'unreachable' } : { kind: 'failed', problem };
}
