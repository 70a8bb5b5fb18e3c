import type { BotActor, ConversationRef } from '../../../bot/bot-requests.js';
import {
  type ActivityEnvelope,
  activityEnvelopeSchema,
  type FileAttachment,
  fileAttachmentSchema,
  messagePartsSchema,
  teamsFileContentType,
} from '../inbound/activity-schemas.js';
import { commandTextOf } from '../inbound/command-text.js';
import { downloadSharedFile } from '../inbound/file-download.js';
import { teamsTexts } from '../inbound/teams-texts.js';
import { actorOf, conversationRefOf } from '../inbound/teams-turn.js';
import { logFailure } from './failure.js';
import type { TeamsHandlerDependencies, TurnContext } from './handler-dependencies.js';

/**
 * A message: a file shared with the bot goes to `fileShared`; text addressed
 * to the bot (`/trafiklys …`, `trafiklys …`, an @mention, anything in the 1:1
 * chat) goes to `command`. The answer is posted in the same thread.
 */
export function onMessage(dependencies: TeamsHandlerDependencies) {
  return async (context: TurnContext): Promise<void> => {
    const envelope = activityEnvelopeSchema.safeParse(context.activity);
    if (!envelope.success) return;
    const parts = messagePartsSchema.safeParse(context.activity);
    const texts = teamsTexts(envelope.data.locale);
    if (!parts.success) {
      await dependencies.replies.sendText(envelope.data, texts.unreadableRequest);
      return;
    }
    const attachments = parts.data.attachments ?? [];
    const files = attachments.flatMap((attachment) => {
      const file = fileAttachmentSchema.safeParse(attachment);
      return file.success ? [file.data] : [];
    });
    const unreadableFiles = attachments.filter(
      (attachment) =>
        contentTypeOf(attachment) === teamsFileContentType &&
        !fileAttachmentSchema.safeParse(attachment).success,
    );
    const command = commandTextOf(envelope.data, parts.data, dependencies.requests.commandNames());
    if (files.length === 0 && unreadableFiles.length === 0 && command === null) return;

    try {
      const actor = await actorOf(envelope.data, dependencies.directory);
      const conversation = conversationRefOf(envelope.data);
      if (unreadableFiles.length > 0)
        await dependencies.replies.sendText(envelope.data, texts.unreadableRequest);
      if (files.length > 0) {
        for (const file of files) await shareFile(dependencies, envelope.data, actor, conversation, file);
        return;
      }
      if (command === null) return;
      const reply = await dependencies.requests.command(actor, conversation, command);
      await dependencies.replies.deliver(envelope.data, reply, { source: 'command', text: command });
    } catch (error) {
      const reference = logFailure(dependencies.logger, error, 'a message');
      await dependencies.replies.sendText(envelope.data, texts.failed(reference));
    }
  };
}

async function shareFile(
  dependencies: TeamsHandlerDependencies,
  envelope: ActivityEnvelope,
  actor: BotActor,
  conversation: ConversationRef,
  file: FileAttachment,
): Promise<void> {
  const texts = teamsTexts(envelope.locale);
  const download = await downloadSharedFile(file, { maxBytes: dependencies.maxFileBytes });
  switch (download.kind) {
    case 'too_large':
      await dependencies.replies.sendText(envelope, texts.fileTooLarge);
      return;
    case 'unavailable':
      dependencies.logger.warn({ reason: download.reason }, 'Teams: a shared file could not be downloaded');
      await dependencies.replies.sendText(envelope, texts.fileUnavailable(download.name));
      return;
    case 'file': {
      const reply = await dependencies.requests.fileShared(actor, conversation, {
        name: download.name,
        bytes: download.bytes,
      });
      // Sharing the file again is no request to replay: a form in answer is remembered instead.
      await dependencies.replies.deliver(envelope, reply, null);
      return;
    }
  }
}

function contentTypeOf(attachment: unknown): unknown {
  return typeof attachment === 'object' && attachment !== null && 'contentType' in attachment
    ? attachment.contentType
    : undefined;
}
