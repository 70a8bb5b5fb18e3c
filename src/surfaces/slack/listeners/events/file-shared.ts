import type { Middleware, SlackEventMiddlewareArgs } from '@slack/bolt';
import { z } from 'zod';
import type { BotReply } from '../../../../bot/bot-requests.js';
import { SlackSurfaceError } from '../../slack-errors.js';
import { textMessage, texts } from '../answer.js';
import { handleRequest } from '../handle-request.js';
import { conversationOf } from '../payloads.js';
import type { SlackListenerDependencies } from '../slack-listener-dependencies.js';

const sharedFileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  filetype: z.string().optional(),
  /** Missing for files Slack withholds (Slack Connect: `file_access: check_file_info`). */
  url_private_download: z.string().optional(),
});

const fileShareSchema = z.object({
  subtype: z.literal('file_share'),
  channel: z.string().min(1),
  user: z.string().min(1),
  ts: z.string().min(1),
  thread_ts: z.string().optional(),
  files: z.array(sharedFileSchema).min(1),
});

type SharedFile = z.output<typeof sharedFileSchema>;

/** Study-progress exports: what the importer reads. Other files in a board channel are none of the bot's business. */
function isExport(file: SharedFile): boolean {
  const extension = file.name.toLowerCase().split('.').pop();
  return extension === 'csv' || extension === 'xlsx' || file.filetype === 'csv' || file.filetype === 'xlsx';
}

/**
 * A CSV or XLSX shared in a conversation the bot is in (a `message` event of
 * subtype file_share): downloaded with the bot token and handed to the core;
 * the reply goes into the thread of the message that shared it.
 */
export function fileShared(deps: SlackListenerDependencies): Middleware<SlackEventMiddlewareArgs<'message'>> {
  return async ({ event }) => {
    const parsed = fileShareSchema.safeParse(event);
    // Every other message (text, edits, joins, other shapes) is not for this listener.
    if (!parsed.success) return;
    const { channel, user, ts, thread_ts: threadTs, files } = parsed.data;
    const route = {
      userId: user,
      channelId: channel,
      threadTs: threadTs ?? ts,
      respond: null,
      triggerId: null,
    };
    for (const file of files.filter(isExport)) {
      await handleRequest(deps, route, async (actor): Promise<BotReply> => {
        let bytes: Uint8Array;
        try {
          if (!file.url_private_download) {
            throw new SlackSurfaceError('slack.file_unavailable', 'Slack gave no download address');
          }
          bytes = await deps.api.downloadFile(file.url_private_download);
        } catch (error) {
          if (!(error instanceof SlackSurfaceError && error.code === 'slack.file_unavailable')) throw error;
          deps.logger.warn({ err: error, fileId: file.id }, 'Shared file could not be downloaded');
          const words = texts(actor);
          const text =
            error.detail === 'file_too_large'
              ? words.fileTooLarge(file.name, deps.api.maxDownloadMegabytes)
              : words.fileUnavailable(file.name);
          return { kind: 'message', visibility: 'only_actor', message: textMessage(text) };
        }
        return deps.bot.fileShared(actor, conversationOf(channel), { name: file.name, bytes });
      });
    }
  };
}
