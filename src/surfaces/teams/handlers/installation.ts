import { z } from 'zod';
import { activityEnvelopeSchema } from '../inbound/activity-schemas.js';
import { referenceOf } from '../inbound/teams-turn.js';
import type { TeamsHandlerDependencies, TurnContext } from './handler-dependencies.js';

const channelSchema = z.object({ id: z.string().min(1), name: z.string().optional() });

/**
 * The app was added to a team (installationUpdate `add`, or the bot among a
 * conversationUpdate's new members). Teams only sends the team's General
 * channel with it, and a board's channel is usually another one: every
 * channel of the team is listed (`GET v3/teams/{id}/conversations`) and
 * stored, so reminders can be posted to any of them without anyone writing
 * there first. Personal and group-chat installs are stored by the middleware.
 */
export function onInstallation(
  dependencies: Pick<TeamsHandlerDependencies, 'gateway' | 'references' | 'logger'>,
) {
  return async (context: TurnContext): Promise<void> => {
    const envelope = activityEnvelopeSchema.safeParse(context.activity);
    if (!envelope.success) return;
    const team = envelope.data.channelData?.team;
    if (!team || !botWasAdded(context.activity, envelope.data.recipient.id)) return;
    const general = referenceOf(envelope.data);
    try {
      const channels = await dependencies.gateway.teamChannels(envelope.data.serviceUrl, team.id);
      for (const value of channels) {
        const channel = channelSchema.safeParse(value);
        if (!channel.success) continue;
        await dependencies.references.save({
          conversationId: channel.data.id,
          serviceUrl: general.serviceUrl,
          tenantId: general.tenantId,
          botId: general.botId,
          kind: 'channel',
          // Teams leaves the General channel's name out.
          channelName: channel.data.name ?? 'General',
        });
      }
      dependencies.logger.info({ channels: channels.length }, 'Teams: the app was added to a team');
    } catch (error) {
      // Nobody is waiting for an answer to an install; the General channel is
      // stored already and any other channel is stored on first contact.
      dependencies.logger.error({ err: error }, "Teams: could not list a team's channels");
    }
  };
}

const installSchema = z.object({
  type: z.string(),
  action: z.string().optional(),
  membersAdded: z.array(z.object({ id: z.string() })).optional(),
});

function botWasAdded(activity: object, botId: string): boolean {
  const parsed = installSchema.safeParse(activity);
  if (!parsed.success) return false;
  if (parsed.data.type === 'installationUpdate') return parsed.data.action?.startsWith('add') ?? false;
  return parsed.data.membersAdded?.some((member) => member.id === botId) ?? false;
}
