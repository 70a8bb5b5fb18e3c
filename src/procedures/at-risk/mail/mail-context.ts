import { type LocaleFormat, localeFormat } from '../../../i18n/locale-format.js';
import type { MailLanguage } from './mail-placeholders.js';

/**
 * What a template sees (see `mail-placeholders.ts` for the names). Every key is
 * always there; what the data lacks is nil (null), so a strict template can
 * test it with `{% if chair.name %}` instead of failing on a missing name.
 * No CPR number, no e-mail address of the student: a template cannot leak
 * what it is never given.
 */
export interface MailContext {
  readonly student: { readonly name: string; readonly programme: string };
  readonly board: { readonly name: string; readonly code: string };
  readonly chair: { readonly name: string | null; readonly email: string };
  readonly institution: { readonly name: string };
  readonly bookingLink: string | null;
  readonly guidanceServices: readonly GuidanceServiceContext[];
  /** In the mail's language: `7,5` in Danish, `7.5` in English. */
  readonly ectsBehind: string | null;
  readonly delayMonths: string | null;
  /** The delay with its unit: `4 måneder`, `1 month`. */
  readonly delay: string | null;
}

export interface GuidanceServiceContext {
  readonly name: string;
  readonly description: string | null;
  readonly url: string | null;
  readonly email: string | null;
}

const locales: Readonly<Record<MailLanguage, string>> = { da: 'da-DK', en: 'en-GB' };
const monthWords: Readonly<Record<MailLanguage, { readonly one: string; readonly other: string }>> = {
  da: { one: 'måned', other: 'måneder' },
  en: { one: 'month', other: 'months' },
};

// Built once: Intl's formatters are slow to make and fast to use.
const formats: Readonly<Record<MailLanguage, LocaleFormat>> = {
  da: localeFormat(locales.da),
  en: localeFormat(locales.en),
};

/** A student's figures written in the mail's language; a delay to one decimal (`4,3 måneder`). */
export function figuresIn(
  language: MailLanguage,
  figures: { readonly ectsBehind: number | null; readonly delayMonths: number | null },
): Pick<MailContext, 'ectsBehind' | 'delayMonths' | 'delay'> {
  const format = formats[language];
  const months = figures.delayMonths === null ? null : Math.round(figures.delayMonths * 10) / 10;
  return {
    ectsBehind: figures.ectsBehind === null ? null : format.number(figures.ectsBehind),
    delayMonths: months === null ? null : format.number(months),
    delay: months === null ? null : `${format.number(months)} ${format.plural(months, monthWords[language])}`,
  };
}

/**
 * Two students to try a template on before it is accepted: one with every
 * value there (two guidance services, a booking link, a chair's name, the
 * figures) and one with every optional value nil and no guidance services.
 * A template that renders for both renders for every real student.
 */
export function sampleContexts(
  language: MailLanguage,
): readonly { readonly description: string; readonly context: MailContext }[] {
  const base = {
    student: { name: 'Sample Student', programme: 'Sample Programme' },
    board: { name: 'Sample Study Board', code: 'SAMPLE' },
    institution: { name: 'Sample University' },
  };
  const full: MailContext = {
    ...base,
    chair: { name: 'Sample Chair', email: 'chair@sample.example' },
    bookingLink: 'https://booking.sample.example/',
    guidanceServices: [
      {
        name: 'Student counselling',
        description: 'Guidance on study plans and well-being',
        url: 'https://guidance.sample.example/',
        email: 'guidance@sample.example',
      },
      { name: 'Study start', description: null, url: null, email: null },
    ],
    ...figuresIn(language, { ectsBehind: 20, delayMonths: 4 }),
  };
  const sparse: MailContext = {
    ...base,
    chair: { name: null, email: 'chair@sample.example' },
    bookingLink: null,
    guidanceServices: [],
    ...figuresIn(language, { ectsBehind: null, delayMonths: null }),
  };
  return [
    { description: 'with every value', context: full },
    {
      description:
        'without the values that may be missing (a chair’s name, a booking link, guidance services, the ECTS and delay figures)',
      context: sparse,
    },
  ];
}
