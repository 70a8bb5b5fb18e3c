import { z } from 'zod';
import type { Translator } from '../../../../i18n/translator.js';
import type { FormValues } from '../../../../messages/message-model.js';
import { containsCprShape } from '../../../../security/cpr-shape.js';

/**
 * What people write in the handling forms, read from a surface's submission
 * (zod: a text field gives a string or null, whatever the surface) and
 * checked the same way everywhere: required where it must be, not over its
 * limit (a surface may not enforce maxLength; too long is an error under the
 * field, never cut), and with no CPR-shaped number, since the text is relayed
 * in chat.
 */
const textValue = z.union([z.string(), z.null()]).optional();
const checkboxValue = z.union([z.boolean(), z.string(), z.null()]).optional();

/** The trimmed text of a field; empty when absent or not a text. */
export function textOf(values: FormValues, fieldId: string): string {
  const parsed = textValue.safeParse(values[fieldId]);
  return parsed.success ? (parsed.data ?? '').trim() : '';
}

/** A ticked checkbox (a surface may send `true` or the string "true"). */
export function tickedOf(values: FormValues, fieldId: string): boolean {
  const parsed = checkboxValue.safeParse(values[fieldId]);
  return parsed.success && (parsed.data === true || parsed.data === 'true');
}

/** The problem with a text, said for the field; null when it will do. */
export function textProblem(
  reader: Translator,
  text: string,
  rule: { readonly max: number; readonly required: boolean },
): string | null {
  const errors = reader.t.deviations.handling.errors;
  if (text === '') return rule.required ? errors.required : null;
  const length = [...text].length;
  if (length > rule.max) return errors.tooLong({ max: rule.max, length });
  if (containsCprShape(text)) return errors.personalNumber;
  return null;
}

/** Field errors collected by field id, for a FormOutcome `errors`. */
export class FieldErrors {
  private readonly byField: Record<string, string> = {};

  add(fieldId: string, problem: string | null): void {
    if (problem === null) return;
    this.byField[fieldId] =
      this.byField[fieldId] === undefined ? problem : `${this.byField[fieldId]} ${problem}`;
  }

  get any(): boolean {
    return Object.keys(this.byField).length > 0;
  }

  get all(): Readonly<Record<string, string>> {
    return { ...this.byField };
  }
}
