import { LiquidError, Output, type Template, Tokenizer, type TopLevelToken, TypeGuards } from 'liquidjs';
import { engineFor, TrustedHtml } from './liquid-engines.js';
import { sampleContexts } from './mail-context.js';
import {
  isKnownPath,
  type MailLanguage,
  type MailPart,
  type MailTemplateName,
  type PlaceholderShape,
  placeholderList,
  placeholdersFor,
  requiredSnippets,
  type SnippetName,
  snippetInWords,
  snippetsOf,
} from './mail-placeholders.js';

/** Where a template part comes from: the library's defaults or a configuration override's scope. */
export type TemplateScope =
  | 'library'
  | 'institution'
  | { readonly board: string }
  | { readonly department: string };

/** Which part of which template, for messages: `red/da text for board SN-DAT`. */
export interface PartIdentity {
  readonly template: MailTemplateName;
  readonly language: MailLanguage;
  readonly part: MailPart;
  readonly scope: TemplateScope;
}

export type CompiledPart = Template[];

export type CompileResult =
  | { readonly ok: true; readonly compiled: CompiledPart }
  | { readonly ok: false; readonly problems: readonly string[] };

export function partLabel({ template, language, part, scope }: PartIdentity): string {
  const name = `${template}/${language} ${part}`;
  if (scope === 'library') return `the default ${name}`;
  if (scope === 'institution') return `${name} for the institution`;
  return 'board' in scope ? `${name} for board ${scope.board}` : `${name} for department ${scope.department}`;
}

/** Tags that would pull in another template; a mail template is one text, so they are refused. */
const partialTags = new Set(['include', 'render', 'layout']);

/**
 * Parses one part of a mail template and checks it the way the configuration
 * needs it checked before any mail is sent: it parses; it uses only the
 * mail's placeholders and no partials; a text or HTML body outputs each
 * required part (§ 31) as it is, at its top level, where no condition, loop
 * or capture can leave it out; and it renders for the sample students. Every
 * problem is a sentence naming the part and the place inside the template.
 */
export function compileMailPart(source: string, identity: PartIdentity): CompileResult {
  return compileChecked(source, {
    label: partLabel(identity),
    template: identity.template,
    language: identity.language,
    format: identity.part,
    placeholders: placeholdersFor(identity.template, identity.part),
    required: identity.part === 'subject' ? [] : requiredSnippets[identity.template],
  });
}

/**
 * A library text of a required part (`templates/required-parts.*.ts`), with
 * the same checks as a template part; it may use every placeholder but the
 * required parts themselves.
 */
export function compileRequiredPartText(
  source: string,
  text: { template: MailTemplateName; language: MailLanguage; snippet: SnippetName; format: 'text' | 'html' },
): CompileResult {
  return compileChecked(source, {
    label: `the library's ${text.template}/${text.language} ${text.snippet} ${text.format}`,
    template: text.template,
    language: text.language,
    format: text.format,
    placeholders: placeholdersFor(text.template, 'subject'),
    required: [],
  });
}

interface Checks {
  readonly label: string;
  readonly template: MailTemplateName;
  readonly language: MailLanguage;
  readonly format: MailPart;
  readonly placeholders: Readonly<Record<string, PlaceholderShape>>;
  readonly required: readonly SnippetName[];
}

function compileChecked(source: string, checks: Checks): CompileResult {
  let compiled: CompiledPart;
  try {
    compiled = engineFor(checks.format).parse(source);
  } catch (error) {
    if (!LiquidError.is(error)) throw error;
    return {
      ok: false,
      problems: [`${checks.label} does not parse: ${liquidReason(error)}${placeInTemplate(error)}`],
    };
  }
  const problems = [
    ...partialProblems(source, checks.label),
    ...placeholderProblems(compiled, checks),
    ...replacedPlaceholderProblems(compiled, checks),
    ...requiredPartProblems(compiled, checks),
  ];
  if (problems.length === 0) problems.push(...renderProblems(compiled, checks));
  return problems.length === 0 ? { ok: true, compiled } : { ok: false, problems };
}

function partialProblems(source: string, label: string): string[] {
  const tokens: TopLevelToken[] = new Tokenizer(source).readTopLevelTokens();
  return tokens
    .filter((token) => TypeGuards.isTagToken(token) && partialTags.has(token.name))
    .map((token) => {
      const name = TypeGuards.isTagToken(token) ? token.name : '';
      return `${label} uses {% ${name} %}${positionText(token.getPosition())}; a mail template is one text and cannot include another`;
    });
}

