import type { InstitutionConfig, StudyBoard } from '../../../config/institution-config.js';
import { nameIn } from '../../../config/institution-config.js';
import { CodedError } from '../../../shared/coded-error.js';
import { teachingLanguages } from '../progress-export/progress-row.js';
import {
  type CompiledPart,
  compileMailPart,
  type PartIdentity,
  type TemplateScope,
} from './compile-mail-template.js';
import { figuresIn, type GuidanceServiceContext, type MailContext } from './mail-context.js';
import {
  type MailLanguage,
  type MailPart,
  type MailTemplateName,
  mailParts,
  mailTemplateNames,
} from './mail-placeholders.js';
import { type MailSettings, textIn } from './mail-settings.js';
import {
  renderPart,
  renderRequiredParts,
  requiredPartsVaryByStudent,
  type SnippetFormat,
} from './render-mail-part.js';
import { defaultTemplates } from './templates/library.js';

/**
 * The one student a mail is for, as much as a mail may know of her. There is
 * no CPR number and no e-mail address here, and `compose` reads only these
 * fields, so neither can reach a mail even from a richer object.
 */
export interface MailStudent {
  readonly name: string;
  readonly programmeName: string;
  /** The export's `teaching_language`: it picks the mail's language. */
  readonly language: MailLanguage;
  /** Null leaves the figures out of the mail. */
  readonly ectsBehind: number | null;
  readonly delayMonths: number | null;
}

/** A rendered § 31 mail, ready for a sender (and a preview). */
export interface StudentMail {
  readonly template: MailTemplateName;
  readonly language: MailLanguage;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

type RenderedRequiredParts = ReturnType<typeof renderRequiredParts>;

/** Where each part of a board's template comes from, e.g. for a preview: `{ subject: { board: 'SN-DAT' }, text: 'library', … }`. */
export type PartSources = Readonly<Record<MailPart, TemplateScope>>;

/**
 * Every board's § 31 mail templates, compiled once from the configuration.
 * A part (subject, text, HTML) of a template in a language is taken from the
 * board's override, else its department's, else the institution's, else the
 * library's default: partial overrides fall back part by part.
 */
export class MailTemplates {
  private readonly compiled = new Map<string, CompiledPart>();
  private readonly boards = new Map<string, BoardMailTemplates>();

  private constructor(
    private readonly config: InstitutionConfig,
    private readonly settings: MailSettings,
  ) {
    for (const template of mailTemplateNames) {
      for (const language of teachingLanguages) {
        for (const part of mailParts) {
          this.compile(defaultTemplates[template][language][part], {
            template,
            language,
            part,
            scope: 'library',
          });
        }
      }
    }
    for (const override of settings.overrides) {
      for (const part of mailParts) {
        const source = override[part];
        if (source === undefined) continue;
        this.compile(source, {
          template: override.template,
          language: override.language,
          part,
          scope: override.scope,
        });
      }
    }
  }

  /** Throws `mail.template_invalid` for an override a parsed configuration would have refused. */
  static fromConfig(config: InstitutionConfig): MailTemplates {
    return new MailTemplates(config, config.mail);
  }

  /**
   * The templates a board's mails are rendered from (the same object on every
   * call, so what it renders once stays rendered); `mail.unknown_board` for a
   * code the configuration lacks.
   */
  forBoard(boardCode: string): BoardMailTemplates {
    let templates = this.boards.get(boardCode);
    if (templates === undefined) {
      templates = this.boardTemplates(boardCode);
      this.boards.set(boardCode, templates);
    }
    return templates;
  }

  private boardTemplates(boardCode: string): BoardMailTemplates {
    const board = this.config.boards.find((candidate) => candidate.code === boardCode);
    if (board === undefined) {
      throw new CodedError('mail.unknown_board', `"${boardCode}" is not a study board of the configuration`);
    }
    const scopes: TemplateScope[] = [
      { board: board.code },
      ...(board.department === undefined ? [] : [{ department: board.department }]),
      'institution',
      'library',
    ];
    return new BoardMailTemplates(board, {
      institutionName: this.config.institution.name,
      bookingLink: this.settings.boards[board.code]?.bookingLink ?? this.settings.bookingLink,
      guidanceServices: this.settings.guidanceServices,
      partFor: (template, language, part) => {
        for (const scope of scopes) {
          const compiled = this.compiled.get(partKey({ template, language, part, scope }));
          if (compiled !== undefined) return { scope, compiled };
        }
        throw new Error(`no ${template}/${language} ${part} in the library`);
      },
    });
  }

