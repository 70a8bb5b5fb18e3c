import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { IdentificationPeriod } from '../procedures/at-risk/identification-period.js';
import type {
  AuditRecord,
  BoardCycle,
  CycleComparison,
  CycleFigures,
  CycleRecord,
  CycleSource,
  IdentificationStorage,
  IdentificationStore,
  NewCycle,
  ReviewOverview,
  ReviewPage,
  ReviewQuery,
  ReviewRow,
  StagedStudent,
} from '../procedures/at-risk/identification-store.js';
import type { CategoryCounts } from '../procedures/at-risk/identify-students.js';
import { calendarDateOfUtc, utcMidnightOf } from '../shared/calendar-date.js';
import { auditRow } from './audit-row.js';
import { type CopyIn, copyInOf } from './copy-in.js';
import { reviewOverviewOf, reviewPageOf } from './prisma-review-queries.js';
import { createStagingTable, stagedColumns, stagedStudentRows } from './staged-students.js';

type Queryable = Pick<
  PrismaClient,
  '$queryRaw' | '$executeRaw' | '$executeRawUnsafe' | 'identificationCycle' | 'auditEvent'
>;
type CycleRow = Prisma.IdentificationCycleGetPayload<object>;

/**
 * The at-risk procedure's storage on Prisma. An import's students are
 * bulk-loaded with COPY into a staging table of the transaction (TEMP, ON
 * COMMIT DROP) batch by batch as the file is read, then stored with one
 * set-based statement each for students and results: row-by-row or createMany
 * costs seconds per 20,000 rows, and even `INSERT … SELECT FROM unnest(…)`
 * spends most of its time turning parameters into arrays. The few
 * per-board arrays are sent as text[] and cast in SQL, which behaves the same
 * on PGlite and PostgreSQL.
 */
export class PrismaIdentificationStorage implements IdentificationStorage {
  private readonly copyIn: CopyIn;

  constructor(private readonly prisma: PrismaClient) {
    this.copyIn = copyInOf(prisma);
  }

