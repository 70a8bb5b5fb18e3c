import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { failedTurnAnswer } from '../../../src/surfaces/teams/handlers/turn-failure.js';
import { cardActionAnswer } from './support/connector-bodies.js';
import { textMessage } from './support/fake-bot-requests.js';
import { cardAction, chair, personalMessage, seedTeam } from './support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from './support/teams-harness.js';

// When the bot cannot send what it has to say (the connector refuses, no
// token), Bot Framework still gets the answer it expects for the activity,
// and the failure is in the log under its code, without personal data.
let harness: TeamsHarness;

function expectLoggedWithoutPersonalData(code: string): void {
  expect(harness.log.lines()).toContainEqual(expect.objectContaining({ level: 50, code }));
  for (const personal of [chair.name, chair.email ?? '', 'remind now']) {
    expect(harness.log.text()).not.toContain(personal);
  }
}

describe('a reply the connector refuses', () => {
  beforeEach(async () => {
    harness = await startTeamsHarness();
    seedTeam(harness.double);
  });

  afterEach(async () => {
    harness.double.assertNoUnexpectedCalls();
    await harness.close();
  });

  test('to a message, when the note saying so is refused too: answered 200 without a body, so Bot Framework does not send the message again', async () => {
    harness.requests.commandReply = () => ({
      kind: 'message',
      message: textMessage('The reminders were sent.'),
      visibility: 'conversation',
    });
    harness.double.failNext({ route: 'send-activity', status: 403 });
    harness.double.failNext({ route: 'send-activity', status: 403 });

    const response = await harness.post(personalMessage(harness.double, { text: 'remind now' }));

    expect(response).toEqual({ status: 200, body: undefined });
    expect(harness.requests.requests).toMatchObject([{ kind: 'command', text: 'remind now' }]);
    expect(harness.double.calls.filter((call) => call.route === 'send-activity')).toMatchObject([
      { status: 403 },
      { status: 403 },
    ]);
    expectLoggedWithoutPersonalData('teams.connector_failed');
  });

  test("to a card click, when the card's update is refused: the invoke response says it failed", async () => {
    harness.requests.actionReply = () => ({
      kind: 'message',
      message: textMessage('Reviewed.'),
      visibility: 'conversation',
    });
    harness.double.failNext({ route: 'update-activity', status: 403 });

    const response = await harness.post(
      cardAction(harness.double, { actionId: 'at-risk.review', value: 'c1' }),
    );

    expect(response.status).toBe(200);
    expect(cardActionAnswer(response.body)).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringContaining('Something went wrong in Trafiklys'),
    });
    expectLoggedWithoutPersonalData('teams.connector_failed');
  });
});

describe('the answer to an activity whose listener failed', () => {
  test.each([
    ['a message', { type: 'message' }, { status: 200 }],
    ['an installation', { type: 'installationUpdate' }, { status: 200 }],
    [
      'a card click',
      { type: 'invoke', name: 'adaptiveCard/action', locale: 'da-DK' },
      {
        status: 200,
        body: {
          statusCode: 200,
          type: 'application/vnd.microsoft.activity.message',
          value: expect.stringContaining('Noget gik galt i Trafiklys'),
        },
      },
    ],
    [
      "a dialog's opening",
      { type: 'invoke', name: 'task/fetch' },
      { status: 200, body: { task: { type: 'message', value: expect.stringContaining('ab12cd34') } } },
    ],
    [
      "a dialog's submission",
      { type: 'invoke', name: 'task/submit' },
      { status: 200, body: { task: { type: 'message', value: expect.stringContaining('ab12cd34') } } },
    ],
    [
      'an invoke of another kind',
      { type: 'invoke', name: 'signin/verifyState' },
      { status: 500, body: { code: 'trafiklys.failed', message: expect.stringContaining('ab12cd34') } },
    ],
  ])('for %s is what Bot Framework expects for it', (_kind, activity, answer) => {
    expect(failedTurnAnswer(activity, 'ab12cd34')).toEqual(answer);
  });
});
