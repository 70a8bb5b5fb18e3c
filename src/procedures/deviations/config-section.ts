import type { IssueSink } from '../../config/config-references.js';
import { emptyIsLeftOut } from '../../config/config-schema-parts.js';
import type { ConfigSection } from '../../config/config-section.js';
import { type Aligned, describeDeviations } from './describe-section.js';
import { type DeviationsConfig, deviationsConfigSchema } from './deviation-config.js';

/**
 * The deviations procedure's section of the configuration file: one key,
 * `deviations:`, left out where the institution does not run the procedure.
 * Its references to the core's units (faculties, departments, programmes)
 * are checked here, where they are known.
 */
export const deviationsConfigSection = {
  procedure: 'deviations',
  keys: {
    deviations: emptyIsLeftOut(deviationsConfigSchema.nullable().default(null)),
  },
  checkReferences: (config: unknown, ctx: IssueSink) => checkDeviationReferences(config, ctx),
  /** Nothing to take from the rest of the file: deadlines use the institution's time zone where they are computed. */
  complete: (_config: object) => ({}),
  resolvePaths: (_config: object, _resolvePath: (path: string) => string) => ({}),
  /** `config: never` as in `complete`: the section is part of the configuration's own type. */
  describe: (config: never, aligned: Aligned): string[] => describeDeviations(config, aligned),
  /** The report owners: they read their triage cards wherever the bot reaches them, the console too. */
  people: (config: { readonly deviations: DeviationsConfig | null }): string[] =>
    config.deviations?.reportOwners.flatMap((owners) => owners.people) ?? [],
} as const satisfies ConfigSection;

type Entry = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is Entry {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entriesOf(value: unknown): Entry[] {
  return Array.isArray(value) ? value.map((entry) => (isRecord(entry) ? entry : {})) : [];
}

function codesOf(value: unknown): Map<string, Entry> {
  const codes = new Map<string, Entry>();
  for (const entry of entriesOf(value))
    if (typeof entry.code === 'string') codes.set(entry.code.trim(), entry);
  return codes;
}

/**
 * Every faculty, department and programme the section names exists; a
 * faculty has one list of report owners; a course's code is unique and its
 * faculty is known (given, or through its department or programme) and
 * agrees with what they say.
 */
function checkDeviationReferences(config: unknown, ctx: IssueSink): void {
  if (!isRecord(config) || !isRecord(config.deviations)) return;
  const faculties = codesOf(config.faculties);
  const departments = codesOf(config.departments);
  const boards = codesOf(config.boards);
  const programmes = codesOf(config.programmes);
  const section = config.deviations;

  const ownedFaculties = new Set<string>();
  entriesOf(section.reportOwners).forEach((entry, index) => {
    if (typeof entry.faculty !== 'string') return;
    const code = entry.faculty.trim();
    const path = ['deviations', 'reportOwners', index, 'faculty'];
    if (!faculties.has(code))
      ctx.addIssue({ code: 'custom', path, message: `no faculty has the code "${code}"` });
    else if (ownedFaculties.has(code))
      ctx.addIssue({ code: 'custom', path, message: `faculty ${code} already has its report owners above` });
    ownedFaculties.add(code);
  });

  const courseCodes = new Set<string>();
  entriesOf(section.courses).forEach((entry, index) => {
    const at = (key: string) => ['deviations', 'courses', index, key];
    const issue = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: at(key), message });
    if (typeof entry.code === 'string') {
      const code = entry.code.trim();
      if (courseCodes.has(code) || programmes.has(code))
        issue('code', `"${code}" is already the code of a ${courseCodes.has(code) ? 'course' : 'programme'}`);
      courseCodes.add(code);
    }
    const claims: { key: string; faculty: string }[] = [];
    if (typeof entry.faculty === 'string') {
      const code = entry.faculty.trim();
      if (faculties.has(code)) claims.push({ key: 'faculty', faculty: code });
      else issue('faculty', `no faculty has the code "${code}"`);
    }
    if (typeof entry.department === 'string') {
      const department = departments.get(entry.department.trim());
      if (department === undefined)
        issue('department', `no department has the code "${entry.department.trim()}"`);
      else if (typeof department.faculty === 'string')
        claims.push({ key: 'department', faculty: department.faculty.trim() });
    }
    if (typeof entry.programme === 'string') {
      const programme = programmes.get(entry.programme.trim());
      const board = typeof programme?.board === 'string' ? boards.get(programme.board.trim()) : undefined;
      if (programme === undefined)
        issue('programme', `no programme has the code "${entry.programme.trim()}"`);
      else if (typeof board?.faculty === 'string')
        claims.push({ key: 'programme', faculty: board.faculty.trim() });
    }
    const [first, ...others] = claims;
    const disagreeing = others.find((claim) => claim.faculty !== first?.faculty);
    if (first !== undefined && disagreeing !== undefined)
      issue(
        disagreeing.key,
        `belongs to faculty ${disagreeing.faculty}, but the course's ${first.key} says ${first.faculty}`,
      );
    const named = ['faculty', 'department', 'programme'].some((key) => typeof entry[key] === 'string');
    if (!named && typeof entry.code === 'string')
      issue(
        'code',
        'give the course a faculty:, a department: or a programme:, so its reports reach a faculty',
      );
  });
}
