import { afterEach, describe, expect, test } from 'vitest';
import type { ReplayGuard } from '../../../src/surfaces/slack/inbound/replay-guard.js';
import { postSigned } from '../../support/slack-request-signer.js';
import { anne, eventually, type SlackHarness, startSlackHarness } from './slack-harness.js';
import {
  blockActions,
  boardChannel,
  eventCallback,
  fileShareMessage,
  slashCommand,
  viewSubmission,
} from './slack-payloads.js';

/** The shared replay guard, its database slow to answer: every question waits until the test lets it through. */
class SlowReplayGuard implements ReplayGuard {
  waiting = 0;
  private open!: () => void;
  private readonly opened = new Promise<void>((resolve) => (this.open = resolve));

  async firstTime(): Promise<boolean> {
    this.waiting += 1;
    await this.opened;
    this.waiting -= 1;
    return true;
  }

  letThrough(): void {
    this.open();
  }
}

let slack: SlackHarness | undefined;
afterEach(async () => {
  await slack?.close();
});

// Slack gives an app 3 seconds to acknowledge, counted on its side; under
// load a database round trip or the work behind a request must not hold the
// acknowledgement up. These tests hold the replay guard's answer back.
describe('Slack gets its acknowledgement before anything waits on the database', () => {
  test('a slash command, a click and an event are acknowledged while the replay guard has not answered, and reach the core once it has', async () => {
    const guard = new SlowReplayGuard();
    slack = await startSlackHarness({ replayGuard: guard });
    const { signer, double } = slack;
    const file = double.addSharedFile('spring.csv', new TextEncoder().encode('a;b\n'), 'text/csv');
    const requests = [
      signer.command(
        slashCommand({
          userId: anne.id,
          channelId: boardChannel,
          text: 'status',
          responseUrl: double.responseUrl(),
        }),
      ),
      signer.interaction(
        blockActions({
          userId: anne.id,
          channelId: boardChannel,
          actionId: 'at-risk.review',
          value: 'x',
          responseUrl: double.responseUrl(),
        }),
      ),
      signer.event(eventCallback(fileShareMessage({ userId: anne.id, channelId: boardChannel, file }))),
    ];

    const answers = await Promise.all(requests.map((request) => postSigned(slack!.eventsUrl, request)));

    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(guard.waiting).toBe(3);
    expect(slack.bot.requests).toHaveLength(0);
    guard.letThrough();
    await eventually(() =>
      expect(slack?.bot.requests.map((request) => request.kind).sort()).toEqual([
        'action',
        'command',
        'fileShared',
      ]),
    );
  });

  test('a modal submission is answered by its listener, whose answer may carry the form’s errors', async () => {
    const guard = new SlowReplayGuard();
    slack = await startSlackHarness({ replayGuard: guard });
    const submission = slack.signer.interaction(
      viewSubmission({ userId: anne.id, viewId: 'V1', callbackId: 'form', privateMetadata: '', values: {} }),
    );

    const answer = postSigned(slack.eventsUrl, submission);
    await eventually(() => expect(guard.waiting).toBe(1));
    let answered = false;
    void answer.then(() => {
      answered = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false);
    guard.letThrough();
    expect((await answer).status).toBe(200);
  });
});
