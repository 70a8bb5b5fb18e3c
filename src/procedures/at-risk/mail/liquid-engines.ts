import { Drop, Liquid } from 'liquidjs';
import type { MailPart } from './mail-placeholders.js';

/**
 * The two Liquid engines the mails are rendered with. Liquid runs no code of
 * the template's author, so a department's template from the configuration
 * is safe to run; these settings make it strict as well:
 *
 * - an unknown placeholder or filter is an error, never an empty string;
 * - only a value's own properties are read (no `constructor`, no prototype);
 * - there are no partials (`include`, `render`, `layout` find no file);
 * - the `raw` filter is gone, so the HTML engine escapes every value and a
 *   student called `<b>Ø</b> & co` stays literal text;
 * - a template is at most 100,000 characters and renders within 2 seconds.
 */

/** HTML that is already escaped (a rendered required part), written into an HTML body as it is. */
export class TrustedHtml extends Drop {
  constructor(readonly html: string) {
    super();
  }

  override valueOf(): string {
    return this.html;
  }
}

const htmlEscapes: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Liquid's default output filter in HTML: every value escaped, a `TrustedHtml` written as it is. */
function escapeForHtml(value: unknown): string {
  if (value instanceof TrustedHtml) return value.html;
  const text = value instanceof Drop ? value.valueOf() : value;
  return String(text ?? '').replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character);
}

function strictEngine(outputEscape: ((value: unknown) => string) | undefined): Liquid {
  const engine = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    templates: {},
    parseLimit: 100_000,
    renderLimit: 2_000,
    ...(outputEscape === undefined ? {} : { outputEscape }),
  });
  engine.unregisterFilter('raw');
  return engine;
}

const plainEngine = strictEngine(undefined);
const htmlEngine = strictEngine(escapeForHtml);

/** The engine for a part of a mail: the subject and the text are plain, the HTML body escapes. */
export function engineFor(part: MailPart): Liquid {
  return part === 'html' ? htmlEngine : plainEngine;
}
