import { z } from 'zod';
import { Prisma, type PrismaClient } from '../generated/prisma/client.js';
import { journalProblemCodes } from '../procedures/at-risk/journal/journal-case.js';
import type {
  JournalCaseProblem,
  JournalCaseRecord,
  JournalCaseStore,
} from '../procedures/at-risk/journal/journal-case-store.js';
import { holderIsGone } from './instance-lease.js';

type JournalCaseRow = Prisma.JournalCaseGetPayload<object>;

const kindSchema = z.enum(['student', 'collective']);
const statusSchema = z.enum(['pending', 'filed', 'failed']);
const problemCodeSchema = z.enum(journalProblemCodes);

/**
 * The journal_case table: one row per case of a cycle, registered before it
 * is filed. A claim is held by `holder` (this instance, see InstanceLease)
 * while the case is being filed, and ends with that instance.
 */
export class PrismaJournalCases implements JournalCaseStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly holder: string,
  ) {}

  async register(
    cycleId: string,
    cases: readonly { readonly caseKey: string; readonly kind: 'student' | 'collective' }[],
    now: Date,
  ): Promise<ReadonlyMap<string, Date>> {
    await this.prisma.journalCase.createMany({
      data: cases.map(({ caseKey, kind }) => ({ cycleId, caseKey, kind, createdAt: now })),
      skipDuplicates: true,
    });
    const rows = await this.prisma.journalCase.findMany({
      where: { cycleId },
      select: { caseKey: true, createdAt: true },
    });
    return new Map(rows.map((row) => [row.caseKey, row.createdAt]));
  }

  async claim(cycleId: string, caseKey: string, now: Date): Promise<'claimed' | 'filed' | 'held'> {
    const claimed = await this.prisma.$executeRaw`
      UPDATE journal_case SET holder = ${this.holder}, claimed_at = ${now}, attempts = attempts + 1
      WHERE cycle_id = ${cycleId}::uuid AND case_key = ${caseKey}
        AND status IN ('pending', 'failed')
        AND (holder IS NULL OR ${holderIsGone(Prisma.raw('journal_case.holder'))})`;
    if (claimed === 1) return 'claimed';
    const row = await this.prisma.journalCase.findUnique({
      where: { cycleId_caseKey: { cycleId, caseKey } },
      select: { status: true },
    });
    if (!row) throw new Error(`journal case ${caseKey} of cycle ${cycleId} is not registered`);
    return row.status === 'filed' ? 'filed' : 'held';
  }

  async recordFiled(cycleId: string, caseKey: string, now: Date): Promise<void> {
    await this.prisma.journalCase.update({
      where: { cycleId_caseKey: { cycleId, caseKey } },
      data: { status: 'filed', holder: null, filedAt: now, problemCode: null, problem: null },
    });
  }

  async recordFailed(cycleId: string, caseKey: string, problem: JournalCaseProblem): Promise<void> {
    // Another instance that took the case over may have filed it meanwhile: that stands.
    await this.prisma.journalCase.updateMany({
      where: { cycleId, caseKey, status: { not: 'filed' } },
      data: { status: 'failed', holder: null, problemCode: problem.code, problem: problem.message },
    });
  }

  async forCycle(cycleId: string): Promise<JournalCaseRecord[]> {
    const rows = await this.prisma.journalCase.findMany({
      where: { cycleId },
      orderBy: [{ createdAt: 'asc' }, { caseKey: 'asc' }],
    });
    return rows.map(recordOf);
  }
}

function recordOf(row: JournalCaseRow): JournalCaseRecord {
  return {
    cycleId: row.cycleId,
    caseKey: row.caseKey,
    kind: kindSchema.parse(row.kind),
    status: statusSchema.parse(row.status),
    attempts: row.attempts,
    createdAt: row.createdAt,
    filedAt: row.filedAt,
    problem:
      row.problemCode === null
        ? null
        : { code: problemCodeSchema.parse(row.problemCode), message: row.problem ?? '' },
  };
}
