import { z } from 'zod';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { exclusionReasons } from '../procedures/at-risk/exclusions/exclusion.js';
import type {
  ReviewCategory,
  ReviewOverview,
  ReviewPage,
  ReviewQuery,
  ReviewRow,
} from '../procedures/at-risk/identification-store.js';

/**
 * The chair's review list read a page at a time: each click costs one count
 * and one LIMIT/OFFSET query over the cycle's results (the primary key leads
 * with the cycle), never the 2,000 rows of a large board.
 */

/**
 * Letters folded for search on both sides of the comparison, so "soren"
 * finds "Søren" and "JOSE" finds "José". Done with translate() rather than
 * the unaccent extension, which PGlite does not load by default; lower()
 * follows, which folds the ASCII letters on every collation.
 */
const foldedLetters: readonly (readonly [string, string])[] = [
  ['ÀÁÂÃÄÅÆ', 'A'],
  ['Ç', 'C'],
  ['ÈÉÊË', 'E'],
  ['ÌÍÎÏ', 'I'],
  ['Ñ', 'N'],
  ['ÒÓÔÕÖØ', 'O'],
  ['ÙÚÛÜ', 'U'],
  ['Ý', 'Y'],
  ['àáâãäåæ', 'a'],
  ['ç', 'c'],
  ['èéêë', 'e'],
  ['ìíîï', 'i'],
  ['ñ', 'n'],
  ['òóôõöø', 'o'],
  ['ùúûü', 'u'],
  ['ýÿ', 'y'],
];
const foldFrom = foldedLetters.map(([letters]) => letters).join('');
const exclusionReason = z.enum(exclusionReasons);

const foldTo = foldedLetters.map(([letters, base]) => base.repeat([...letters].length)).join('');

const folded = (value: Prisma.Sql) => Prisma.sql`lower(translate(${value}, ${foldFrom}, ${foldTo}))`;

/** LIKE's own characters in a search term stand for themselves. */
function likePattern(search: string): string {
  return `%${search.replaceAll(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function whereOf(cycleId: string, query: ReviewQuery): Prisma.Sql {
  const conditions = [
    Prisma.sql`r.cycle_id = ${cycleId}::uuid`,
    Prisma.sql`r.category::text = ANY(${[...query.categories]}::text[])`,
  ];
  if (query.programmeCode !== null) conditions.push(Prisma.sql`s.programme_code = ${query.programmeCode}`);
  if (query.search !== null) {
    const pattern = folded(Prisma.sql`${likePattern(query.search)}`);
    conditions.push(
      Prisma.sql`(${folded(Prisma.sql`s.name`)} LIKE ${pattern} ESCAPE '\\' OR ${folded(
        Prisma.sql`s.student_number`,
      )} LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  return Prisma.join(conditions, ' AND ');
}

interface PageRow {
  student_number: string;
  name: string;
  email: string | null;
  programme_code: string;
  programme_name: string;
  category: ReviewCategory;
  ects_behind: number;
  delay_months: number;
  special_guidance: boolean;
  mandatory_contact: boolean;
  routing: ReviewRow['routing'];
  home_board_code: string;
  side_subject_board_code: string | null;
  exclusion_reason: string | null;
}

export async function reviewPageOf(
  prisma: PrismaClient,
  cycleId: string,
  query: ReviewQuery,
): Promise<ReviewPage> {
  const where = whereOf(cycleId, query);
  const [counted] = await prisma.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM student_result r JOIN student s ON s.id = r.student_id WHERE ${where}`;
  // The chair reads the most urgent first; the student number makes the order total, so pages never overlap.
  const rows = await prisma.$queryRaw<PageRow[]>`
    SELECT s.student_number, s.name, s.email, s.programme_code, s.programme_name, r.category::text AS category,
           r.ects_behind::float8 AS ects_behind, r.delay_months::float8 AS delay_months,
           r.special_guidance, r.mandatory_contact, r.routing::text AS routing, r.home_board_code,
           r.side_subject_board_code, e.reason::text AS exclusion_reason
    FROM student_result r JOIN student s ON s.id = r.student_id
    JOIN identification_cycle c ON c.id = r.cycle_id
    -- An exclusion is keyed by board, period and student, not by cycle: it outlives a re-import.
    LEFT JOIN exclusion e ON e.board_code = c.board_code AND e.term = c.term AND e.year = c.year
                         AND e.student_number = s.student_number
    WHERE ${where}
    ORDER BY CASE r.category WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END, r.ects_behind DESC,
             s.student_number
    LIMIT ${query.limit} OFFSET ${query.offset}`;
  return {
    total: counted?.total ?? 0,
    rows: rows.map((row) => ({
      studentNumber: row.student_number,
      name: row.name,
      email: row.email,
      programmeCode: row.programme_code,
      programmeName: row.programme_name,
      category: row.category,
      ectsBehind: row.ects_behind,
      delayMonths: row.delay_months,
      specialGuidance: row.special_guidance,
      mandatoryContact: row.mandatory_contact,
      routing: row.routing,
      homeBoardCode: row.home_board_code,
      sideSubjectBoardCode: row.side_subject_board_code,
      exclusionReason: row.exclusion_reason === null ? null : exclusionReason.parse(row.exclusion_reason),
    })),
  };
}

export async function reviewOverviewOf(prisma: PrismaClient, cycleId: string): Promise<ReviewOverview> {
  const groups = await prisma.$queryRaw<
    {
      category: ReviewCategory;
      programme_code: string;
      programme_name: string;
      students: number;
      received: number;
    }[]
  >`
    SELECT r.category::text AS category, s.programme_code, s.programme_name, count(*)::int AS students,
           count(*) FILTER (WHERE r.routing = 'forwarded_in')::int AS received
    FROM student_result r JOIN student s ON s.id = r.student_id
    WHERE r.cycle_id = ${cycleId}::uuid AND r.category IN ('red', 'yellow', 'blue')
    GROUP BY 1, 2, 3`;
  const counts: Record<ReviewCategory, number> = { red: 0, yellow: 0, blue: 0 };
  const programmes = new Map<string, string>();
  let received = 0;
  for (const group of groups) {
    counts[group.category] += group.students;
    received += group.received;
    programmes.set(group.programme_code, group.programme_name);
  }
  return {
    counts,
    received,
    programmes: [...programmes]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code)),
  };
}
