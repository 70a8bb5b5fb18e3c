import type { Form } from '../../../messages/message-model.js';
import type { OpenFormStore } from '../../open-form-store.js';

/** A modal is filled in within minutes; a day covers one left open over lunch and a meeting. */
export const openModalTtlMs = 24 * 60 * 60 * 1000;

/**
 * The form behind each open modal, by the key the bot gave the view
 * (external_id; a view without one falls back to Slack's view id). A
 * view_submission carries that key, callback_id (the form id),
 * private_metadata (the state) and the inputs; reading the inputs by field
 * kind needs the form itself. Kept in the shared store, so the instance that
 * receives the submission need not be the one that opened the modal.
 */
export class OpenModals {
  constructor(private readonly store: OpenFormStore) {}

  remember(formKey: string, form: Form): Promise<void> {
    return this.store.remember('slack', formKey, form, openModalTtlMs);
  }

  find(formKey: string): Promise<Form | null> {
    return this.store.find('slack', formKey);
  }

  close(formKey: string): Promise<void> {
    return this.store.close('slack', formKey);
  }
}
