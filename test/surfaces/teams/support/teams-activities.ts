import type { BotFrameworkDouble, SeededMember } from '../../../support/bot-framework-double.js';

/**
 * Inbound activities shaped like the ones Teams sends, for one seeded team:
 * a board's channel, its members, and a 1:1 chat.
 */

export const team = { id: '19:team-his@thread.tacv2', name: 'Study board History' } as const;
export const boardChannel = { id: '19:board-his@thread.tacv2', name: 'Board – History' } as const;
export const tenantId = 'tenant-0001';

export const chair: SeededMember = {
  id: '29:chair-teams-id',
  name: 'Karen Blixen',
  aadObjectId: 'aad-chair',
  email: 'kb@uni.example',
  userPrincipalName: 'kb@uni.example',
  tenantId,
};
export const secretary: SeededMember = {
  id: '29:secretary-teams-id',
  name: 'Niels Bohr',
  aadObjectId: 'aad-secretary',
  email: 'nb@uni.example',
  userPrincipalName: 'nb@uni.example',
  tenantId,
};

export function seedTeam(double: BotFrameworkDouble): void {
  double.seedMembers(team.id, [chair, secretary]);
  double.seedMembers(boardChannel.id, [chair, secretary]);
  // Teams lists the General channel (whose id is the team's) without a name.
  double.seedTeamChannels(team.id, [{ id: team.id }, boardChannel]);
}

interface From {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
}

const fromChair: From = { id: chair.id, name: chair.name, aadObjectId: chair.aadObjectId };

function base(double: BotFrameworkDouble, from: From, locale: string) {
  return {
    channelId: 'msteams',
    serviceUrl: double.serviceUrl,
    timestamp: '2026-05-04T08:00:00.000Z',
    from,
    recipient: { id: `28:${double.clientId}`, name: 'Trafiklys' },
    locale,
  };
}

export const personalChatId = 'a:1personal-chair';

export function personalMessage(
  double: BotFrameworkDouble,
  options: {
    readonly text?: string;
    readonly attachments?: unknown[];
    readonly locale?: string;
    readonly from?: From;
  } = {},
) {
  return {
    ...base(double, options.from ?? fromChair, options.locale ?? 'da-DK'),
    type: 'message',
    id: 'incoming-1',
    text: options.text ?? '',
    ...(options.attachments ? { attachments: options.attachments } : {}),
    conversation: { id: personalChatId, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
  };
}

export function channelMessage(double: BotFrameworkDouble, text: string) {
  const botId = `28:${double.clientId}`;
  return {
    ...base(double, fromChair, 'en-US'),
    type: 'message',
    id: '1700000000001',
    text: `<at>Trafiklys</at> ${text}`,
    entities: [
      { type: 'mention', text: '<at>Trafiklys</at>', mentioned: { id: botId, name: 'Trafiklys' } },
      { type: 'clientInfo', locale: 'en-US', country: 'DK' },
    ],
    conversation: {
      id: `${boardChannel.id};messageid=1700000000001`,
      conversationType: 'channel',
      tenantId,
      isGroup: true,
    },
    channelData: {
      tenant: { id: tenantId },
      team: { id: team.id, name: team.name },
      channel: { id: boardChannel.id, name: boardChannel.name },
    },
  };
}

export function teamInstall(double: BotFrameworkDouble) {
  return {
    ...base(double, fromChair, 'en-US'),
    type: 'installationUpdate',
    id: 'install-1',
    action: 'add',
    conversation: { id: team.id, conversationType: 'channel', tenantId, isGroup: true },
    channelData: {
      tenant: { id: tenantId },
      team: { id: team.id, name: team.name },
      source: { name: 'message' },
    },
  };
}

export function cardAction(
  double: BotFrameworkDouble,
  data: Record<string, unknown>,
  options: { readonly replyToId?: string } = {},
) {
  return {
    ...base(double, fromChair, 'en-US'),
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: 'invoke-1',
    replyToId: options.replyToId ?? 'activity-card',
    conversation: { id: `${boardChannel.id};messageid=1700000000001`, conversationType: 'channel', tenantId },
    channelData: {
      tenant: { id: tenantId },
      team: { id: team.id, name: team.name },
      channel: { id: boardChannel.id, name: boardChannel.name },
    },
    value: { action: { type: 'Action.Execute', verb: String(data.actionId), data }, trigger: 'manual' },
  };
}

/** Where a dialog is opened from: the 1:1 chat (by default) or a card in the board's channel. */
type DialogPlace = 'personal' | 'channel';

function dialogBase(double: BotFrameworkDouble, where: DialogPlace) {
  if (where === 'personal') return personalMessage(double);
  const { entities: _entities, text: _text, ...inChannel } = channelMessage(double, '');
  return inChannel;
}

export function dialogFetch(
  double: BotFrameworkDouble,
  data: Record<string, unknown>,
  where: DialogPlace = 'personal',
) {
  return {
    ...dialogBase(double, where),
    type: 'invoke',
    name: 'task/fetch',
    id: 'invoke-fetch',
    value: { data: { msteams: { type: 'task/fetch' }, ...data }, context: { theme: 'default' } },
  };
}

export function dialogSubmit(
  double: BotFrameworkDouble,
  data: Record<string, unknown>,
  where: DialogPlace = 'personal',
) {
  return {
    ...dialogBase(double, where),
    type: 'invoke',
    name: 'task/submit',
    id: 'invoke-submit',
    value: { data, context: { theme: 'default' } },
  };
}
