import type { InstitutionConfig } from '../../../../config/institution-config.js';
import type { DeviationsConfig } from '../../deviation-config.js';
import type { DeviationStore } from '../../storage/deviation-store.js';
import { type CatalogueProblem, readCourseCatalogue } from './course-catalogue-file.js';

/**
 * Replaces the imported course catalogue with a file's courses, whole or not
 * at all. The report form offers them through UnitDirectory, beside the
 * programmes and the configuration's own courses (which win where a code is
 * in both).
 */
export type CatalogueImport =
  | { readonly ok: false; readonly problems: readonly CatalogueProblem[] }
  | {
      readonly ok: true;
      readonly courses: number;
      /** Courses per faculty, every faculty of the file, in the configuration's order. */
      readonly perFaculty: readonly { readonly faculty: string; readonly courses: number }[];
      /** Faculties of the file without report owners: their courses are stored but not offered. */
      readonly withoutReportOwners: readonly string[];
    };

export async function importCourseCatalogue(
  store: DeviationStore,
  bytes: Uint8Array,
  config: InstitutionConfig,
  section: DeviationsConfig,
): Promise<CatalogueImport> {
  const file = readCourseCatalogue(bytes, config);
  if (!file.ok) return file;
  await store.replaceCatalogue(file.courses);
  const perFaculty = config.faculties
    .map((faculty) => ({
      faculty: faculty.code,
      courses: file.courses.filter((course) => course.facultyCode === faculty.code).length,
    }))
    .filter((row) => row.courses > 0);
  const owned = new Set(section.reportOwners.map((owners) => owners.faculty));
  return {
    ok: true,
    courses: file.courses.length,
    perFaculty,
    withoutReportOwners: perFaculty.map((row) => row.faculty).filter((faculty) => !owned.has(faculty)),
  };
}
