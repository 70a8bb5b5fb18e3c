import { LiquidError } from 'liquidjs';
import { CodedError } from '../../../shared/coded-error.js';
import { type CompiledPart, compileRequiredPartText } from './compile-mail-template.js';
import { engineFor, TrustedHtml } from './liquid-engines.js';
import type { MailContext } from './mail-context.js';
import {
  type MailLanguage,
  type MailPart,
  type MailTemplateName,
  type SnippetName,
  snippetsOf,
} from './mail-placeholders.js';
import { requiredPartTexts } from './templates/library.js';

/** Renders a compiled part; a failure (which the sample renders at load make unlikely) is `mail.render_failed`. */
export function renderPart(
  part: { readonly compiled: CompiledPart; readonly label: string },
  format: MailPart,
  scope: object,
): string {
  try {
    return String(engineFor(format).renderSync(part.compiled, scope));
  } catch (error) {
    if (!LiquidError.is(error)) throw error;
    throw new CodedError('mail.render_failed', `${part.label} could not be rendered: ${error.message}`);
  }
}

export type SnippetFormat = 'text' | 'html';
const compiledSnippets = new Map<string, CompiledPart>();

/** The library's required-part texts, compiled once: they are the same for every board. */
function compiledSnippet(
  template: MailTemplateName,
  language: MailLanguage,
  snippet: SnippetName,
  format: SnippetFormat,
): CompiledPart {
  const key = `${template}|${language}|${snippet}|${format}`;
  let compiled = compiledSnippets.get(key);
  if (compiled === undefined) {
    const texts: Readonly<Record<string, { text: string; html: string }>> =
      requiredPartTexts[language][template];
    const source = texts[snippet];
    if (source === undefined) throw new Error(`the library has no ${snippet} for ${template}/${language}`);
    const result = compileRequiredPartText(source[format], { template, language, snippet, format });
    if (!result.ok) throw new CodedError('mail.template_invalid', result.problems.join('\n'));
    compiled = result.compiled;
    compiledSnippets.set(key, compiled);
  }
  return compiled;
}

/**
 * The required parts of `template`, rendered for one student: plain text for
 * the text body, escaped HTML (trusted, so not escaped twice) for the HTML body.
 */
export function renderRequiredParts(
  template: MailTemplateName,
  language: MailLanguage,
  format: SnippetFormat,
  context: MailContext,
): Record<string, string | TrustedHtml> {
  return Object.fromEntries(
    snippetsOf[template].map((snippet) => {
      const label = `the ${template}/${language} ${snippet} ${format} of the library`;
      const rendered = renderPart(
        { compiled: compiledSnippet(template, language, snippet, format), label },
        format,
        context,
      );
      return [snippet, format === 'html' ? new TrustedHtml(rendered) : rendered];
    }),
  );
}

/** The placeholders that differ from one student to the next. */
const studentPlaceholders = new Set(['student', 'ectsBehind', 'delayMonths', 'delay']);

/**
 * Whether the required parts of `template` depend on the student. Today's
 * library texts do not (they name the chair, the board, the booking link and
 * the guidance services), so a board renders them once per template and
 * language instead of once per mail; a library text that named the student
 * would turn that off by itself.
 */
export function requiredPartsVaryByStudent(
  template: MailTemplateName,
  language: MailLanguage,
  format: SnippetFormat,
): boolean {
  const key = `${template}|${language}|${format}`;
  let varies = variesByStudent.get(key);
  if (varies === undefined) {
    varies = namesAStudent(template, language, format);
    variesByStudent.set(key, varies);
  }
  return varies;
}

const variesByStudent = new Map<string, boolean>();

function namesAStudent(template: MailTemplateName, language: MailLanguage, format: SnippetFormat): boolean {
  return snippetsOf[template].some((snippet) =>
    engineFor(format)
      .globalVariablesSync(compiledSnippet(template, language, snippet, format), { partials: false })
      .some((name) => studentPlaceholders.has(name)),
  );
}
