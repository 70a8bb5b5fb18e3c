/**
 * HTML escaping for the console's fragments. Everything that is not markup we
 * wrote goes through `escapeHtml`, in text and in attribute values alike.
 */

const entities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

/** Attribute value: a string is written escaped, true as a bare attribute, false/undefined not at all. */
export type AttributeValue = string | number | boolean | undefined;

/** ` name="value"` pairs in the given order. */
export function attributes(values: Readonly<Record<string, AttributeValue>>): string {
  return Object.entries(values)
    .map(([name, value]) => {
      if (value === undefined || value === false) return '';
      if (value === true) return ` ${name}`;
      return ` ${name}="${escapeHtml(String(value))}"`;
    })
    .join('');
}

/** An element with escaped attributes around already-safe inner HTML. */
export function element(
  tag: string,
  values: Readonly<Record<string, AttributeValue>>,
  innerHtml: string,
): string {
  return `<${tag}${attributes(values)}>${innerHtml}</${tag}>`;
}
