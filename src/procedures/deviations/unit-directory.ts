import type { InstitutionConfig } from '../../config/institution-config.js';
import type { CasePerson, UnitRef } from './deviation-case.js';
import type { DeviationsConfig } from './deviation-config.js';

/**
 * What a report can be about, and where it goes: programme or course →
 * faculty → that faculty's report owners. Programmes come from the core
 * configuration (a programme's board lies in a faculty); courses from the
 * deviations section and from an imported course catalogue.
 */
export interface ReportableUnit extends UnitRef {
  readonly name: string;
  readonly facultyCode: string;
  readonly departmentCode: string | null;
}

/** A course as the catalogue import stores it. */
export interface CatalogueCourse {
  readonly code: string;
  readonly name: string;
  readonly facultyCode: string;
  readonly departmentCode: string | null;
}

export class UnitDirectory {
  private readonly byKey: ReadonlyMap<string, ReportableUnit>;

  constructor(
    private readonly config: InstitutionConfig,
    private readonly section: DeviationsConfig,
    catalogue: readonly CatalogueCourse[] = [],
  ) {
    const units = new Map<string, ReportableUnit>();
    const add = (unit: ReportableUnit) => {
      // Only a faculty with report owners can receive a report: other units are not offered.
      if (this.reportOwnersOf(unit.facultyCode).length > 0) units.set(unitKey(unit), unit);
    };
    for (const programme of config.programmes) {
      const board = config.boards.find((candidate) => candidate.code === programme.board);
      if (board === undefined) continue;
      add({
        kind: 'programme',
        code: programme.code,
        name: programme.name,
        facultyCode: board.faculty,
        departmentCode: board.department ?? null,
      });
    }
    // The catalogue first: a course in the configuration file says better where it belongs.
    for (const course of catalogue) add({ kind: 'course', ...course });
    for (const course of section.courses) {
      const placed = this.placeCourse(course);
      if (placed !== null) add({ kind: 'course', code: course.code, name: course.name, ...placed });
    }
    this.byKey = units;
  }

  /** Every unit a report can be about, programmes first, each sorted by name. */
  units(): ReportableUnit[] {
    return [...this.byKey.values()].sort((a, b) =>
      a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'programme' ? -1 : 1,
    );
  }

  unit(ref: UnitRef): ReportableUnit | null {
    return this.byKey.get(unitKey(ref)) ?? null;
  }

  /** The faculty's report owners (meldingsansvarlige), by e-mail; empty for a faculty without. */
  reportOwnersOf(facultyCode: string): readonly string[] {
    return this.section.reportOwners.find((owners) => owners.faculty === facultyCode)?.people ?? [];
  }

  /** Faculties a report can be forwarded to: those with report owners. */
  facultiesWithOwners(): readonly string[] {
    return this.section.reportOwners.map((owners) => owners.faculty);
  }

  /**
   * The line managers over a unit, who see its cases and are told when one is
   * overdue: the head of the unit's department (unless the section says the
   * dean), else the faculty's dean. Several people may hold a role.
   */
  lineManagersOf(unit: {
    readonly facultyCode: string;
    readonly departmentCode: string | null;
  }): CasePerson[] {
    const managers = this.config.managers;
    const heads =
      this.section.lineManager === 'head_of_department' && unit.departmentCode !== null
        ? managers.filter(
            (manager) =>
              manager.role === 'head_of_department' &&
              typeof manager.scope === 'object' &&
              'department' in manager.scope &&
              manager.scope.department === unit.departmentCode,
          )
        : [];
    const chosen =
      heads.length > 0
        ? heads
        : managers.filter(
            (manager) =>
              manager.role === 'dean' &&
              typeof manager.scope === 'object' &&
              'faculty' in manager.scope &&
              manager.scope.faculty === unit.facultyCode,
          );
    return chosen.map((manager) => ({ email: manager.email, name: manager.email }));
  }

  /** Whether a person is a line manager (dean or head of department) over the unit's faculty or department. */
  isLineManagerOver(
    email: string,
    unit: { readonly facultyCode: string; readonly departmentCode: string | null },
  ): boolean {
    const address = email.toLowerCase();
    return this.config.managers.some((manager) => {
      if (manager.email.toLowerCase() !== address) return false;
      if (manager.role !== 'dean' && manager.role !== 'head_of_department') return false;
      const { scope } = manager;
      if (scope === 'institution') return true;
      if ('faculty' in scope) return scope.faculty === unit.facultyCode;
      if ('department' in scope) return scope.department === unit.departmentCode;
      return false;
    });
  }

  /** The quality department (managers with that role), institution-wide or for the faculty. */
  isQualityDepartmentFor(email: string, facultyCode: string | null): boolean {
    const address = email.toLowerCase();
    return this.config.managers.some((manager) => {
      if (manager.email.toLowerCase() !== address || manager.role !== 'quality_department') return false;
      const { scope } = manager;
      if (scope === 'institution') return true;
      return facultyCode !== null && 'faculty' in scope && scope.faculty === facultyCode;
    });
  }

  private placeCourse(
    course: DeviationsConfig['courses'][number],
  ): { facultyCode: string; departmentCode: string | null } | null {
    const department = this.config.departments.find((candidate) => candidate.code === course.department);
    if (department !== undefined) return { facultyCode: department.faculty, departmentCode: department.code };
    const programme = this.config.programmes.find((candidate) => candidate.code === course.programme);
    const board = this.config.boards.find((candidate) => candidate.code === programme?.board);
    if (board !== undefined) return { facultyCode: board.faculty, departmentCode: board.department ?? null };
    return course.faculty === undefined ? null : { facultyCode: course.faculty, departmentCode: null };
  }
}

/** `programme:BSC-CS`, `course:TDT4100`: a unit's value in a form's select. */
export function unitKey(unit: UnitRef): string {
  return `${unit.kind}:${unit.code}`;
}

export function parseUnitKey(value: string): UnitRef | null {
  const match = /^(programme|course):(\S+)$/.exec(value);
  if (match === null || match[2] === undefined) return null;
  return { kind: match[1] === 'programme' ? 'programme' : 'course', code: match[2] };
}
