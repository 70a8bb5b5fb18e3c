import type { InstitutionConfig } from '../../../../config/institution-config.js';

/** A faculty as people know it: its name from the configuration, else its code. */
export function facultyName(config: InstitutionConfig, facultyCode: string): string {
  return config.faculties.find((faculty) => faculty.code === facultyCode)?.name ?? facultyCode;
}
