import type { Form } from '../messages/message-model.js';
import type { SurfaceName } from './chat-surface.js';

/**
 * The forms behind open modals and dialogs. A submission carries the form id,
 * the state and the inputs, but reading the inputs by field kind (and showing
 * the form again with errors) needs the form itself; the submission may reach
 * another instance than the one that opened the form, or arrive after a
 * restart, so the forms are kept where every instance can read them.
 *
 * Each surface chooses its key (Slack: the external_id it gave the view;
 * Teams: person, form id and state; console: a random token) and how long a
 * form stays open.
 */
export interface OpenFormStore {
  /** Keeps `form` under `key` for `ttlMs` from now, replacing whatever was kept there. */
  remember(surface: SurfaceName, key: string, form: Form, ttlMs: number): Promise<void>;
  /** The form kept under `key`; null when there is none, it expired, or it can no longer be read. */
  find(surface: SurfaceName, key: string): Promise<Form | null>;
  /** Forgets the form (it was submitted); nothing happens when there is none. */
  close(surface: SurfaceName, key: string): Promise<void>;
}