  transaction<T>(work: (store: IdentificationStore) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => work(new PrismaIdentificationStore(tx, this.copyIn)));
  }

  async listCycles(filter: { boardCode?: string }): Promise<CycleRecord[]> {
    const rows = await this.prisma.identificationCycle.findMany({
      where: filter.boardCode ? { boardCode: filter.boardCode } : {},
      orderBy: [{ boardCode: 'asc' }, { year: 'desc' }, { term: 'desc' }],
    });
    return rows.map(cycleRecordOf);
  }

  async findCycle(boardCode: string, period: IdentificationPeriod): Promise<CycleRecord | null> {
    const row = await this.prisma.identificationCycle.findUnique({
      where: { boardCode_term_year: { boardCode, term: period.term, year: period.year } },
    });
    return row ? cycleRecordOf(row) : null;
  }

  async reviewList(cycleId: string): Promise<ReviewRow[]> {
    const rows = await this.prisma.studentResult.findMany({
      where: { cycleId },
      select: {
        category: true,
        ectsBehind: true,
        delayMonths: true,
        routing: true,
        homeBoardCode: true,
        sideSubjectBoardCode: true,
        specialGuidance: true,
        mandatoryContact: true,
        student: {
          select: { studentNumber: true, name: true, email: true, programmeCode: true, programmeName: true },
        },
      },
    });
    return rows
      .map((row) => ({
        studentNumber: row.student.studentNumber,
        name: row.student.name,
        email: row.student.email,
        programmeCode: row.student.programmeCode,
        programmeName: row.student.programmeName,
        category: row.category,
        ectsBehind: row.ectsBehind.toNumber(),
        delayMonths: row.delayMonths.toNumber(),
        specialGuidance: row.specialGuidance,
        mandatoryContact: row.mandatoryContact,
        routing: row.routing,
        homeBoardCode: row.homeBoardCode,
        sideSubjectBoardCode: row.sideSubjectBoardCode,
      }))
      .sort(
        (a, b) =>
          reviewOrder[a.category] - reviewOrder[b.category] ||
          b.ectsBehind - a.ectsBehind ||
          a.studentNumber.localeCompare(b.studentNumber),
      );
  }

  reviewOverview(cycleId: string): Promise<ReviewOverview> {
    return reviewOverviewOf(this.prisma, cycleId);
  }

  reviewPage(cycleId: string, query: ReviewQuery): Promise<ReviewPage> {
    return reviewPageOf(this.prisma, cycleId, query);
  }

  async recordAudit(event: AuditRecord): Promise<void> {
    await this.prisma.auditEvent.create({ data: auditRow(event) });
  }

  async compareWithPrevious(cycleId: string): Promise<CycleComparison> {
    const cycle = await this.prisma.identificationCycle.findUniqueOrThrow({
      where: { id: cycleId },
      include: { previousCycle: true },
    });
    const previous = cycle.previousCycle;
    if (!previous) return { previous: null, change: null, newlyRed: [], leftRed: [] };
    const current = countsOf(cycle);
    const before = countsOf(previous);
    const transitions = await this.prisma.$queryRaw<
      { student_number: string; transition: 'newly_red' | 'left_red' }[]
    >`
      WITH now_red AS (
        SELECT student_id FROM student_result
        WHERE cycle_id = ${cycle.id}::uuid AND routing <> 'forwarded_in' AND category = 'red'
      ), before_red AS (
        SELECT student_id FROM student_result
        WHERE cycle_id = ${previous.id}::uuid AND routing <> 'forwarded_in' AND category = 'red'
      )
      SELECT s.student_number, 'newly_red' AS transition
        FROM now_red JOIN student s ON s.id = now_red.student_id
        WHERE now_red.student_id NOT IN (SELECT student_id FROM before_red)
      UNION ALL
      SELECT s.student_number, 'left_red' AS transition
        FROM before_red JOIN student s ON s.id = before_red.student_id
        WHERE before_red.student_id NOT IN (SELECT student_id FROM now_red)
      ORDER BY 1`;
    return {
      previous: { id: previous.id, term: previous.term, year: previous.year, counts: before },
      change: {
        green: current.green - before.green,
        yellow: current.yellow - before.yellow,
        red: current.red - before.red,
        blue: current.blue - before.blue,
      },
      newlyRed: transitions.filter((row) => row.transition === 'newly_red').map((row) => row.student_number),
      leftRed: transitions.filter((row) => row.transition === 'left_red').map((row) => row.student_number),
    };
  }
}

class PrismaIdentificationStore implements IdentificationStore {
  /** Whether this transaction has created its staging table yet. */
  private staging = false;

  constructor(
    private readonly db: Queryable,
    private readonly copyIn: CopyIn,
  ) {}

  async findCycles(boardCodes: readonly string[], period: IdentificationPeriod): Promise<CycleRecord[]> {
    const rows = await this.db.identificationCycle.findMany({
      where: { boardCode: { in: [...boardCodes] }, term: period.term, year: period.year },
    });
    return rows.map(cycleRecordOf);
  }

  async stageStudents(students: readonly StagedStudent[]): Promise<void> {
    if (students.length === 0) return;
    if (!this.staging) {
      await this.db.$executeRawUnsafe(createStagingTable);
      this.staging = true;
    }
    await this.copyIn.copyRows(this.db, 'staged_student', stagedColumns, stagedStudentRows(students));
  }

  async saveStagedStudents(): Promise<void> {
    if (!this.staging) return;
    // A file without CPR numbers keeps the ones stored from an earlier file.
    await this.db.$executeRaw`
      INSERT INTO student (student_number, name, email, programme_code, programme_name, language, cpr_encrypted, updated_at)
      SELECT student_number, name, email, programme_code, programme_name, language::teaching_language,
             cpr_encrypted, now()
      FROM staged_student
      ON CONFLICT (student_number) DO UPDATE SET
        name = EXCLUDED.name,
        email = EXCLUDED.email,
        programme_code = EXCLUDED.programme_code,
        programme_name = EXCLUDED.programme_name,
        language = EXCLUDED.language,
        cpr_encrypted = COALESCE(EXCLUDED.cpr_encrypted, student.cpr_encrypted),
        updated_at = now()`;
  }

