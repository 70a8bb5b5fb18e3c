import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import type {
  AtRiskMailDraft,
  AtRiskMailTemplate,
} from '../../src/procedures/at-risk/dispatch/outbox-mail.js';

export interface StudentOfCycle {
  readonly id: string;
  readonly studentNumber: string;
  readonly email: string;
}

export interface CycleWithStudents {
  readonly cycleId: string;
  readonly boardCode: string;
  readonly students: readonly StudentOfCycle[];
}

/**
 * A study board's cycle with `count` students (and the faculty and board it
 * needs, made when missing), straight through the Prisma client: the outbox
 * tests need the rows its foreign keys point at, not an import.
 */
export async function aCycleWithStudents(
  prisma: PrismaClient,
  options: {
    readonly count: number;
    readonly boardCode?: string;
    readonly period?: { readonly term: 'spring' | 'autumn'; readonly year: number };
  },
): Promise<CycleWithStudents> {
  const boardCode = options.boardCode ?? 'SN-MAIL';
  const period = options.period ?? { term: 'spring', year: 2026 };
  await prisma.faculty.upsert({
    where: { code: 'FAC' },
    create: { code: 'FAC', name: 'Faculty' },
    update: {},
  });
  await prisma.studyBoard.upsert({
    where: { code: boardCode },
    create: {
      code: boardCode,
      name: `Study board ${boardCode}`,
      facultyCode: 'FAC',
      chairEmail: `chair.${boardCode.toLowerCase()}@uni.example`,
      secretaryEmail: `secretary.${boardCode.toLowerCase()}@uni.example`,
      delegateEmails: [],
      consoleChannel: boardCode.toLowerCase(),
    },
    update: {},
  });
  const cycle = await prisma.identificationCycle.create({
    data: {
      boardCode,
      term: period.term,
      year: period.year,
      referenceDate: new Date(`${period.year}-${period.term === 'spring' ? '04' : '10'}-06T00:00:00Z`),
      sourceFileName: 'export.csv',
      sourceFileHash: 'f'.repeat(64),
      status: 'dispatched',
      greenCount: 0,
      yellowCount: 0,
      redCount: options.count,
      blueCount: 0,
      outOfScopeCount: 0,
      forwardedOutCount: 0,
      forwardedInCount: 0,
      noEmailCount: 0,
      uncontactedOverdueCount: 0,
    },
  });
  const tag = randomUUID().slice(0, 8);
  const students = Array.from({ length: options.count }, (_, index) => {
    const studentNumber = `S${tag}-${String(index + 1).padStart(4, '0')}`;
    return { id: randomUUID(), studentNumber, email: `${studentNumber.toLowerCase()}@student.example` };
  });
  await prisma.student.createMany({
    data: students.map((student, index) => ({
      id: student.id,
      studentNumber: student.studentNumber,
      name: `Student ${index + 1}`,
      email: student.email,
      programmeCode: 'PRG',
      programmeName: 'Programme',
      language: index % 2 === 0 ? 'da' : 'en',
    })),
  });
  return { cycleId: cycle.id, boardCode, students };
}

/** One rendered mail per student, as the dispatch would queue them (no CPR, like the real templates). */
export function mailDraftsFor(
  cycle: CycleWithStudents,
  template: AtRiskMailTemplate = 'red',
): AtRiskMailDraft[] {
  return cycle.students.map((student, index) => ({
    cycleId: cycle.cycleId,
    studentId: student.id,
    template,
    recipient: student.email,
    language: index % 2 === 0 ? 'da' : 'en',
    subject:
      index % 2 === 0
        ? 'Tilbud om en samtale om dit studieforløb'
        : 'An offer of a meeting about your studies',
    text: `Dear student ${index + 1},\n\nWe offer you an individual meeting (§ 31 stk. 2).\n`,
    html: `<p>Dear student ${index + 1},</p><p>We offer you an individual meeting (§ 31 stk. 2).</p>`,
  }));
}
