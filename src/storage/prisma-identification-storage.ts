import type { Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { IdentificationPeriod } from '../procedures/at-risk/identification-period.js';
import type {
  AuditRecord,
  CycleComparison,
  CycleFigures,
  CycleRecord,
  CycleSource,
  IdentificationStorage,
  IdentificationStore,
  NewCycle,
  ResultRecord,
  ReviewRow,
  StudentRecord,
} from '../procedures/at-risk/identification-store.js';
import type { CategoryCounts } from '../procedures/at-risk/identify-students.js';
import { calendarDateOfUtc, utcMidnightOf } from '../shared/calendar-date.js';

type Queryable = Pick<PrismaClient, '$queryRaw' | '$executeRaw' | 'identificationCycle' | 'auditEvent'>;
type CycleRow = Prisma.IdentificationCycleGetPayload<object>;

/**
 * The at-risk procedure's storage on Prisma. Bulk writes (students, results)
 * are one set-based statement each (`INSERT … SELECT FROM unnest(…)`), since
 * row-by-row or createMany costs seconds per 20,000 rows. Every array is sent
 * as text[] and cast in SQL, which behaves the same on PGlite and PostgreSQL.
 */
export class PrismaIdentificationStorage implements IdentificationStorage {
  constructor(private readonly prisma: PrismaClient) {}

  transaction<T>(work: (store: IdentificationStore) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => work(new PrismaIdentificationStore(tx)));
  }

  async listCycles(filter: { boardCode?: string }): Promise<CycleRecord[]> {
    const rows = await this.prisma.identificationCycle.findMany({
      where: filter.boardCode ? { boardCode: filter.boardCode } : {},
      orderBy: [{ boardCode: 'asc' }, { year: 'desc' }, { term: 'desc' }],
    });
    return rows.map(cycleRecordOf);
  }

  async findCycle(boardCode: string, period: IdentificationPeriod): Promise<CycleRecord | null> {
    return new PrismaIdentificationStore(this.prisma).findCycle(boardCode, period);
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
        student: { select: { studentNumber: true, name: true, email: true, programmeName: true } },
      },
    });
    return rows
      .map((row) => ({
        studentNumber: row.student.studentNumber,
        name: row.student.name,
        email: row.student.email,
        programmeName: row.student.programmeName,
        category: row.category,
        ectsBehind: row.ectsBehind.toNumber(),
        delayMonths: row.delayMonths.toNumber(),
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
  constructor(private readonly db: Queryable) {}

  async findCycle(boardCode: string, period: IdentificationPeriod): Promise<CycleRecord | null> {
    const row = await this.db.identificationCycle.findUnique({
      where: { boardCode_term_year: { boardCode, term: period.term, year: period.year } },
    });
    return row ? cycleRecordOf(row) : null;
  }

  async saveStudents(students: readonly StudentRecord[]): Promise<void> {
    if (students.length === 0) return;
    const column = <T>(pick: (student: StudentRecord) => T) => students.map(pick);
    // A file without CPR numbers keeps the ones stored from an earlier file.
    await this.db.$executeRaw`
      INSERT INTO student (student_number, name, email, programme_code, programme_name, language, cpr_encrypted, updated_at)
      SELECT u.student_number, u.name, u.email, u.programme_code, u.programme_name, u.language::teaching_language,
             decode(u.cpr_encrypted, 'base64'), now()
      FROM unnest(
        ${column((s) => s.studentNumber)}::text[], ${column((s) => s.name)}::text[], ${column((s) => s.email)}::text[],
        ${column((s) => s.programmeCode)}::text[], ${column((s) => s.programmeName)}::text[],
        ${column((s) => s.language)}::text[],
        ${column((s) => (s.cprEncrypted ? Buffer.from(s.cprEncrypted).toString('base64') : null))}::text[]
      ) AS u(student_number, name, email, programme_code, programme_name, language, cpr_encrypted)
      ON CONFLICT (student_number) DO UPDATE SET
        name = EXCLUDED.name,
        email = EXCLUDED.email,
        programme_code = EXCLUDED.programme_code,
        programme_name = EXCLUDED.programme_name,
        language = EXCLUDED.language,
        cpr_encrypted = COALESCE(EXCLUDED.cpr_encrypted, student.cpr_encrypted),
        updated_at = now()`;
  }

  async createCycle(cycle: NewCycle): Promise<string> {
    const row = await this.db.identificationCycle.create({
      data: {
        ...sourceColumnsOf(cycle),
        ...zeroFigures,
        boardCode: cycle.boardCode,
        term: cycle.period.term,
        year: cycle.period.year,
      },
      select: { id: true },
    });
    return row.id;
  }

  async replaceResults(cycleId: string, source: CycleSource, homeBoards: readonly string[]): Promise<void> {
    await this.db.$executeRaw`
      DELETE FROM student_result WHERE cycle_id = ${cycleId}::uuid AND home_board_code = ANY(${[...homeBoards]}::text[])`;
    await this.db.identificationCycle.update({
      where: { id: cycleId },
      data: { ...sourceColumnsOf(source), importCount: { increment: 1 }, importedAt: new Date() },
    });
  }

  async recountCycle(cycleId: string): Promise<CycleFigures> {
    // The same definitions as identifyStudents: categories and § 31 flags count
    // the board's own (home) students; forwarded-in students are counted apart.
    const [figures] = await this.db.$queryRaw<FigureRow[]>`
      UPDATE identification_cycle c SET
        green_count = f.green, yellow_count = f.yellow, red_count = f.red, blue_count = f.blue,
        out_of_scope_count = f.out_of_scope, forwarded_out_count = f.forwarded_out,
        forwarded_in_count = f.forwarded_in, no_email_count = f.no_email,
        uncontacted_overdue_count = f.uncontacted_overdue
      FROM (
        SELECT
          count(*) FILTER (WHERE r.routing <> 'forwarded_in' AND r.category = 'green')::int AS green,
          count(*) FILTER (WHERE r.routing <> 'forwarded_in' AND r.category = 'yellow')::int AS yellow,
          count(*) FILTER (WHERE r.routing <> 'forwarded_in' AND r.category = 'red')::int AS red,
          count(*) FILTER (WHERE r.routing <> 'forwarded_in' AND r.category = 'blue')::int AS blue,
          count(*) FILTER (WHERE r.routing <> 'forwarded_in' AND r.category = 'out_of_scope')::int AS out_of_scope,
          count(*) FILTER (WHERE r.routing = 'forwarded_out')::int AS forwarded_out,
          count(*) FILTER (WHERE r.routing = 'forwarded_in')::int AS forwarded_in,
          count(*) FILTER (WHERE r.routing <> 'forwarded_in' AND r.category <> 'out_of_scope' AND s.email IS NULL)::int
            AS no_email,
          count(*) FILTER (WHERE r.routing <> 'forwarded_in' AND r.category = 'blue' AND r.mandatory_contact)::int
            AS uncontacted_overdue
        FROM student_result r JOIN student s ON s.id = r.student_id
        WHERE r.cycle_id = ${cycleId}::uuid
      ) f
      WHERE c.id = ${cycleId}::uuid
      RETURNING f.green, f.yellow, f.red, f.blue, f.out_of_scope, f.forwarded_out, f.forwarded_in, f.no_email,
                f.uncontacted_overdue`;
    if (!figures) throw new Error(`no identification cycle ${cycleId}`);
    return {
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
    };
  }

  async saveResults(results: readonly ResultRecord[]): Promise<void> {
    if (results.length === 0) return;
    const column = <T>(pick: (result: ResultRecord) => T) => results.map(pick);
    const text = (value: number) => String(value);
    await this.db.$executeRaw`
      INSERT INTO student_result (
        cycle_id, student_id, routing, home_board_code, side_subject_board_code, category, enrolment_type,
        enrolment_status, enrolled_on, last_passed_on, ects_expected, ects_passed, ects_behind, delay_months,
        special_guidance, mandatory_contact, source_line)
      SELECT u.cycle_id::uuid, s.id, u.routing::routing, u.home_board_code, u.side_subject_board_code,
             u.category::traffic_light, replace(u.enrolment_type, '-', '_')::enrolment_type,
             u.enrolment_status::enrolment_status, u.enrolled_on::date, u.last_passed_on::date,
             u.ects_expected::numeric, u.ects_passed::numeric, u.ects_behind::numeric, u.delay_months::numeric,
             u.special_guidance::boolean, u.mandatory_contact::boolean, u.source_line::integer
      FROM unnest(
        ${column((r) => r.cycleId)}::text[], ${column((r) => r.studentNumber)}::text[],
        ${column((r) => r.routing)}::text[], ${column((r) => r.homeBoardCode)}::text[],
        ${column((r) => r.sideSubjectBoardCode)}::text[], ${column((r) => r.category)}::text[],
        ${column((r) => r.enrolmentType)}::text[], ${column((r) => r.enrolmentStatus)}::text[],
        ${column((r) => r.enrolledOn)}::text[], ${column((r) => r.lastPassedOn)}::text[],
        ${column((r) => text(r.ectsExpected))}::text[], ${column((r) => text(r.ectsPassed))}::text[],
        ${column((r) => text(r.ectsBehind))}::text[], ${column((r) => text(r.delayMonths))}::text[],
        ${column((r) => String(r.specialGuidance))}::text[], ${column((r) => String(r.mandatoryContact))}::text[],
        ${column((r) => String(r.sourceLine))}::text[]
      ) AS u(cycle_id, student_number, routing, home_board_code, side_subject_board_code, category, enrolment_type,
             enrolment_status, enrolled_on, last_passed_on, ects_expected, ects_passed, ects_behind, delay_months,
             special_guidance, mandatory_contact, source_line)
      JOIN student s ON s.student_number = u.student_number`;
  }

  async linkPreviousCycles(boardCode: string): Promise<void> {
    // Enum order is declaration order (spring < autumn), so (year, term) sorts periods.
    await this.db.$executeRaw`
      UPDATE identification_cycle c SET previous_cycle_id = (
        SELECT p.id FROM identification_cycle p
        WHERE p.board_code = c.board_code AND (p.year, p.term) < (c.year, c.term)
        ORDER BY p.year DESC, p.term DESC LIMIT 1)
      WHERE c.board_code = ${boardCode}`;
  }

  async recordAudit(event: AuditRecord): Promise<void> {
    await this.db.auditEvent.create({
      data: {
        actor: event.actor,
        action: event.action,
        boardCode: event.boardCode,
        cycleId: event.cycleId,
        details: { ...event.details },
      },
    });
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
