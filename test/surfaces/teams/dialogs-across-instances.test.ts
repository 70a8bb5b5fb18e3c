import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Form } from '../../../src/messages/message-model.js';
import { PrismaOpenFormStore } from '../../../src/storage/prisma-open-form-store.js';
import { capturedLogger } from '../../support/captured-logger.js';
import { openSharedTestDatabase, testDatabaseEngine } from '../../support/test-database.js';
import { dialogAnswer, launcherOrigin } from './support/connector-bodies.js';
import {
  dialogFetch,
  dialogSubmit,
  personalMessage,
  secretary,
  seedTeam,
} from './support/teams-activities.js';
import { startTeamsHarness, type TeamsHarness } from './support/teams-harness.js';

// Two Teams instances behind one load balancer, sharing one database: the
// Bot Connector sends a dialog's submission to whichever instance it reaches.
let shared: Awaited<ReturnType<typeof openSharedTestDatabase>>;
beforeAll(async () => {
  shared = await openSharedTestDatabase();
});
afterAll(async () => {
  await shared?.close();
});

const exclusionForm: Form = {
  formId: 'at-risk.exclude',
  title: 'Exclude a student',
  submitLabel: 'Exclude',
  cancelLabel: 'Cancel',
  state: 'cycle-1',
  fields: [
    { id: 'student', kind: 'text', label: 'Student number' },
    { id: 'final', kind: 'checkbox', label: 'Final' },
  ],
};

let opening: TeamsHarness;
let submitting: TeamsHarness;
beforeEach(async () => {
  const [first, second] = shared.instances;
  opening = await startTeamsHarness({
    openForms: new PrismaOpenFormStore(first.prisma, capturedLogger().logger),
  });
  submitting = await startTeamsHarness({
    openForms: new PrismaOpenFormStore(second.prisma, capturedLogger().logger),
  });
  for (const harness of [opening, submitting]) {
    seedTeam(harness.double);
    harness.requests.commandReply = () => ({ kind: 'form', form: exclusionForm });
  }
});
afterEach(async () => {
  for (const harness of [opening, submitting]) {
    harness.double.assertNoUnexpectedCalls();
    await harness.close();
  }
});

/** The chair asks for the form and clicks Open; the dialog is shown by `opening`. */
async function openDialog(): Promise<void> {
  await opening.post(personalMessage(opening.double, { text: 'trafiklys exclude' }));
  const origin = launcherOrigin(opening.double.callsTo('send-activity')[0]);
  const opened = await opening.post(dialogFetch(opening.double, { trafiklysForm: origin }));
  expect(dialogAnswer(opened.body).title).toBe('Exclude a student');
}

describe(`a dialog opened through one instance (${testDatabaseEngine()})`, () => {
  test('is submitted through another: its inputs are read by the form’s field kinds, and the dialog closes', async () => {
    await openDialog();

    const submitted = await submitting.post(
      dialogSubmit(submitting.double, {
        formId: 'at-risk.exclude',
        state: 'cycle-1',
        student: 'S100',
        final: 'true',
      }),
    );

    expect(submitted).toEqual({ status: 200, body: undefined });
    expect(submitting.requests.requests).toEqual([
      {
        kind: 'submitForm',
        actor: expect.objectContaining({ userId: 'aad-chair' }),
        submission: { formId: 'at-risk.exclude', state: 'cycle-1', values: { student: 'S100', final: true } },
      },
    ]);
  });

  test('field errors shown by one instance are kept with the form, and the other shows them when the dialog is opened again', async () => {
    await openDialog();
    submitting.requests.submitOutcome = () => ({
      kind: 'errors',
      errors: { student: 'No student S999 in this cycle.' },
    });
    await submitting.post(
      dialogSubmit(submitting.double, { formId: 'at-risk.exclude', state: 'cycle-1', student: 'S999' }),
    );

    const reopened = await opening.post(
      dialogFetch(opening.double, {
        trafiklysForm: { source: 'remembered', formId: 'at-risk.exclude', state: 'cycle-1' },
      }),
    );

    expect(JSON.stringify(dialogAnswer(reopened.body).card.content)).toContain(
      'No student S999 in this cycle.',
    );
  });

  test('another person’s submission with the same form id and state is asked to open the form again', async () => {
    await openDialog();

    const submitted = await submitting.post({
      ...dialogSubmit(submitting.double, { formId: 'at-risk.exclude', state: 'cycle-1', student: 'S100' }),
      from: { id: secretary.id, name: secretary.name, aadObjectId: secretary.aadObjectId },
    });

    expect(submitted.body).toEqual({
      task: { type: 'message', value: 'Formularen er udløbet. Luk den og åbn den igen fra beskeden.' },
    });
    expect(submitting.requests.requests).toEqual([]);
  });
});
