import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/** The parts of manifests/slack/manifest.yaml that decide what Slack lets the app see and do. */
export interface SlackManifest {
  readonly botScopes: readonly string[];
  readonly botEvents: readonly string[];
  readonly commands: readonly string[];
  /** Whether a person can write to the bot in its Messages tab (and so share a file there). */
  readonly peopleCanWriteToTheBot: boolean;
}

const manifestSchema = z.object({
  features: z.object({
    app_home: z
      .object({
        messages_tab_enabled: z.boolean().default(false),
        messages_tab_read_only_enabled: z.boolean().default(true),
      })
      .optional(),
    slash_commands: z.array(z.object({ command: z.string() })).default([]),
  }),
  oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()).default([]) }) }),
  settings: z.object({ event_subscriptions: z.object({ bot_events: z.array(z.string()).default([]) }) }),
});

export const slackManifestPath = join(import.meta.dirname, '..', '..', 'manifests', 'slack', 'manifest.yaml');

export function readSlackManifest(path = slackManifestPath): SlackManifest {
  const manifest = manifestSchema.parse(parse(readFileSync(path, 'utf8')));
  const home = manifest.features.app_home;
  return {
    botScopes: manifest.oauth_config.scopes.bot,
    botEvents: manifest.settings.event_subscriptions.bot_events,
    commands: manifest.features.slash_commands.map((command) => command.command),
    peopleCanWriteToTheBot: home?.messages_tab_enabled === true && !home.messages_tab_read_only_enabled,
  };
}

// Slack's rules (api.slack.com/events/message.*): which subscription delivers
// a message event from each kind of conversation, and the scope it needs.
const messageSubscriptions = {
  channel: { event: 'message.channels', scope: 'channels:history' },
  group: { event: 'message.groups', scope: 'groups:history' },
  im: { event: 'message.im', scope: 'im:history' },
  mpim: { event: 'message.mpim', scope: 'mpim:history' },
} as const;

const messageEvent = z.object({
  type: z.literal('message'),
  channel_type: z.enum(['channel', 'group', 'im', 'mpim']),
});

/**
 * Throws unless Slack would deliver this event to an app installed from the
 * manifest: subscribed, with its scope granted, and, for a person's message
 * in the bot's direct chat, a Messages tab the person can write in.
 */
export function assertSlackWouldDeliver(manifest: SlackManifest, event: unknown): void {
  const message = messageEvent.safeParse(event);
  if (!message.success) return;
  const kind = message.data.channel_type;
  const { event: subscription, scope } = messageSubscriptions[kind];
  const missing = [
    manifest.botEvents.includes(subscription) ? null : `the bot event ${subscription} is not subscribed`,
    manifest.botScopes.includes(scope) ? null : `the bot scope ${scope} is not requested`,
    kind !== 'im' || manifest.peopleCanWriteToTheBot
      ? null
      : 'the Messages tab is off or read-only, so nobody can write to the bot',
  ].filter((problem) => problem !== null);
  if (missing.length > 0) {
    throw new Error(`Slack would not deliver this ${kind} message with manifest.yaml: ${missing.join('; ')}`);
  }
}
