/**
 * Errors that reach a person carry a stable code (for tests, logs and later the
 * chat surfaces' translated messages) and a message that names the place:
 * a file line and column, a config key path or a form field.
 */
export type ErrorCode =
  | 'progress_export.invalid'
  | 'config.invalid'
  | 'config.not_found'
  | 'env.invalid'
  | 'import.unknown_board'
  | 'import.cycle_locked'
  | 'import.cpr_key_missing'
  | 'storage.migration_changed'
  | 'storage.migration_failed'
  | 'storage.data_folder_in_use'
  | 'storage.open_form_too_large'
  | 'cli.usage'
  | 'console.unknown_person'
  | 'file.unreadable'
  | 'import_folder.unusable'
  | 'reminder.failed'
  | 'journal.filing_failed'
  | 'journal.material_invalid'
  | 'mail.unknown_board'
  | 'mail.template_invalid'
  | 'mail.render_failed'
  | 'deviation.step_refused'
  | 'deviation.not_found'
  | 'deviation.not_allowed'
  | 'deviation.stale';

export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

export function isCodedError(error: unknown): error is CodedError {
  return error instanceof CodedError;
}