  async createCycles(cycles: readonly NewCycle[]): Promise<string[]> {
    if (cycles.length === 0) return [];
    const rows = await this.db.identificationCycle.createManyAndReturn({
      data: cycles.map((cycle) => ({
        ...sourceColumnsOf(cycle),
        ...zeroFigures,
        boardCode: cycle.boardCode,
        term: cycle.period.term,
        year: cycle.period.year,
      })),
      select: { id: true, boardCode: true },
    });
    const idOfBoard = new Map(rows.map((row) => [row.boardCode, row.id]));
    return cycles.map((cycle) => idOfBoard.get(cycle.boardCode) ?? '');
  }

  async replaceResults(cycleId: string, source: CycleSource, homeBoards: readonly string[]): Promise<void> {
    await this.db.$executeRaw`
      DELETE FROM student_result WHERE cycle_id = ${cycleId}::uuid AND home_board_code = ANY(${[...homeBoards]}::text[])`;
    await this.db.identificationCycle.update({
      where: { id: cycleId },
      data: { ...sourceColumnsOf(source), importCount: { increment: 1 }, importedAt: new Date() },
    });
  }

  async recountCycles(cycleIds: readonly string[]): Promise<Map<string, CycleFigures>> {
    if (cycleIds.length === 0) return new Map();
    // The same definitions as identifyStudents: categories and § 31 flags count
    // the board's own (home) students; forwarded-in students are counted apart.
    // Every cycle is counted, also one left without results.
    const rows = await this.db.$queryRaw<FigureRow[]>`
      UPDATE identification_cycle c SET
        green_count = f.green, yellow_count = f.yellow, red_count = f.red, blue_count = f.blue,
        out_of_scope_count = f.out_of_scope, forwarded_out_count = f.forwarded_out,
        forwarded_in_count = f.forwarded_in, no_email_count = f.no_email,
        uncontacted_overdue_count = f.uncontacted_overdue
      FROM (
        SELECT
          ids.id AS cycle_id,
          count(r.student_id) FILTER (WHERE r.routing <> 'forwarded_in' AND r.category = 'green')::int AS green,
          count(r.student_id) FILTER (WHERE r.routing <> 'forwarded_in' AND r.category = 'yellow')::int AS yellow,
          count(r.student_id) FILTER (WHERE r.routing <> 'forwarded_in' AND r.category = 'red')::int AS red,
          count(r.student_id) FILTER (WHERE r.routing <> 'forwarded_in' AND r.category = 'blue')::int AS blue,
          count(r.student_id) FILTER (WHERE r.routing <> 'forwarded_in' AND r.category = 'out_of_scope')::int
            AS out_of_scope,
          count(r.student_id) FILTER (WHERE r.routing = 'forwarded_out')::int AS forwarded_out,
          count(r.student_id) FILTER (WHERE r.routing = 'forwarded_in')::int AS forwarded_in,
          count(r.student_id) FILTER (
            WHERE r.routing <> 'forwarded_in' AND r.category <> 'out_of_scope' AND s.email IS NULL)::int AS no_email,
          count(r.student_id) FILTER (
            WHERE r.routing <> 'forwarded_in' AND r.category = 'blue' AND r.mandatory_contact)::int
            AS uncontacted_overdue
        FROM unnest(${[...cycleIds]}::uuid[]) AS ids(id)
        LEFT JOIN student_result r ON r.cycle_id = ids.id
        LEFT JOIN student s ON s.id = r.student_id
        GROUP BY ids.id
      ) f
      WHERE c.id = f.cycle_id
      RETURNING c.id::text AS cycle_id, f.green, f.yellow, f.red, f.blue, f.out_of_scope, f.forwarded_out,
                f.forwarded_in, f.no_email, f.uncontacted_overdue`;
    return new Map(
      rows.map((figures) => [
        figures.cycle_id,
        {
          counts: {
            green: figures.green,
            yellow: figures.yellow,
            red: figures.red,
            blue: figures.blue,
            out_of_scope: figures.out_of_scope,
          },
          forwardedOut: figures.forwarded_out,
          forwardedIn: figures.forwarded_in,
          noEmail: figures.no_email,
          uncontactedOverdue: figures.uncontacted_overdue,
        },
      ]),
    );
  }

