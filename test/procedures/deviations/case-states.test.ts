import { describe, expect, it } from 'vitest';
import {
  caseSteps,
  isFinal,
  stateAfter,
  stepAllowed,
} from '../../../src/procedures/deviations/case-states.js';
import { deviationStates } from '../../../src/procedures/deviations/deviation-case.js';
import { isCodedError } from '../../../src/shared/coded-error.js';

describe('the deviation case state machine', () => {
  it('a filed report is received by the report owners', () => {
    expect(stateAfter('file', null)).toBe('received');
  });

  it('triage leads from received to handling, rejection or the whistleblowing route; forwarding keeps it received', () => {
    expect(stateAfter('accept', 'received')).toBe('in_handling');
    expect(stateAfter('forward', 'received')).toBe('received');
    expect(stateAfter('reject', 'received')).toBe('rejected');
    expect(stateAfter('redirect', 'received')).toBe('redirected');
  });

  it('handling steps keep the case in handling until it is closed', () => {
    for (const step of [
      'ask',
      'answer',
      'sendForComments',
      'comment',
      'preliminaryReply',
      'recordCauses',
    ] as const) {
      expect(stateAfter(step, 'in_handling')).toBe('in_handling');
    }
    expect(stateAfter('close', 'in_handling')).toBe('closed');
  });

  it('a step from a state it does not start from is refused with a coded error naming both', () => {
    const refused = (() => {
      try {
        stateAfter('close', 'received');
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(isCodedError(refused) && refused.code).toBe('deviation.step_refused');
    expect(String(refused)).toMatch(/received.*"close"/);
  });

  it('nothing but the retention rule happens to a final case', () => {
    for (const state of deviationStates.filter(isFinal)) {
      const allowed = Object.keys(caseSteps).filter((step) =>
        stepAllowed(step as keyof typeof caseSteps, state),
      );
      expect(allowed, state).toEqual(state === 'redirected' ? ['removeText'] : []);
    }
  });

  it('a report is filed only once: filing a filed case is refused', () => {
    for (const state of deviationStates) expect(stepAllowed('file', state)).toBe(false);
  });
});
