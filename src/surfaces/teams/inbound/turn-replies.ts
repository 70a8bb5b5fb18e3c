import type { ActivityParams } from '@microsoft/teams.api';
import type { BotReply } from '../../../bot/bot-requests.js';
import type { Logger } from '../../../logging/logger.js';
import type { Form, Message } from '../../../messages/message-model.js';
import { escapeTeamsMarkdown } from '../adaptive-card/index.js';
import type { ConversationReferenceStore } from '../conversation-reference-store.js';
import type { ConnectorGateway } from '../outbound/connector-gateway.js';
import { cardActivity, pageActivity, type TeamsRenderer } from '../outbound/teams-renderer.js';
import type { ActivityEnvelope, FormOrigin } from './activity-schemas.js';
import type { OpenForms } from './open-forms.js';
import { teamsTexts } from './teams-texts.js';
import { conversationKindOf, replyAddressOf, userIdOf } from './teams-turn.js';

/**
 * How the answer to an inbound message reaches Teams: in the thread it came
 * from, or, for an answer meant for the asker only, in their 1:1 chat with
 * the bot (Teams' targeted messages are still a preview). A form cannot open
 * from a message: a small card with an "Open" button does, and its click
 * replays the request that produced the form (see dialog-open).
 */
export class TurnReplies {
  constructor(
    private readonly options: {
      readonly gateway: ConnectorGateway;
      readonly renderer: TeamsRenderer;
      readonly references: ConversationReferenceStore;
      readonly openForms: OpenForms;
      readonly logger: Logger;
    },
  ) {}

  /** `origin`: the request to replay when the form's Open button is clicked; null to remember the form instead. */
  async deliver(envelope: ActivityEnvelope, reply: BotReply, origin: FormOrigin | null): Promise<void> {
    switch (reply.kind) {
      case 'none':
        return;
      case 'form': {
        const form = reply.form;
        if (!origin) await this.options.openForms.remember(userIdOf(envelope), form);
        const launch = origin ?? {
          source: 'remembered' as const,
          formId: form.formId,
          state: form.state ?? null,
        };
        await this.sendActivities(envelope, [formLauncher(form, launch, envelope.locale)]);
        return;
      }
      case 'message':
        if (reply.visibility === 'only_actor' && conversationKindOf(envelope) !== 'personal') {
          await this.sendPrivately(envelope, reply.message);
          return;
        }
        await this.sendMessage(envelope, reply.message);
        return;
    }
  }

  async sendMessage(envelope: ActivityEnvelope, message: Message): Promise<void> {
    const pages = await this.options.renderer.messagePages(message);
    await this.sendActivities(envelope, pages.map(pageActivity));
  }

  async sendText(envelope: ActivityEnvelope, text: string): Promise<void> {
    await this.sendActivities(envelope, [{ type: 'message', text }]);
  }

  async sendActivities(envelope: ActivityEnvelope, activities: readonly ActivityParams[]): Promise<void> {
    const address = replyAddressOf(envelope);
    for (const activity of activities) await this.options.gateway.send(address, activity);
  }

  /** Into the asker's 1:1 chat; if that fails, a note in the thread (never the private content). */
  async sendPrivately(envelope: ActivityEnvelope, message: Message): Promise<void> {
    const { gateway, references, renderer } = this.options;
    try {
      const userId = userIdOf(envelope);
      const tenantId = envelope.conversation.tenantId ?? envelope.channelData?.tenant?.id ?? null;
      const stored = await references.findPersonalByUser(userId);
      const conversationId =
        stored?.conversationId ??
        (await gateway.createPersonalConversation(envelope.serviceUrl, {
          botId: envelope.recipient.id,
          memberId: envelope.from.id,
          tenantId,
        }));
      if (!stored) {
        await references.save({
          conversationId,
          serviceUrl: envelope.serviceUrl,
          tenantId,
          botId: envelope.recipient.id,
          kind: 'personal',
          userId,
        });
      }
      const pages = await renderer.messagePages(message);
      const address = { serviceUrl: stored?.serviceUrl ?? envelope.serviceUrl, conversationId };
      for (const page of pages) await gateway.send(address, pageActivity(page));
    } catch (error) {
      this.options.logger.warn({ err: error }, 'Teams: could not answer privately');
      await this.sendText(envelope, teamsTexts(envelope.locale).privateReplyFailed);
    }
  }
}

/** A card whose button opens the form as a dialog (`task/fetch` with where the form came from). */
export function formLauncher(form: Form, origin: FormOrigin, locale: string | undefined): ActivityParams {
  const texts = teamsTexts(locale);
  return cardActivity(
    {
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.5',
      body: [
        {
          type: 'TextBlock',
          text: escapeTeamsMarkdown(form.title),
          wrap: true,
          weight: 'Bolder',
          size: 'Medium',
        },
        {
          type: 'TextBlock',
          text: escapeTeamsMarkdown(texts.formIntro(form.title)),
          wrap: true,
          isSubtle: true,
        },
      ],
      actions: [
        {
          type: 'Action.Submit',
          title: texts.openForm,
          data: { msteams: { type: 'task/fetch' }, trafiklysForm: origin },
        },
      ],
    },
    form.title,
  );
}
