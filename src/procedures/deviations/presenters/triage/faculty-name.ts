import { type InstitutionConfig, nameIn } from '../../../../config/institution-config.js';
import type { Language } from '../../../../i18n/languages.js';

/**
 * A faculty as people know it: its name from the configuration in the
 * reader's language where the configuration gives one, else its code.
 */
export function facultyName(config: InstitutionConfig, facultyCode: string, language: Language): string {
  const faculty = config.faculties.find((candidate) => candidate.code === facultyCode);
  return faculty === undefined ? facultyCode : nameIn(faculty, language);
}
