import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Form } from '../../../src/messages/message-model.js';
import { adaptiveCardProblems } from './support/adaptive-card-check.js';
import { cardActionAnswer, sentCard } from './support/connector-bodies.js';
import { textMessage } from './support/fake-bot-requests.js';
import { boardChannel, cardAction, seedTeam } from './support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from './support/teams-harness.js';

let harness: TeamsHarness;

beforeEach(async () => {
  harness = await startTeamsHarness();
  seedTeam(harness.double);
});

afterEach(async () => {
  harness.double.assertNoUnexpectedCalls();
  await harness.close();
});

const exclusionForm: Form = {
  formId: 'at-risk.exclude',
  title: 'Exclude a student',
  submitLabel: 'Exclude',
  cancelLabel: 'Cancel',
  state: 'cycle-1',
  fields: [{ id: 'reason', kind: 'multiline', label: 'Reason' }],
};

describe('a click on a card (adaptiveCard/action)', () => {
  test('reaches the core as an action, and a message for the conversation replaces the card for everyone and in the response', async () => {
    harness.requests.actionReply = () => ({
      kind: 'message',
      message: textMessage('Reviewed by Karen Blixen'),
      visibility: 'conversation',
    });

    const response = await harness.post(
      cardAction(
        harness.double,
        { actionId: 'at-risk.review', value: 'cycle-1' },
        { replyToId: 'activity-card' },
      ),
    );

    expect(harness.requests.requests).toMatchObject([
      {
        kind: 'action',
        action: { actionId: 'at-risk.review', value: 'cycle-1' },
        actor: { userId: 'aad-chair', email: 'kb@uni.example', locale: 'en-US' },
        conversation: { conversationId: boardChannel.id, kind: 'channel' },
      },
    ]);
    expect(response.status).toBe(200);
    const body = cardActionAnswer(response.body);
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(adaptiveCardProblems(body.value)).toEqual([]);
    expect(JSON.stringify(body.value)).toContain('Reviewed by Karen Blixen');
    const [update] = harness.double.callsTo('update-activity');
    expect(update).toMatchObject({
      conversationId: `${boardChannel.id};messageid=1700000000001`,
      activityId: 'activity-card',
    });
    expect(JSON.stringify(update?.body)).toContain('Reviewed by Karen Blixen');
  });

  test("a menu's choice arrives merged into the data under its action id", async () => {
    await harness.post(
      cardAction(harness.double, { actionId: 'at-risk.period', 'at-risk.period': 'spring' }),
    );

    expect(harness.requests.requests).toMatchObject([
      { kind: 'action', action: { actionId: 'at-risk.period', value: 'spring' } },
    ]);
  });

  test('an answer for the clicker only comes back as a message response, is sent whole to their 1:1 chat, and the card stays', async () => {
    harness.requests.actionReply = () => ({
      kind: 'message',
      message: textMessage('Only the chair can review.'),
      visibility: 'only_actor',
    });

    const response = await harness.post(
      cardAction(harness.double, { actionId: 'at-risk.review', value: 'cycle-1' }),
    );

    expect(response.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Only the chair can review.',
    });
    expect(harness.double.callsTo('update-activity')).toEqual([]);
    // A whole answer (a review list) does not fit a message response: it goes to the clicker's 1:1 chat.
    const sent = harness.double.callsTo('send-activity');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.conversationId).not.toContain('@thread');
    expect(JSON.stringify(sent[0]?.body)).toContain('Only the chair can review.');
  });

  test('a form in answer is posted as a card whose button opens it as a dialog', async () => {
    harness.requests.actionReply = () => ({ kind: 'form', form: exclusionForm });

    const response = await harness.post(
      cardAction(harness.double, { actionId: 'at-risk.exclude', value: 'S100001' }),
    );

    expect(response.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
    });
    const [launcher] = harness.double.callsTo('send-activity');
    const card = sentCard(launcher);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(card).toHaveProperty('actions', [
      {
        type: 'Action.Submit',
        title: 'Open',
        data: {
          msteams: { type: 'task/fetch' },
          trafiklysForm: { source: 'action', actionId: 'at-risk.exclude', value: 'S100001' },
        },
      },
    ]);
  });

  test('data our cards never send gets a message response saying so, with the help command as Teams users type it, and the core is not called', async () => {
    const response = await harness.post(cardAction(harness.double, { verb: 'something-else' }));

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringContaining('could not read that request'),
    });
    expect(cardActionAnswer(response.body).value).toEqual(expect.stringContaining('"@Trafiklys help"'));
    expect(harness.requests.requests).toEqual([]);
  });

  test('a failing core gets the clicker a message with a reference to quote, and the failure is logged under it', async () => {
    harness.requests.actionReply = () => {
      throw new Error('database is down');
    };

    const response = await harness.post(
      cardAction(harness.double, { actionId: 'at-risk.review', value: 'cycle-1' }),
    );

    const value = String(cardActionAnswer(response.body).value);
    const reference = /reference: ([0-9a-f]{8})/.exec(value)?.[1];
    expect(reference).toBeDefined();
    expect(harness.log.lines()).toContainEqual(expect.objectContaining({ level: 50, reference }));
  });
});
