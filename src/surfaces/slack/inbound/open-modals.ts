import type { Form } from '../../../messages/message-model.js';

/** A modal is filled in within minutes; a day covers one left open over lunch and a meeting. */
const openModalTtlMs = 24 * 60 * 60 * 1000;
const maxOpenModals = 10_000;

/**
 * The form behind each open modal, by Slack's view id. A view_submission
 * carries the view's id, callback_id (the form id), private_metadata (the
 * state) and the inputs; reading the inputs by field kind needs the form
 * itself. Kept in memory: a modal left open across a restart (or answered by
 * another instance) is told it has expired, and the user opens it again.
 */
export class OpenModals {
  private readonly forms = new Map<string, { readonly openedAt: number; readonly form: Form }>();

  constructor(private readonly now: () => number = Date.now) {}

  remember(viewId: string, form: Form): void {
    this.forget();
    this.forms.delete(viewId);
    this.forms.set(viewId, { openedAt: this.now(), form });
    while (this.forms.size > maxOpenModals) {
      const oldest = this.forms.keys().next().value;
      if (oldest === undefined) break;
      this.forms.delete(oldest);
    }
  }

  find(viewId: string): Form | null {
    this.forget();
    return this.forms.get(viewId)?.form ?? null;
  }

  close(viewId: string): void {
    this.forms.delete(viewId);
  }

  // Entries are in opening order, so the expired ones are at the front.
  private forget(): void {
    const now = this.now();
    for (const [viewId, entry] of this.forms) {
      if (now - entry.openedAt < openModalTtlMs) break;
      this.forms.delete(viewId);
    }
  }
}
