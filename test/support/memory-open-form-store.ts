import type { Form } from '../../src/messages/message-model.js';
import { formSchema } from '../../src/messages/message-schemas.js';
import type { SurfaceName } from '../../src/surfaces/chat-surface.js';
import type { OpenFormStore } from '../../src/surfaces/open-form-store.js';

/**
 * The open-form store in one process's memory, for the surface tests that are
 * not about sharing forms (a PGlite database per harness would cost seconds).
 * Forms go through JSON and the schema the database store reads with, so a
 * form that would not survive the database does not survive here either.
 * test/storage/prisma-open-form-store.test.ts specifies the real store.
 */
export class MemoryOpenFormStore implements OpenFormStore {
  readonly #forms = new Map<string, { readonly json: string; readonly expiresAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async remember(surface: SurfaceName, key: string, form: Form, ttlMs: number): Promise<void> {
    this.#forms.set(keyOf(surface, key), { json: JSON.stringify(form), expiresAt: this.now() + ttlMs });
  }

  async find(surface: SurfaceName, key: string): Promise<Form | null> {
    const kept = this.#forms.get(keyOf(surface, key));
    if (!kept || kept.expiresAt <= this.now()) return null;
    return formSchema.parse(JSON.parse(kept.json));
  }

  async close(surface: SurfaceName, key: string): Promise<void> {
    this.#forms.delete(keyOf(surface, key));
  }
}

function keyOf(surface: SurfaceName, key: string): string {
  return JSON.stringify([surface, key]);
}
