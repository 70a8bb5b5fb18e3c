import { wallTimeIn } from '../../../config/schedule-runs.js';
import type { DeviationCase as CaseRow } from '../../../generated/prisma/client.js';
import { Prisma, type PrismaClient } from '../../../generated/prisma/client.js';
import { CodedError } from '../../../shared/coded-error.js';
import { holderIsGone } from '../../../storage/instance-lease.js';
import { type CaseStepName, caseSteps, isFinal, stateAfter } from '../case-states.js';
import {
  type CaseEvent,
  type CaseEventKind,
  type CasePerson,
  caseEventKinds,
  type DeviationCase,
  type DeviationState,
} from '../deviation-case.js';
import type { CatalogueCourse } from '../unit-directory.js';
import type {
  CaseChange,
  CaseFilter,
  DeviationStore,
  Exchange,
  ExchangeKind,
  NewReport,
  Notice,
  StepResult,
  Timer,
  TimerKey,
  TimerKind,
} from './deviation-store.js';

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** The deviation tables (see the deviations migration), behind the procedure's storage port. */
export class PrismaDeviationStore implements DeviationStore {
  constructor(
    private readonly prisma: PrismaClient,
    /** This instance's lease id: the timers it claims name it (see InstanceLease). */
    private readonly holder: string,
    /** The institution's: a case received at 00:30 on 1 January in Oslo is numbered in the new year. */
    private readonly timeZone = 'UTC',
  ) {}