function placeholderProblems(compiled: CompiledPart, checks: Checks): string[] {
  const { label, placeholders, template } = checks;
  const analysis = engineFor(checks.format).analyzeSync(compiled, { partials: false });
  const problems: string[] = [];
  const reported = new Set<string>();
  for (const variable of Object.values(analysis.globals).flat()) {
    const written = variable.toString();
    if (reported.has(written) || isKnownPath(variable.toArray(), placeholders)) continue;
    reported.add(written);
    const where = positionText([variable.location.row, variable.location.col]);
    const [root] = variable.segments;
    if (checks.format === 'subject' && isBodyOnly(root, template)) {
      problems.push(`${label} uses {{ ${written} }}${where}, which belongs in the text and the HTML body`);
    } else if (typeof root === 'string' && isSnippetOfOtherTemplate(root, template)) {
      problems.push(`${label} uses {{ ${written} }}${where}, which only the red template has`);
    } else {
      const known = placeholderList(placeholders).join(', ');
      problems.push(`${label} uses the unknown placeholder {{ ${written} }}${where} (known: ${known})`);
    }
  }
  return problems;
}

/**
 * `{% assign rights = "" %}`, `{% capture %}`, `{% increment %}` and the
 * like would replace a placeholder's value, and so could empty a required
 * part that the template still outputs; a template names its own values.
 */
function replacedPlaceholderProblems(compiled: CompiledPart, checks: Checks): string[] {
  const analysis = engineFor(checks.format).analyzeSync(compiled, { partials: false });
  const everyPlaceholder = { ...placeholdersFor(checks.template, 'text'), ...checks.placeholders };
  return Object.entries(analysis.locals)
    .filter(([name]) => Object.hasOwn(everyPlaceholder, name))
    .map(([name, [first]]) => {
      const where = first === undefined ? '' : positionText([first.location.row, first.location.col]);
      return `${checks.label} sets {{ ${name} }}${where}, which would replace the mail's own value; give the template's value another name`;
    });
}

function isBodyOnly(root: unknown, template: MailTemplateName): boolean {
  return root === 'subject' || (snippetsOf[template] as readonly unknown[]).includes(root);
}

function isSnippetOfOtherTemplate(name: string, template: MailTemplateName): boolean {
  return name === 'meetingOffer' && !snippetsOf[template].includes(name);
}

/**
 * A required part counts only as a plain `{{ rights }}` among the template's
 * top-level nodes: inside `{% if %}`, `{% for %}`, `{% capture %}` or
 * `{% raw %}`, or behind a filter (`| truncate: 5`), it could be left out or
 * changed.
 */
function requiredPartProblems(compiled: CompiledPart, checks: Checks): string[] {
  const { label, required, template } = checks;
  if (required.length === 0) return [];
  const placed = new Set(compiled.flatMap((node) => plainSnippetOutput(node, checks.format)));
  const mentioned = new Set(engineFor(checks.format).variablesSync(compiled, { partials: false }));
  return required
    .filter((snippet) => !placed.has(snippet))
    .map((snippet) => {
      const part = snippetInWords(snippet, template);
      return mentioned.has(snippet)
        ? `${label} has ${part} only inside a tag or with a filter; write it as it is, outside {% if %}, {% for %} and other tags, so it is always there`
        : `${label} leaves out ${part}`;
    });
}

/** `[name]` when the node is `{{ name }}` with no filter of the author's, else nothing. */
function plainSnippetOutput(node: Template, part: MailPart): string[] {
  if (!(node instanceof Output)) return [];
  // The HTML engine appends its escaping filter to every output; it is not the author's.
  const authorsFilters = node.value.filters.length - (part === 'html' ? 1 : 0);
  const [only, ...more] = node.value.initial.postfix;
  if (authorsFilters > 0 || only === undefined || more.length > 0) return [];
  if (!TypeGuards.isPropertyAccessToken(only) || only.literalPath?.length !== 1) return [];
  const [name] = only.literalPath;
  return typeof name === 'string' ? [name] : [];
}

function renderProblems(compiled: CompiledPart, checks: Checks): string[] {
  const engine = engineFor(checks.format);
  for (const { description, context } of sampleContexts(checks.language)) {
    const scope = { ...context, ...sampleBodyValues(checks) };
    try {
      engine.renderSync(compiled, scope);
    } catch (error) {
      if (!LiquidError.is(error)) throw error;
      return [
        `${checks.label} cannot be rendered ${description}: ${liquidReason(error)}${placeInTemplate(error)}`,
      ];
    }
  }
  return [];
}

/** Stand-ins for the rendered subject and required parts: their own texts are checked as library texts. */
function sampleBodyValues(checks: Checks): Record<string, unknown> {
  const snippet = (name: SnippetName) =>
    checks.format === 'html' ? new TrustedHtml(`<p>${name}</p>`) : name;
  return {
    subject: 'Sample subject',
    ...Object.fromEntries(snippetsOf[checks.template].map((name) => [name, snippet(name)])),
  };
}

/** Liquid's message without its own `, line:3, col:5` (the message says the place its own way). */
function liquidReason(error: LiquidError): string {
  const message = error.originalError?.message ?? error.message;
  return message.replace(/, line:\d+, col:\d+$/, '');
}

function placeInTemplate(error: LiquidError): string {
  return positionText(error.token.getPosition());
}

function positionText([line, column]: readonly number[]): string {
  return line === undefined || column === undefined ? '' : ` at template line ${line}, column ${column}`;
}
