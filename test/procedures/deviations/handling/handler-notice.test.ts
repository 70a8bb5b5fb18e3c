import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../../../src/i18n/translator.js';
import {
  assignedToHandlerMessage,
  openCaseActionId,
} from '../../../../src/procedures/deviations/presenters/handler-notice.js';
import { decodeCaseViewState } from '../../../../src/procedures/deviations/presenters/handling/handling-ids.js';
import { UnitDirectory } from '../../../../src/procedures/deviations/unit-directory.js';
import { deviationsInstitution, people } from '../../../support/deviations-fixture.js';
import { testDatabaseEngine } from '../../../support/test-database.js';
import { actor, caseInHandling, dm, formOf, type Harness, openHarness, shown } from './handling-harness.js';

const config = deviationsInstitution();
const section = config.deviations;
if (section === null) throw new Error('no deviations section');
const units = new UnitDirectory(config, section);

describe(`the handler’s notice of an assigned case (${testDatabaseEngine()})`, () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await openHarness();
  });
  afterAll(async () => harness.close());

  it('says the case is hers and by when, shows the case, and opens it with one button', async () => {
    const deviation = await caseInHandling(harness);
    const message = assignedToHandlerMessage(translator('en'), deviation, { units, timeZone: 'Europe/Oslo' });
    expect(shown(message)).toBe(
      [
        `Deviation ${deviation.number}`,
        'You are the handler of this deviation. The deadline for a reply is 10 November 2026.',
        'Status: In handling',
        'Category: Timetabling',
        'Programme or course: Object-oriented programming (TDT4100)',
        'Received: 13 October 2026 at 14:30',
        'Deadline: 10 November 2026',
        'Handler: Hanne Handler',
        'Reporter: Stina Student (Student)',
        'Where and when\nLecture hall R7, Mondays 10–12',
        'Description\nTwo mandatory lectures are scheduled at the same time.',
        '[Open the case]',
        'If handling takes long, send the reporter a preliminary reply (Public Administration Act § 11a).',
      ].join('\n'),
    );
    expect(message.blocks.find((block) => block.type === 'actions')).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          actionId: openCaseActionId,
          label: 'Open the case',
          value: deviation.id,
          style: 'primary',
          opensForm: true,
        },
      ],
    });

    const handler = actor(people.handler, 'en-GB');
    const view = formOf(
      await harness.bot.action(handler, dm(handler), { actionId: openCaseActionId, value: deviation.id }),
    );
    expect(decodeCaseViewState(view.state ?? null)).toEqual({ caseId: deviation.id, part: 'case', page: 1 });
  });

  it('reads in the handler’s language', async () => {
    const deviation = await caseInHandling(harness);
    const message = assignedToHandlerMessage(translator('da'), deviation, { units, timeZone: 'Europe/Oslo' });
    expect(message.fallbackText).toBe(
      `Afvigelse ${deviation.number}: Du er sagsbehandler på denne afvigelse. Fristen for svar er 10. november 2026.`,
    );
  });
});