  async file(report: NewReport): Promise<{ deviation: DeviationCase; created: boolean }> {
    const earlier = await this.prisma.deviationCase.findUnique({
      where: { submissionKey: report.submissionKey },
    });
    if (earlier !== null) return { deviation: caseOf(earlier), created: false };
    try {
      const row = await this.prisma.$transaction(async (tx) => {
        const number = await nextCaseNumber(tx, wallTimeIn(report.receivedAt, this.timeZone).year);
        const created = await tx.deviationCase.create({
          data: {
            number,
            state: stateAfter('file', null),
            category: report.category,
            unitKind: report.unit.kind,
            unitCode: report.unit.code,
            facultyCode: report.unit.facultyCode,
            departmentCode: report.unit.departmentCode,
            whereWhen: report.whereWhen,
            description: report.description,
            reporterRole: report.reporter.role,
            reporterEmail: report.reporter.email,
            reporterName: report.reporter.name,
            reporterSurface: report.reporter.surface,
            reporterLanguage: report.reporter.language,
            receivedAt: report.receivedAt,
            deadlineAt: report.dates.deadlineAt,
            submissionKey: report.submissionKey,
          },
        });
        await tx.deviationTimer.createMany({
          data: [
            { caseId: created.id, kind: 'preliminary_reminder', dueAt: report.dates.reminderDueAt },
            { caseId: created.id, kind: 'overdue_escalation', dueAt: report.dates.escalationDueAt },
          ],
        });
        await tx.deviationEvent.create({
          data: {
            caseId: created.id,
            kind: caseSteps.file.event,
            actorEmail: report.reporter.email,
            actorName: report.reporter.name,
            occurredAt: report.receivedAt,
            details: {
              category: report.category,
              unit: `${report.unit.kind}:${report.unit.code}`,
              ...(report.guardOverridden ? { guardOverridden: true } : {}),
            },
          },
        });
        return created;
      });
      return { deviation: caseOf(row), created: true };
    } catch (error) {
      // The same form submitted twice at once: the other submission filed it.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        const filed = await this.prisma.deviationCase.findUnique({
          where: { submissionKey: report.submissionKey },
        });
        if (filed !== null) return { deviation: caseOf(filed), created: false };
      }
      throw error;
    }
  }

  async find(caseId: string): Promise<DeviationCase | null> {
    if (!isUuid(caseId)) return null;
    const row = await this.prisma.deviationCase.findUnique({ where: { id: caseId } });
    return row === null ? null : caseOf(row);
  }

  async findByNumber(number: string): Promise<DeviationCase | null> {
    const row = await this.prisma.deviationCase.findUnique({ where: { number } });
    return row === null ? null : caseOf(row);
  }

  async step(caseId: string, step: CaseStepName, actor: CasePerson, change: CaseChange): Promise<StepResult> {
    if (!isUuid(caseId)) throw new CodedError('deviation.not_found', `No case has the id "${caseId}".`);
    return this.prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM deviation_case WHERE id = ${caseId}::uuid FOR UPDATE`;
      if (locked.length === 0) throw new CodedError('deviation.not_found', `No case has the id "${caseId}".`);
      const before = await tx.deviationCase.findUniqueOrThrow({ where: { id: caseId } });
      if (change.expectedVersion !== undefined && change.expectedVersion !== before.version) {
        throw new CodedError('deviation.stale', `Case ${before.number} changed since it was shown.`);
      }
      const state = stateAfter(step, before.state);
      const data: Prisma.DeviationCaseUpdateInput = {
        state,
        version: { increment: 1 },
        ...(change.facultyCode === undefined ? {} : { facultyCode: change.facultyCode }),
        ...(change.handler === undefined
          ? {}
          : { handlerEmail: change.handler.email, handlerName: change.handler.name }),
        ...(change.sensitive === undefined ? {} : { sensitive: change.sensitive }),
        ...(change.preliminaryReplyAt === undefined ? {} : { preliminaryReplyAt: change.preliminaryReplyAt }),
        ...(change.causes === undefined ? {} : { causes: change.causes }),
        ...(change.measures === undefined ? {} : { measures: change.measures }),
        ...(change.outcome === undefined ? {} : { outcome: change.outcome }),
        ...(change.reason === undefined ? {} : { reason: change.reason }),
        ...(change.closedAt === undefined ? {} : { closedAt: change.closedAt }),
        ...(change.textPurgeAfter === undefined ? {} : { textPurgeAfter: change.textPurgeAfter }),
        ...(change.removeText ? { description: null, whereWhen: null, textPurgeAfter: null } : {}),
      };
      const after = await tx.deviationCase.update({ where: { id: caseId }, data });
      const exchangeIds: string[] = [];
      const newExchanges = [
        ...(change.newExchange === undefined ? [] : [change.newExchange]),
        ...(change.newExchanges ?? []),
      ];
      for (const newExchange of newExchanges) {
        const exchange = await tx.deviationExchange.create({
          data: {
            caseId,
            kind: newExchange.kind,
            askedByEmail: newExchange.askedByEmail,
            addressee: newExchange.addressee,
            text: newExchange.text,
            dueDate: newExchange.dueDate === null ? null : new Date(`${newExchange.dueDate}T00:00:00Z`),
            askedAt: newExchange.askedAt,
          },
        });
        exchangeIds.push(exchange.id);
      }
      let exchangeId: string | null = exchangeIds[0] ?? null;
      if (change.answer !== undefined) {
        // Once: a second answer (a double click) finds the exchange answered and changes nothing.
        const answered = await tx.deviationExchange.updateMany({
          where: { id: change.answer.exchangeId, caseId, answer: null },
          data: { answer: change.answer.answer, answeredAt: change.answer.answeredAt },
        });
        if (answered.count === 0) {
          throw new CodedError(
            'deviation.step_refused',
            `That question of case ${before.number} is already answered.`,
          );
        }
        exchangeId = change.answer.exchangeId;
      }
      const stopped: TimerKind[] = isFinal(state)
        ? ['preliminary_reminder', 'overdue_escalation']
        : [...(change.cancelTimers ?? [])];
      if (stopped.length > 0) {
        await tx.deviationTimer.updateMany({
          where: { caseId, kind: { in: stopped }, status: 'pending' },
          data: { status: 'cancelled' },
        });
      }
      const kinds: CaseEventKind[] = [caseSteps[step].event, ...(change.alsoRecord ?? [])];
      for (const kind of kinds) {
        await tx.deviationEvent.create({
          data: {
            caseId,
            kind,
            actorEmail: actor.email,
            actorName: actor.name,
            ...(change.occurredAt === undefined ? {} : { occurredAt: change.occurredAt }),
            details: { ...(change.details ?? {}), ...(exchangeId === null ? {} : { exchangeId }) },
          },
        });
      }
      return { deviation: caseOf(after), previous: caseOf(before), exchangeId, exchangeIds };
    });
  }

  async history(caseId: string): Promise<CaseEvent[]> {
    if (!isUuid(caseId)) return [];
    const rows = await this.prisma.deviationEvent.findMany({
      where: { caseId },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map((row) => ({
      caseId: row.caseId,
      kind: eventKindOf(row.kind),
      actor: { email: row.actorEmail, name: row.actorName },
      occurredAt: row.occurredAt,
      details: plainDetails(row.details),
    }));
  }

  async casesOfReporter(email: string): Promise<DeviationCase[]> {
    const rows = await this.prisma.deviationCase.findMany({
      where: { reporterEmail: { equals: email, mode: 'insensitive' } },
      orderBy: { receivedAt: 'desc' },
    });
    return rows.map(caseOf);
  }

  async cases(filter: CaseFilter): Promise<DeviationCase[]> {
    const rows = await this.prisma.deviationCase.findMany({
      where: {
        ...(filter.facultyCode === null ? {} : { facultyCode: filter.facultyCode }),
        receivedAt: {
          ...(filter.receivedFrom === undefined ? {} : { gte: filter.receivedFrom }),
          ...(filter.receivedBefore === undefined ? {} : { lt: filter.receivedBefore }),
        },
      },
      orderBy: { receivedAt: 'asc' },
    });
    return rows.map(caseOf);
  }

  async exchanges(caseId: string): Promise<Exchange[]> {
    if (!isUuid(caseId)) return [];
    const rows = await this.prisma.deviationExchange.findMany({
      where: { caseId },
      orderBy: { askedAt: 'asc' },
    });
    return rows.map(exchangeOf);
  }

  async exchange(exchangeId: string): Promise<Exchange | null> {
    if (!isUuid(exchangeId)) return null;
    const row = await this.prisma.deviationExchange.findUnique({ where: { id: exchangeId } });
    return row === null ? null : exchangeOf(row);
  }

  async dueTimers(now: Date, limit: number): Promise<TimerKey[]> {
    const rows = await this.prisma.$queryRaw<{ case_id: string; kind: string }[]>`
      SELECT case_id::text AS case_id, kind FROM deviation_timer
      WHERE due_at <= ${now}
        AND (status = 'pending' OR (status = 'claimed' AND ${holderIsGone(Prisma.raw('deviation_timer.holder'))}))
      ORDER BY due_at, case_id, kind
      LIMIT ${limit}`;
    return rows.map((row) => ({ caseId: row.case_id, kind: timerKindOf(row.kind) }));
  }

  async claimTimer(timer: TimerKey, now: Date): Promise<boolean> {
    const claimed = await this.prisma.$executeRaw`
      UPDATE deviation_timer SET status = 'claimed', holder = ${this.holder}, claimed_at = ${now}
      WHERE case_id = ${timer.caseId}::uuid AND kind = ${timer.kind} AND due_at <= ${now}
        AND (status = 'pending' OR (status = 'claimed' AND ${holderIsGone(Prisma.raw('deviation_timer.holder'))}))`;
    return claimed === 1;
  }

  async timerFired(timer: TimerKey, now: Date): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE deviation_timer SET status = 'fired', fired_at = ${now}
      WHERE case_id = ${timer.caseId}::uuid AND kind = ${timer.kind} AND status = 'claimed' AND holder = ${this.holder}`;
  }

  async releaseTimer(timer: TimerKey): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE deviation_timer SET status = 'pending', holder = NULL, claimed_at = NULL
      WHERE case_id = ${timer.caseId}::uuid AND kind = ${timer.kind} AND status = 'claimed' AND holder = ${this.holder}`;
  }

  async timerSkipped(timer: TimerKey): Promise<void> {
    await this.prisma.$executeRaw`
      UPDATE deviation_timer SET status = 'cancelled'
      WHERE case_id = ${timer.caseId}::uuid AND kind = ${timer.kind} AND status = 'claimed' AND holder = ${this.holder}`;
  }

  async casesWithExpiredText(now: Date): Promise<string[]> {
    const rows = await this.prisma.deviationCase.findMany({
      where: { state: 'redirected', description: { not: null }, textPurgeAfter: { lte: now } },
      select: { id: true },
      orderBy: { textPurgeAfter: 'asc' },
    });
    return rows.map((row) => row.id);
  }

  async timers(caseId: string): Promise<Timer[]> {
    if (!isUuid(caseId)) return [];
    const rows = await this.prisma.deviationTimer.findMany({ where: { caseId }, orderBy: { dueAt: 'asc' } });
    return rows.map((row) => ({
      caseId: row.caseId,
      kind: timerKindOf(row.kind),
      dueAt: row.dueAt,
      status: timerStatusOf(row.status),
      firedAt: row.firedAt,
    }));
  }

  async saveNotice(notice: Notice): Promise<void> {
    const key = {
      caseId: notice.caseId,
      purpose: notice.purpose,
      recipientEmail: notice.recipientEmail,
      surface: notice.surface,
    };
    await this.prisma.deviationNotice.upsert({
      where: { caseId_purpose_recipientEmail_surface: key },
      create: { ...key, conversationId: notice.conversationId, messageIds: [...notice.messageIds] },
      update: { conversationId: notice.conversationId, messageIds: [...notice.messageIds] },
    });
  }

  async notices(caseId: string, purpose: string): Promise<Notice[]> {
    if (!isUuid(caseId)) return [];
    const rows = await this.prisma.deviationNotice.findMany({
      where: { caseId, purpose },
      orderBy: { postedAt: 'asc' },
    });
    return rows.map((row) => ({
      caseId: row.caseId,
      purpose: row.purpose,
      recipientEmail: row.recipientEmail,
      surface: surfaceOf(row.surface),
      conversationId: row.conversationId,
      messageIds: row.messageIds,
    }));
  }

  async replaceCatalogue(courses: readonly CatalogueCourse[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.deviationCourse.deleteMany({}),
      this.prisma.deviationCourse.createMany({
        data: courses.map((course) => ({
          code: course.code,
          name: course.name,
          facultyCode: course.facultyCode,
          departmentCode: course.departmentCode,
        })),
      }),
    ]);
  }

  async catalogueVersion(): Promise<string> {
    const [row] = await this.prisma.$queryRaw<{ courses: bigint; imported: Date | null }[]>`
      SELECT count(*) AS courses, max(imported_at) AS imported FROM deviation_course`;
    return `${row?.courses ?? 0}@${row?.imported?.toISOString() ?? '-'}`;
  }

  async catalogue(): Promise<CatalogueCourse[]> {
    const rows = await this.prisma.deviationCourse.findMany({ orderBy: { code: 'asc' } });
    return rows.map((row) => ({
      code: row.code,
      name: row.name,
      facultyCode: row.facultyCode,
      departmentCode: row.departmentCode,
    }));
  }
}

/** `2026-0042`: the year of receipt and the year's next number. */
async function nextCaseNumber(tx: Transaction, year: number): Promise<string> {
  const [row] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO deviation_case_number (year, last) VALUES (${year}, 1)
    ON CONFLICT (year) DO UPDATE SET last = deviation_case_number.last + 1
    RETURNING last`;
  if (row === undefined) throw new Error('deviation_case_number returned no row');
  return `${year}-${String(row.last).padStart(4, '0')}`;
}

