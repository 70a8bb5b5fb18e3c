import type { ActivityParams } from '@microsoft/teams.api';
import type { FileRef, Form, ImageRef, Message, PersonRef } from '../../../messages/message-model.js';
import {
  type AdaptiveCard,
  renderTeamsForm,
  renderTeamsMessage,
  type TeamsActivityPage,
  type TeamsRenderContext,
} from '../adaptive-card/index.js';
import { mentionedPeople } from './message-people.js';
import type { TeamsDirectory } from './teams-directory.js';

/** A posted image's https URL, when the deployment serves them; without one the card carries the PNG as a data URI. */
export type ImageUrlFor = (image: ImageRef) => string | null;
/** Where the bot serves a file posted with a message (a Teams bot cannot attach one in a channel). */
export type FileUrlFor = (file: FileRef) => string | null;

/**
 * Calls the pure Adaptive Card renderers with what they need to know about
 * Teams: the renderers ask for a mention synchronously, so the people a
 * message mentions are looked up in the rosters first.
 */
export class TeamsRenderer {
  constructor(
    private readonly directory: TeamsDirectory,
    private readonly imageUrlFor: ImageUrlFor = () => null,
    private readonly fileUrlFor: FileUrlFor = () => null,
    /**
     * Keeps a message's pictures and files where their URLs point before the
     * card goes out. Posts keep them around the surface; a reply to a turn
     * (a private answer with a chart) is rendered here only, so here too.
     */
    private readonly keepFiles: (message: Message) => Promise<void> = async () => {},
  ) {}

  async messagePages(message: Message): Promise<readonly TeamsActivityPage[]> {
    await this.keepFiles(message);
    const context = await this.#context(mentionedPeople(message));
    return renderTeamsMessage(message, context);
  }

  /** Dialogs show people by name, so a form needs no roster lookups. */
  formCard(form: Form, locale: string | null | undefined): AdaptiveCard {
    return renderTeamsForm(form, { requiredFieldMessage: requiredFieldMessage(locale) });
  }

  async #context(people: readonly PersonRef[]): Promise<TeamsRenderContext> {
    const mentions = new Map<string, { readonly id: string; readonly name: string }>();
    for (const person of people) {
      const found = await this.directory.findByEmail(person.email);
      // The configuration knows people by e-mail only: their name is Teams', when it gives one.
      const name = found?.member.name ?? person.displayName;
      if (found) mentions.set(person.email.toLowerCase(), { id: found.member.memberId, name });
    }
    return {
      mentionFor: (person: PersonRef) => mentions.get(person.email.toLowerCase()) ?? null,
      imageUrlFor: this.imageUrlFor,
      fileUrlFor: this.fileUrlFor,
    };
  }
}

/** One page as the activity the connector takes. */
export function pageActivity(page: TeamsActivityPage): ActivityParams {
  return { type: 'message', text: page.text, attachments: [...page.attachments] };
}

function requiredFieldMessage(locale: string | null | undefined): string {
  return locale?.toLowerCase().startsWith('da') ? 'Skal udfyldes' : 'Required';
}

export function cardActivity(card: object, text = ''): ActivityParams {
  return {
    type: 'message',
    text,
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
  };
}
