import { createHash } from 'node:crypto';
import type { Form } from '../../../messages/message-model.js';
import type { OpenFormStore } from '../../open-form-store.js';

/** Dialogs are filled in within minutes; an hour covers a coffee break. */
export const openFormTtlMs = 60 * 60 * 1000;

/**
 * The forms shown in open dialogs, by person, form id and state. A dialog's
 * submission carries only the form id, the state and the inputs; reading the
 * inputs by field kind and showing the form again with errors needs the form
 * itself. Kept in the shared store, so any instance can take the submission;
 * a dialog left open past its hour is told to reopen (the card that opened it
 * replays the request, so it still works).
 */
export class OpenForms {
  constructor(private readonly store: OpenFormStore) {}

  remember(userId: string, form: Form): Promise<void> {
    return this.store.remember('teams', keyOf(userId, form.formId, form.state ?? null), form, openFormTtlMs);
  }

  find(userId: string, formId: string, state: string | null): Promise<Form | null> {
    return this.store.find('teams', keyOf(userId, formId, state));
  }
}

// The state is the procedure's own and may be long; a hash keeps the key short
// and the same on every instance.
function keyOf(userId: string, formId: string, state: string | null): string {
  return createHash('sha256')
    .update(JSON.stringify([userId, formId, state]))
    .digest('hex');
}