function caseOf(row: CaseRow): DeviationCase {
  return {
    id: row.id,
    number: row.number,
    state: row.state satisfies DeviationState,
    category: row.category,
    unit: { kind: row.unitKind === 'programme' ? 'programme' : 'course', code: row.unitCode },
    facultyCode: row.facultyCode,
    whereWhen: row.whereWhen,
    description: row.description,
    reporter: {
      email: row.reporterEmail,
      name: row.reporterName,
      role: row.reporterRole,
      surface: surfaceOf(row.reporterSurface),
      language: row.reporterLanguage,
    },
    sensitive: row.sensitive,
    handler:
      row.handlerEmail === null
        ? null
        : { email: row.handlerEmail, name: row.handlerName ?? row.handlerEmail },
    receivedAt: row.receivedAt,
    deadlineAt: row.deadlineAt,
    preliminaryReplyAt: row.preliminaryReplyAt,
    causes: row.causes,
    measures: row.measures,
    outcome: row.outcome,
    reason: row.reason,
    closedAt: row.closedAt,
    textPurgeAfter: row.textPurgeAfter,
    version: row.version,
  };
}

function exchangeOf(row: {
  id: string;
  caseId: string;
  kind: string;
  askedByEmail: string;
  addressee: string;
  text: string;
  dueDate: Date | null;
  askedAt: Date;
  answer: string | null;
  answeredAt: Date | null;
}): Exchange {
  return {
    id: row.id,
    caseId: row.caseId,
    kind: exchangeKindOf(row.kind),
    askedByEmail: row.askedByEmail,
    addressee: row.addressee,
    text: row.text,
    dueDate: row.dueDate === null ? null : row.dueDate.toISOString().slice(0, 10),
    askedAt: row.askedAt,
    answer: row.answer,
    answeredAt: row.answeredAt,
  };
}

