/**
 * The triage card's buttons and the triage forms. A button carries the case
 * id as its value and a form carries it as its state: both are checked
 * against the actor's rights on that case when they come back.
 */
export const triageActions = {
  accept: 'deviations.triage.accept',
  forward: 'deviations.triage.forward',
  reject: 'deviations.triage.reject',
  redirect: 'deviations.triage.redirect',
  flagSensitive: 'deviations.triage.flag',
  unflagSensitive: 'deviations.triage.unflag',
} as const;

export const triageForms = {
  accept: 'deviations.triage.accept',
  forward: 'deviations.triage.forward',
  reject: 'deviations.triage.reject',
  redirect: 'deviations.triage.redirect',
  /** What a submission leads to when something needs saying; its button only closes it. */
  result: 'deviations.triage.result',
} as const;

/** The fields of the triage forms, by id. */
export const triageFields = {
  handler: 'handler',
  note: 'note',
  faculty: 'faculty',
  reason: 'reason',
} as const;

/** The card's purpose among a case's stored notices (store.saveNotice). */
export const triageNoticePurpose = 'triage';
