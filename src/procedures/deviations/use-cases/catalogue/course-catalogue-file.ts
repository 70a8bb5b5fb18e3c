import { z } from 'zod';
import type { InstitutionConfig } from '../../../../config/institution-config.js';
import type { CatalogueCourse } from '../../unit-directory.js';

/**
 * The course catalogue as a file (the student system's export): a header
 * `code;name;faculty;department` (or comma-separated; department may be left
 * out, as a column or a value), UTF-8 with or without a byte order mark.
 * Every row is checked against the institution's faculties and departments;
 * every problem is named by line and column. The file is used whole or not
 * at all: any problem, and nothing is stored.
 */
export interface CatalogueProblem {
  /** 1-based, the header being line 1. */
  readonly line: number;
  /** 1-based; null when the problem is the line's as a whole. */
  readonly column: number | null;
  /** The column's name in the header, when the problem is a cell's. */
  readonly columnName: string | null;
  readonly message: string;
}

export type CatalogueFile =
  | { readonly ok: true; readonly courses: readonly CatalogueCourse[] }
  | { readonly ok: false; readonly problems: readonly CatalogueProblem[] };

const columns = ['code', 'name', 'faculty', 'department'] as const;
type Column = (typeof columns)[number];
const requiredColumns: readonly Column[] = ['code', 'name', 'faculty'];

const rowSchema = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'the course has no code')
    .regex(/^\S+$/, 'a course code is one word, without spaces'),
  name: z.string().trim().min(1, 'the course has no name'),
  faculty: z.string().trim().min(1, 'the course has no faculty'),
  department: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value)),
});

export function readCourseCatalogue(bytes: Uint8Array, config: InstitutionConfig): CatalogueFile {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const lines = decoded.text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const headerLine = lines[0] ?? '';
  // The header says which separator the file uses: Nordic spreadsheets write `;`, others `,`.
  const separator = headerLine.includes(';') ? ';' : ',';
  const header = readHeader(headerLine, separator);
  if (!header.ok) return { ok: false, problems: header.problems };

  const problems: CatalogueProblem[] = [];
  const courses: CatalogueCourse[] = [];
  const firstLineOf = new Map<string, number>();
  lines.slice(1).forEach((text, index) => {
    const line = index + 2;
    if (text.trim() === '') return;
    const cells = splitCells(text, separator);
    if (cells === null) {
      problems.push({ line, column: null, columnName: null, message: 'a quoted cell is not closed' });
      return;
    }
    if (cells.length > header.columns.length) {
      problems.push({
        line,
        column: header.columns.length + 1,
        columnName: null,
        message: `the line has ${cells.length} cells, the header ${header.columns.length}`,
      });
      return;
    }
    const at = (column: Column) => header.columns.indexOf(column);
    const cellProblem = (column: Column, message: string): CatalogueProblem => ({
      line,
      column: at(column) + 1,
      columnName: column,
      message,
    });
    // A spreadsheet may leave off the empty cells at a line's end.
    const value = (column: Column) => (at(column) < 0 ? '' : (cells[at(column)] ?? ''));
    const parsed = rowSchema.safeParse({
      code: value('code'),
      name: value('name'),
      faculty: value('faculty'),
      department: value('department'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columns.find((candidate) => candidate === issue.path[0]) ?? 'code';
        problems.push(cellProblem(column, issue.message));
      }
      return;
    }
    const row = parsed.data;
    const faculty = config.faculties.find((candidate) => same(candidate.code, row.faculty));
    if (faculty === undefined) {
      problems.push(
        cellProblem(
          'faculty',
          `no faculty has the code "${row.faculty}" (known: ${config.faculties.map((known) => known.code).join(', ')})`,
        ),
      );
      return;
    }
    let departmentCode: string | null = null;
    if (row.department !== null) {
      const department = config.departments.find((candidate) => same(candidate.code, row.department));
      if (department === undefined) {
        problems.push(cellProblem('department', `no department has the code "${row.department}"`));
        return;
      }
      if (department.faculty !== faculty.code) {
        problems.push(
          cellProblem(
            'department',
            `department ${department.code} belongs to faculty ${department.faculty}, not ${faculty.code}`,
          ),
        );
        return;
      }
      departmentCode = department.code;
    }
    const key = row.code.toUpperCase();
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      problems.push(cellProblem('code', `the course ${row.code} is already on line ${first}`));
      return;
    }
    firstLineOf.set(key, line);
    courses.push({ code: row.code, name: row.name, facultyCode: faculty.code, departmentCode });
  });
  if (problems.length > 0) return { ok: false, problems };
  if (courses.length === 0) {
    // An empty file would empty the catalogue: that is never what an import means.
    return {
      ok: false,
      problems: [
        { line: 2, column: null, columnName: null, message: 'the file has no courses under its header' },
      ],
    };
  }
  return { ok: true, courses };
}

function readHeader(
  text: string,
  separator: string,
): { ok: true; columns: readonly Column[] } | { ok: false; problems: CatalogueProblem[] } {
  const names = (splitCells(text, separator) ?? [text]).map((cell) => cell.trim().toLowerCase());
  const problems: CatalogueProblem[] = [];
  const found: Column[] = [];
  names.forEach((name, index) => {
    const column = columns.find((candidate) => candidate === name);
    if (column === undefined || found.includes(column)) {
      problems.push({
        line: 1,
        column: index + 1,
        columnName: null,
        message:
          column === undefined
            ? `"${name}" is not a column of the course catalogue (expected ${columns.join(separator)})`
            : `the column "${name}" is named twice`,
      });
    } else found.push(column);
  });
  for (const column of requiredColumns) {
    if (!names.includes(column)) {
      problems.push({
        line: 1,
        column: null,
        columnName: null,
        message: `the header has no column "${column}" (expected ${columns.join(separator)}; department may be left out)`,
      });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, columns: found };
}

/** The cells of one line; `"…"` quotes a cell holding the separator or quotes (`""`). Null for an open quote. */
function splitCells(text: string, separator: string): string[] | null {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        cell += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (character === separator) {
      cells.push(cell);
      cell = '';
    } else cell += character;
  }
  if (quoted) return null;
  cells.push(cell);
  return cells;
}

/** The line of the first byte that is not UTF-8, if any. */
function decodeUtf8(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; problem: CatalogueProblem } {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    let line = 1;
    let start = 0;
    for (let index = 0; index <= bytes.length; index += 1) {
      if (index === bytes.length || bytes[index] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, index));
        } catch {
          break;
        }
        line += 1;
        start = index + 1;
      }
    }
    return {
      ok: false,
      problem: {
        line,
        column: null,
        columnName: null,
        message: 'is not UTF-8 text (save the file as “CSV UTF-8”)',
      },
    };
  }
}

function same(a: string, b: string | null): boolean {
  return b !== null && a.toLowerCase() === b.toLowerCase();
}
