import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Form } from '../../../src/messages/message-model.js';
import { adaptiveCardProblems } from './support/adaptive-card-check.js';
import { dialogAnswer, launcherOrigin } from './support/connector-bodies.js';
import { dialogFetch, dialogSubmit, personalMessage, seedTeam } from './support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from './support/teams-harness.js';

let harness: TeamsHarness;

const exclusionForm: Form = {
  formId: 'at-risk.exclude',
  title: 'Exclude a student',
  submitLabel: 'Exclude',
  cancelLabel: 'Cancel',
  state: 'cycle-1',
  fields: [
    { id: 'student', kind: 'text', label: 'Student number' },
    { id: 'reason', kind: 'multiline', label: 'Reason' },
  ],
};

beforeEach(async () => {
  harness = await startTeamsHarness();
  seedTeam(harness.double);
  harness.requests.commandReply = () => ({ kind: 'form', form: exclusionForm });
});

afterEach(async () => {
  harness.double.assertNoUnexpectedCalls();
  await harness.close();
});

describe('forms as Teams dialogs', () => {
  test('a command answered with a form posts an Open card; opening it asks the core again and shows the form as a dialog', async () => {
    await harness.post(personalMessage(harness.double, { text: 'trafiklys exclude' }));
    expect(launcherOrigin(harness.double.callsTo('send-activity')[0])).toEqual({
      source: 'command',
      text: 'exclude',
    });

    const opened = await harness.post(
      dialogFetch(harness.double, {
        trafiklysForm: launcherOrigin(harness.double.callsTo('send-activity')[0]),
      }),
    );

    expect(opened.status).toBe(200);
    const dialog = dialogAnswer(opened.body);
    expect(dialog.title).toBe('Exclude a student');
    expect(dialog.card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(adaptiveCardProblems(dialog.card.content)).toEqual([]);
    expect(harness.requests.requests.map((request) => request.kind)).toEqual(['command', 'command']);
  });

  test('a submission with field errors shows the same dialog again with the errors under the fields', async () => {
    harness.requests.submitOutcome = () => ({
      kind: 'errors',
      errors: { student: 'No student S999 in this cycle.' },
    });
    await harness.post(personalMessage(harness.double, { text: 'trafiklys exclude' }));
    await harness.post(
      dialogFetch(harness.double, {
        trafiklysForm: launcherOrigin(harness.double.callsTo('send-activity')[0]),
      }),
    );

    const submitted = await harness.post(
      dialogSubmit(harness.double, {
        formId: 'at-risk.exclude',
        state: 'cycle-1',
        student: 'S999',
        reason: 'Leave',
      }),
    );

    expect(harness.requests.requests.at(-1)).toMatchObject({
      kind: 'submitForm',
      actor: { userId: 'aad-chair' },
      submission: {
        formId: 'at-risk.exclude',
        state: 'cycle-1',
        values: { student: 'S999', reason: 'Leave' },
      },
    });
    const dialog = dialogAnswer(submitted.body);
    expect(dialog.title).toBe('Exclude a student');
    expect(JSON.stringify(dialog.card.content)).toContain('No student S999 in this cycle.');
    expect(adaptiveCardProblems(dialog.card.content)).toEqual([]);
  });

  test('an accepted submission closes the dialog with an empty answer', async () => {
    await harness.post(personalMessage(harness.double, { text: 'trafiklys exclude' }));
    await harness.post(
      dialogFetch(harness.double, {
        trafiklysForm: launcherOrigin(harness.double.callsTo('send-activity')[0]),
      }),
    );

    const submitted = await harness.post(
      dialogSubmit(harness.double, {
        formId: 'at-risk.exclude',
        state: 'cycle-1',
        student: 'S100',
        reason: 'Leave',
      }),
    );

    expect(submitted).toEqual({ status: 200, body: undefined });
  });

  test('a submission for a form this server never showed (a restart in between) asks the user to open it again', async () => {
    const submitted = await harness.post(
      dialogSubmit(harness.double, {
        formId: 'at-risk.exclude',
        state: 'cycle-1',
        student: 'S100',
        reason: 'x',
      }),
    );

    expect(submitted.body).toEqual({
      task: { type: 'message', value: 'Formularen er udløbet. Luk den og åbn den igen fra beskeden.' },
    });
    expect(harness.requests.requests).toEqual([]);
  });
});
