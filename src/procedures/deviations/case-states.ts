import { CodedError } from '../../shared/coded-error.js';
import type { CaseEventKind, DeviationState } from './deviation-case.js';

/**
 * The deviation case's state machine, in one place: every step a person or a
 * timer takes, the states it may start from, the state it leads to, and the
 * audit event it writes. The storage refuses a step from any other state
 * (inside the transaction that locks the case), and the database's CHECK
 * constraints hold the states and what each one requires (see the
 * deviations migration), so no path can write a state this table does not allow.
 */
export const caseSteps = {
  /** Guideline: the report owner receives every report first. */
  file: { from: [null], to: 'received', event: 'filed' },
  /** To another faculty's report owners: still received, there. */
  forward: { from: ['received'], to: 'received', event: 'forwarded' },
  /** Accepted as a deviation and given to a handler. */
  accept: { from: ['received'], to: 'in_handling', event: 'accepted' },
  /** Another handler (a report owner's decision). */
  assign: { from: ['in_handling'], to: 'in_handling', event: 'assigned' },
  /** Not a deviation: the reason is sent to the reporter. */
  reject: { from: ['received'], to: 'rejected', event: 'rejected' },
  /** A serious matter: closed here and re-registered on the whistleblowing route. */
  redirect: { from: ['received', 'in_handling'], to: 'redirected', event: 'redirected' },
  flagSensitive: { from: ['received', 'in_handling'], to: 'same', event: 'flagged_sensitive' },
  unflagSensitive: { from: ['received', 'in_handling'], to: 'same', event: 'unflagged_sensitive' },
  /** The handler's question to the reporter, relayed by the bot. */
  ask: { from: ['in_handling'], to: 'same', event: 'asked' },
  answer: { from: ['in_handling'], to: 'same', event: 'answered' },
  /** Høringsrunde: internal comments from named colleagues by a due date. */
  sendForComments: { from: ['in_handling'], to: 'same', event: 'sent_for_comments' },
  comment: { from: ['in_handling'], to: 'same', event: 'commented' },
  /** Forvaltningsloven § 11a: a preliminary reply when it takes disproportionately long. */
  preliminaryReply: { from: ['in_handling'], to: 'same', event: 'preliminary_reply' },
  recordCauses: { from: ['in_handling'], to: 'same', event: 'causes_recorded' },
  close: { from: ['in_handling'], to: 'closed', event: 'closed' },
  /** The timers: reminder to send a preliminary reply, and the overdue escalation. */
  remind: { from: ['received', 'in_handling'], to: 'same', event: 'reminded' },
  escalate: { from: ['received', 'in_handling'], to: 'same', event: 'escalated' },
  /** The retention rule for a redirected report's text. */
  removeText: { from: ['redirected'], to: 'same', event: 'text_removed' },
} as const satisfies Record<string, CaseStep>;

interface CaseStep {
  readonly from: readonly (DeviationState | null)[];
  readonly to: DeviationState | 'same';
  readonly event: CaseEventKind;
}

export type CaseStepName = keyof typeof caseSteps;

/** The state a step leads to from `state`, or a `deviation.step_refused` error naming both. */
export function stateAfter(step: CaseStepName, state: DeviationState | null): DeviationState {
  const rule: CaseStep = caseSteps[step];
  if (!rule.from.includes(state)) {
    throw new CodedError(
      'deviation.step_refused',
      `A case that is ${state ?? 'not filed'} cannot be taken through "${step}" (allowed from: ${rule.from
        .map((from) => from ?? 'not filed')
        .join(', ')}).`,
    );
  }
  if (rule.to === 'same') {
    if (state === null) throw new CodedError('deviation.step_refused', `"${step}" needs a filed case.`);
    return state;
  }
  return rule.to;
}

/** Whether a step is allowed from a state (for showing only the buttons that can work). */
export function stepAllowed(step: CaseStepName, state: DeviationState): boolean {
  const rule: CaseStep = caseSteps[step];
  return rule.from.includes(state);
}

/** The final states: nothing but the retention rule happens after them. */
export function isFinal(state: DeviationState): boolean {
  return state === 'closed' || state === 'rejected' || state === 'redirected';
}