  private compile(source: string, identity: PartIdentity): void {
    const result = compileMailPart(source, identity);
    if (!result.ok) throw new CodedError('mail.template_invalid', result.problems.join('\n'));
    this.compiled.set(partKey(identity), result.compiled);
  }
}

interface BoardSources {
  readonly institutionName: string;
  readonly bookingLink: string | null;
  readonly guidanceServices: MailSettings['guidanceServices'];
  partFor(
    template: MailTemplateName,
    language: MailLanguage,
    part: MailPart,
  ): { readonly scope: TemplateScope; readonly compiled: CompiledPart };
}

/** One board's templates: renders its students' mails. Pure: no I/O, the same mail for the same student. */
export class BoardMailTemplates {
  private readonly renderedRequiredParts = new Map<string, RenderedRequiredParts>();

  constructor(
    readonly board: StudyBoard,
    private readonly sources: BoardSources,
  ) {}

  /** The mail `template` for `student`, in her teaching language. */
  compose(template: MailTemplateName, student: MailStudent): StudentMail {
    const language = student.language;
    const context = this.contextFor(language, student);
    const part = (name: MailPart) => ({
      compiled: this.sources.partFor(template, language, name).compiled,
      label: `${template}/${language} ${name} for board ${this.board.code}`,
    });
    const subject = oneLine(renderPart(part('subject'), 'subject', context));
    const text = tidyText(
      renderPart(part('text'), 'text', {
        ...context,
        subject,
        ...this.requiredParts(template, language, 'text', context),
      }),
    );
    const html = renderPart(part('html'), 'html', {
      ...context,
      subject,
      ...this.requiredParts(template, language, 'html', context),
    });
    return { template, language, subject, text, html };
  }

  /** The required parts for this mail: rendered once per template, language and format while they name no student. */
  private requiredParts(
    template: MailTemplateName,
    language: MailLanguage,
    format: SnippetFormat,
    context: MailContext,
  ): RenderedRequiredParts {
    if (requiredPartsVaryByStudent(template, language, format)) {
      return renderRequiredParts(template, language, format, context);
    }
    const key = `${template}|${language}|${format}`;
    let rendered = this.renderedRequiredParts.get(key);
    if (rendered === undefined) {
      rendered = renderRequiredParts(template, language, format, context);
      this.renderedRequiredParts.set(key, rendered);
    }
    return rendered;
  }

  /** Which level each part of `template` in `language` comes from for this board. */
  partSources(template: MailTemplateName, language: MailLanguage): PartSources {
    const scopeOf = (part: MailPart) => this.sources.partFor(template, language, part).scope;
    return { subject: scopeOf('subject'), text: scopeOf('text'), html: scopeOf('html') };
  }

  private contextFor(language: MailLanguage, student: MailStudent): MailContext {
    return {
      student: { name: student.name, programme: student.programmeName },
      board: { name: nameIn(this.board, language), code: this.board.code },
      chair: { name: this.board.chairName ?? null, email: this.board.chair },
      institution: { name: this.sources.institutionName },
      bookingLink: this.sources.bookingLink,
      guidanceServices: this.sources.guidanceServices.map(
        (service): GuidanceServiceContext => ({
          name: textIn(service.name, language),
          description: service.description === undefined ? null : textIn(service.description, language),
          url: service.url ?? null,
          email: service.email ?? null,
        }),
      ),
      ...figuresIn(language, { ectsBehind: student.ectsBehind, delayMonths: student.delayMonths }),
    };
  }
}

function partKey({ template, language, part, scope }: PartIdentity): string {
  const where =
    typeof scope === 'string'
      ? scope
      : 'board' in scope
        ? `board:${scope.board}`
        : `department:${scope.department}`;
  return `${where}|${template}|${language}|${part}`;
}

/** A subject is one line: a line break in a name or a template must not reach the header. */
function oneLine(subject: string): string {
  return subject.replace(/\s+/g, ' ').trim();
}

/** Plain text as a person would type it: no trailing spaces, at most one empty line in a row, one final newline. */
function tidyText(text: string): string {
  const lines = text.split(/\r?\n/).map((line) => line.trimEnd());
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}