  async saveStagedResults(cycles: readonly BoardCycle[]): Promise<void> {
    if (!this.staging || cycles.length === 0) return;
    // Each staged student once under her home board and, when forwarded, once
    // more under the side-subject board; only the given boards' cycles take them.
    await this.db.$executeRaw`
      INSERT INTO student_result (
        cycle_id, student_id, routing, home_board_code, side_subject_board_code, category, enrolment_type,
        enrolment_status, enrolled_on, last_passed_on, ects_expected, ects_passed, ects_behind, delay_months,
        special_guidance, mandatory_contact, source_line)
      SELECT c.cycle_id::uuid, s.id, r.routing::routing, r.home_board_code, r.side_subject_board_code,
             r.category::traffic_light, replace(r.enrolment_type, '-', '_')::enrolment_type,
             r.enrolment_status::enrolment_status, r.enrolled_on, r.last_passed_on, r.ects_expected,
             r.ects_passed, r.ects_behind, r.delay_months, r.special_guidance, r.mandatory_contact, r.source_line
      FROM (
        SELECT st.*, st.home_board_code AS cycle_board,
               CASE WHEN st.forwarded_to IS NULL THEN 'own' ELSE 'forwarded_out' END AS routing
          FROM staged_student st
        UNION ALL
        SELECT st.*, st.forwarded_to AS cycle_board, 'forwarded_in' AS routing
          FROM staged_student st WHERE st.forwarded_to IS NOT NULL
      ) r
      JOIN unnest(${cycles.map((cycle) => cycle.boardCode)}::text[], ${cycles.map((cycle) => cycle.cycleId)}::text[])
        AS c(board_code, cycle_id) ON c.board_code = r.cycle_board
      JOIN student s ON s.student_number = r.student_number`;
  }

  async linkPreviousCycles(boardCodes: readonly string[]): Promise<void> {
    // Enum order is declaration order (spring < autumn), so (year, term) sorts periods.
    await this.db.$executeRaw`
      UPDATE identification_cycle c SET previous_cycle_id = (
        SELECT p.id FROM identification_cycle p
        WHERE p.board_code = c.board_code AND (p.year, p.term) < (c.year, c.term)
        ORDER BY p.year DESC, p.term DESC LIMIT 1)
      WHERE c.board_code = ANY(${[...boardCodes]}::text[])`;
  }

  async recordAudits(events: readonly AuditRecord[]): Promise<void> {
    await this.db.auditEvent.createMany({ data: events.map(auditRow) });
  }
}

// The chair reads the most urgent first.
const reviewOrder: Readonly<Record<ReviewRow['category'], number>> = {
  red: 0,
  yellow: 1,
  blue: 2,
  green: 3,
  out_of_scope: 4,
};

function sourceColumnsOf(source: CycleSource) {
  return {
    referenceDate: utcMidnightOf(source.referenceDate),
    sourceFileName: source.sourceFileName,
    sourceFileHash: source.sourceFileHash,
  };
}

const zeroFigures = {
  greenCount: 0,
  yellowCount: 0,
  redCount: 0,
  blueCount: 0,
  outOfScopeCount: 0,
  forwardedOutCount: 0,
  forwardedInCount: 0,
  noEmailCount: 0,
  uncontactedOverdueCount: 0,
};

interface FigureRow {
  cycle_id: string;
  green: number;
  yellow: number;
  red: number;
  blue: number;
  out_of_scope: number;
  forwarded_out: number;
  forwarded_in: number;
  no_email: number;
  uncontacted_overdue: number;
}

function countsOf(row: CycleRow): CategoryCounts {
  return {
    green: row.greenCount,
    yellow: row.yellowCount,
    red: row.redCount,
    blue: row.blueCount,
    out_of_scope: row.outOfScopeCount,
  };
}

function cycleRecordOf(row: CycleRow): CycleRecord {
  return {
    id: row.id,
    boardCode: row.boardCode,
    term: row.term,
    year: row.year,
    referenceDate: calendarDateOfUtc(row.referenceDate),
    sourceFileName: row.sourceFileName,
    sourceFileHash: row.sourceFileHash,
    status: row.status,
    importCount: row.importCount,
    importedAt: row.importedAt,
    mailsSentAt: row.mailsSentAt,
    counts: countsOf(row),
    forwardedOut: row.forwardedOutCount,
    forwardedIn: row.forwardedInCount,
    noEmail: row.noEmailCount,
    uncontactedOverdue: row.uncontactedOverdueCount,
  };
}
