import type { Form } from '../../../messages/message-model.js';

/** Dialogs are filled in within minutes; an hour covers a coffee break. */
export const openFormTtlMs = 60 * 60 * 1000;
const maxOpenForms = 10_000;

/**
 * The forms shown in open dialogs, by person, form id and state. A dialog's
 * submission carries only the form id, the state and the inputs; reading the
 * inputs by field kind and showing the form again with errors needs the form
 * itself. Kept in memory: a dialog left open across a restart is told to
 * reopen (the card that opened it replays the request, so it still works).
 */
export class OpenForms {
  readonly #forms = new Map<string, { readonly openedAt: number; readonly form: Form }>();

  constructor(private readonly now: () => number = Date.now) {}

  remember(userId: string, form: Form): void {
    this.#forget();
    const key = keyOf(userId, form.formId, form.state ?? null);
    this.#forms.delete(key);
    this.#forms.set(key, { openedAt: this.now(), form });
    while (this.#forms.size > maxOpenForms) {
      const oldest = this.#forms.keys().next().value;
      if (oldest === undefined) break;
      this.#forms.delete(oldest);
    }
  }

  find(userId: string, formId: string, state: string | null): Form | null {
    this.#forget();
    return this.#forms.get(keyOf(userId, formId, state))?.form ?? null;
  }

  #forget(): void {
    const now = this.now();
    for (const [key, entry] of this.#forms) {
      if (now - entry.openedAt < openFormTtlMs) break;
      this.#forms.delete(key);
    }
  }
}

function keyOf(userId: string, formId: string, state: string | null): string {
  return JSON.stringify([userId, formId, state]);
}
