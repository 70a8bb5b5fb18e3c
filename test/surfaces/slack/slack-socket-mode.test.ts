import { afterEach, expect, test } from 'vitest';
import { SocketModeDouble } from '../../support/socket-mode-double.js';
import { anne, eventually, type SlackHarness, startSlackHarness } from './slack-harness.js';
import { slashCommand } from './slack-payloads.js';

let slack: SlackHarness | undefined;
let socket: SocketModeDouble | undefined;

afterEach(async () => {
  await slack?.close();
  await socket?.close();
  slack?.double.assertNoUnexpectedCalls();
  expect(socket?.violations).toEqual([]);
});

test('with SLACK_APP_TOKEN, a slash command arrives over Socket Mode, is acknowledged, and reaches the core', async () => {
  socket = await SocketModeDouble.start();
  slack = await startSlackHarness({ socketModeUrl: socket.url });
  await socket.connected();
  expect(slack.runtime.route).toBeNull();
  slack.bot.commandReply = () => ({
    kind: 'message',
    visibility: 'only_actor',
    message: { fallbackText: 'Hello', blocks: [{ type: 'text', content: ['Hello'] }] },
  });

  const ack = await socket.deliver({
    envelope_id: 'env-1',
    type: 'slash_commands',
    accepts_response_payload: true,
    payload: slashCommand({
      userId: anne.id,
      channelId: 'C0SNDAT',
      text: 'status',
      responseUrl: slack.double.responseUrl(),
    }),
  });

  expect(ack.envelope_id).toBe('env-1');
  const harness = slack;
  await eventually(() => expect(harness.double.responses).toHaveLength(1));
  expect(harness.bot.requests).toMatchObject([
    { kind: 'command', actor: { userId: anne.id, email: anne.email }, text: 'status' },
  ]);
  expect(harness.double.callsOf('apps.connections.open')).toHaveLength(1);
});