// The columns below are CHECKed by the database; reading them back narrows the type.
function surfaceOf(value: string): 'slack' | 'teams' | 'console' {
  if (value === 'slack' || value === 'teams' || value === 'console') return value;
  throw new Error(`deviation row names an unknown surface "${value}"`);
}

function exchangeKindOf(value: string): ExchangeKind {
  if (value === 'question' || value === 'comments' || value === 'reply') return value;
  throw new Error(`deviation_exchange names an unknown kind "${value}"`);
}

function timerKindOf(value: string): TimerKind {
  if (value === 'preliminary_reminder' || value === 'overdue_escalation') return value;
  throw new Error(`deviation_timer names an unknown kind "${value}"`);
}

function timerStatusOf(value: string): Timer['status'] {
  if (value === 'pending' || value === 'claimed' || value === 'fired' || value === 'cancelled') return value;
  throw new Error(`deviation_timer has an unknown status "${value}"`);
}

function eventKindOf(value: string): CaseEventKind {
  const kind = caseEventKinds.find((candidate) => candidate === value);
  if (kind === undefined) throw new Error(`deviation_event names an unknown kind "${value}"`);
  return kind;
}

function plainDetails(value: Prisma.JsonValue): CaseEvent['details'] {
  const details: Record<string, string | number | boolean | null> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return details;
  for (const [key, entry] of Object.entries(value)) {
    if (
      entry === null ||
      typeof entry === 'string' ||
      typeof entry === 'number' ||
      typeof entry === 'boolean'
    )
      details[key] = entry;
  }
  return details;
}

function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
