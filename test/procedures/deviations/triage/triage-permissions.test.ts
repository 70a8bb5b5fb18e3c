import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormValues } from '../../../../src/messages/message-model.js';
import type { DeviationCase } from '../../../../src/procedures/deviations/deviation-case.js';
import {
  triageActions,
  triageForms,
} from '../../../../src/procedures/deviations/presenters/triage/triage-ids.js';
import type { Database } from '../../../../src/storage/database.js';
import { people } from '../../../support/deviations-fixture.js';
import { openTestDatabase, testDatabaseEngine } from '../../../support/test-database.js';
import {
  actor,
  click,
  fileCase,
  privateText,
  resultText,
  stranger,
  submit,
  type TriageWorld,
  traffic,
  triageWorld,
} from './triage-harness.js';

/** Each triage action, the state its case is in when it is tried, and the form it submits (if any). */
const actions: readonly {
  readonly name: string;
  readonly actionId: string;
  readonly caseIn: 'received' | 'in_handling' | 'in_handling_sensitive';
  readonly form: { readonly formId: string; readonly values: FormValues } | null;
}[] = [
  {
    name: 'accept',
    actionId: triageActions.accept,
    caseIn: 'received',
    form: { formId: triageForms.accept, values: { handler: people.employee, note: null } },
  },
  {
    name: 'forward',
    actionId: triageActions.forward,
    caseIn: 'received',
    form: { formId: triageForms.forward, values: { faculty: 'NV', note: null } },
  },
  {
    name: 'reject',
    actionId: triageActions.reject,
    caseIn: 'received',
    form: { formId: triageForms.reject, values: { reason: 'Not a deviation.' } },
  },
  {
    name: 'redirect',
    actionId: triageActions.redirect,
    caseIn: 'in_handling',
    form: { formId: triageForms.redirect, values: { reason: 'A serious matter.' } },
  },
  { name: 'mark sensitive', actionId: triageActions.flagSensitive, caseIn: 'in_handling', form: null },
  {
    name: 'unmark sensitive',
    actionId: triageActions.unflagSensitive,
    caseIn: 'in_handling_sensitive',
    form: null,
  },
];

/** Everyone but the faculty's report owners. */
const wrongPeople = [
  ['the reporter', people.student],
  ['the handler', people.handler],
  ['another faculty’s report owner', people.ownerNv],
  ['the dean over the faculty (a line manager)', people.deanIe],
  ['the head of department (a line manager)', people.headIdi],
  ['the quality department', people.quality],
  ['a stranger', stranger],
] as const;

const notAllowed = 'You do not have access to this case.';

async function caseIn(world: TriageWorld, state: (typeof actions)[number]['caseIn']): Promise<DeviationCase> {
  const deviation = await fileCase(world);
  if (state === 'received') return deviation;
  await submit(world, people.ownerIe1, triageForms.accept, deviation.id, {
    handler: people.handler,
    note: null,
  });
  if (state === 'in_handling_sensitive')
    await click(world, people.ownerIe1, triageActions.flagSensitive, deviation.id);
  const now = await world.dependencies.store.find(deviation.id);
  if (now === null) throw new Error('the case is gone');
  return now;
}

/** The case, its audit trail, and how many messages were posted and updated: a refusal changes none of them. */
async function snapshot(world: TriageWorld, caseId: string) {
  return {
    deviation: await world.dependencies.store.find(caseId),
    history: await world.dependencies.store.history(caseId),
    traffic: traffic(world),
  };
}

describe(`only the faculty's current report owners triage (${testDatabaseEngine()})`, () => {
  let database: Database;
  let world: TriageWorld;

  beforeAll(async () => {
    database = await openTestDatabase();
    world = triageWorld(database);
  });
  afterAll(async () => database.close());

  describe.each(actions)('$name', (action) => {
    it.each(wrongPeople)(
      '%s is refused, on the button and in the form, and nothing changes',
      async (_who, email) => {
        const deviation = await caseIn(world, action.caseIn);
        const before = await snapshot(world, deviation.id);

        expect(privateText(await click(world, email, action.actionId, deviation.id))).toBe(notAllowed);
        if (action.form !== null) {
          const outcome = await submit(world, email, action.form.formId, deviation.id, action.form.values);
          expect(resultText(outcome)).toBe(notAllowed);
        }

        expect(await snapshot(world, deviation.id)).toEqual(before);
      },
    );
  });

  it('a person the surface could not name by e-mail is refused', async () => {
    const deviation = await fileCase(world);
    const before = await snapshot(world, deviation.id);
    const anonymous = { ...actor(people.ownerIe1), email: null };
    const conversation = { surface: 'slack', conversationId: 'D-x', kind: 'direct' } as const;
    const reply = await world.bot.action(anonymous, conversation, {
      actionId: triageActions.accept,
      value: deviation.id,
    });
    expect(privateText(reply)).toBe(notAllowed);
    expect(
      resultText(
        await world.bot.submitForm(anonymous, {
          formId: triageForms.reject,
          state: deviation.id,
          values: { reason: 'Not a deviation.' },
        }),
      ),
    ).toBe(notAllowed);
    expect(await snapshot(world, deviation.id)).toEqual(before);
  });

  it('a forged button or form naming another faculty’s case is refused for what that case allows', async () => {
    const nvCase = await fileCase(world, 'MA1101');
    const before = await snapshot(world, nvCase.id);
    for (const actionId of Object.values(triageActions))
      expect(privateText(await click(world, people.ownerIe1, actionId, nvCase.id))).toBe(notAllowed);
    for (const { formId, values } of actions.flatMap((action) => (action.form === null ? [] : [action.form])))
      expect(resultText(await submit(world, people.ownerIe2, formId, nvCase.id, values))).toBe(
        'Du har ikke adgang til denne sag.',
      );
    expect(await snapshot(world, nvCase.id)).toEqual(before);
  });

  it('a button or form naming no case at all says the case cannot be found', async () => {
    const before = traffic(world);
    const unknown = 'The case cannot be found. It may have been removed, or the link is wrong.';
    for (const value of ['00000000-0000-4000-8000-000000000000', 'not-a-case', null]) {
      expect(privateText(await click(world, people.ownerIe1, triageActions.accept, value))).toBe(unknown);
      expect(privateText(await click(world, people.ownerIe1, triageActions.flagSensitive, value))).toBe(
        unknown,
      );
      expect(
        resultText(await submit(world, people.ownerIe1, triageForms.reject, value, { reason: 'x' })),
      ).toBe(unknown);
    }
    expect(traffic(world)).toEqual(before);
  });
});
