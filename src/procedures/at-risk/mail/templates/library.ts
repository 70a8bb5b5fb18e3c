import type { MailLanguage, MailTemplateName } from '../mail-placeholders.js';
import { redDa } from './red.da.js';
import { redEn } from './red.en.js';
import { requiredPartsDa } from './required-parts.da.js';
import { requiredPartsEn } from './required-parts.en.js';
import type { MailTemplateSource, SnippetSources } from './template-source.js';
import { yellowDa } from './yellow.da.js';
import { yellowEn } from './yellow.en.js';

/**
 * The template library student services keeps: the default templates every
 * board sends unless its configuration overrides a part, and the fixed texts
 * of the required parts. Adding a language means a file of each here.
 */
export const defaultTemplates: Readonly<
  Record<MailTemplateName, Readonly<Record<MailLanguage, MailTemplateSource>>>
> = {
  yellow: { da: yellowDa, en: yellowEn },
  red: { da: redDa, en: redEn },
};

export const requiredPartTexts: Readonly<Record<MailLanguage, SnippetSources>> = {
  da: requiredPartsDa,
  en: requiredPartsEn,
};
