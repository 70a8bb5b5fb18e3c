import { userInfo } from 'node:os';
import { describeDatabase, type Runtime } from '../../app/runtime.js';
import type { StudyBoard } from '../../config/institution-config.js';
import {
  confirmDispatch,
  type DispatchPlan,
  planDispatch,
  sampleMails,
} from '../../procedures/at-risk/dispatch/dispatch-cycle.js';
import type { ExclusionActor } from '../../procedures/at-risk/exclusions/exclude-students.js';
import {
  comparePeriods,
  describePeriod,
  type IdentificationPeriod,
} from '../../procedures/at-risk/identification-period.js';
import { MailTemplates } from '../../procedures/at-risk/mail/mail-templates.js';
import { maskCprShapes } from '../../security/cpr-shape.js';
import { CodedError } from '../../shared/coded-error.js';
import { PrismaDispatch } from '../../storage/prisma-dispatch.js';
import { PrismaExclusions } from '../../storage/prisma-exclusions.js';
import { parseCommandArguments } from '../arguments.js';
import { type CliCommand, type CliIo, exitCodes } from '../cli-io.js';
import { dispatchPreview, overdueSection, sendCommand } from '../format/dispatch-preview.js';
import { DispatchProgress } from '../format/dispatch-progress.js';
import { textTable } from '../format/text-table.js';
import { withOutboxSession } from '../outbox-session.js';
import { describeRuntimeConfig, withRuntime } from '../with-runtime.js';

const usage =
  'trafiklys dispatch --board CODE [--period spring-2026] [--confirm] [--confirm-excluded-overdue] [--config FILE]';

const options = {
  board: { type: 'string' },
  period: { type: 'string' },
  confirm: { type: 'boolean' },
  'confirm-excluded-overdue': { type: 'boolean' },
  config: { type: 'string' },
} as const;

/**
 * Issue 8 part 4, for operators and scripts: the chair's preview, and with
 * --confirm the dispatch itself, sent until every mail is sent or failed.
 * Run again after a crash, it resumes (the outbox queues only what is missing).
 */
export const dispatchCommand: CliCommand = {
  words: ['dispatch'],
  usage,
  summary:
    "preview a board's § 31 mails (default: its latest cycle); with --confirm send them and wait until each is sent or failed",
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(args, options, usage);
    if (positionals.length > 0) {
      io.stderr.write(`error: unexpected argument "${positionals[0]}"\nusage: ${usage}\n`);
      return exitCodes.usage;
    }
    if (!values.board) throw new CodedError('cli.usage', `--board CODE is required\nusage: ${usage}`);
    const boardCode = values.board;
    const requestedPeriod = values.period === undefined ? null : parsePeriodArgument(values.period);
    return withRuntime(io, values.config, async (runtime) => {
      const board = runtime.loadedConfig.config.boards.find((candidate) => candidate.code === boardCode);
      if (!board) {
        const known = runtime.loadedConfig.config.boards.map((candidate) => candidate.code).join(', ');
        throw new CodedError(
          'cli.usage',
          `--board: no study board "${boardCode}" in the configuration (${known})`,
        );
      }
      const period = requestedPeriod ?? (await latestPeriod(runtime, board.code));
      if (!period) {
        io.stderr.write(
          `error: no cycle stored for ${board.code} in ${describeDatabase(runtime.database)}\n`,
        );
        return exitCodes.failed;
      }
      io.stdout.write(`${describeRuntimeConfig(runtime)}\n`);
      const stores = {
        dispatch: new PrismaDispatch(runtime.database.prisma, runtime.identificationStorage),
        exclusions: new PrismaExclusions(runtime.database.prisma, runtime.identificationStorage),
      };
      const planned = await planDispatch(stores, board, period);
      if (planned.kind === 'refused') {
        io.stderr.write(
          `error: no cycle for ${board.code} in ${describePeriod(period)} in ${describeDatabase(runtime.database)}\n`,
        );
        return exitCodes.failed;
      }
      const templates = MailTemplates.fromConfig(runtime.loadedConfig.config).forBoard(board.code);
      if (!values.confirm) {
        io.stdout.write(dispatchPreview(board.code, planned.plan, sampleMails(planned.plan, templates)));
        if (planned.plan.cycle.status !== 'draft')
          io.stdout.write(`${await dispatchedState(runtime, board, planned.plan)}\n`);
        return exitCodes.ok;
      }
      const { plan } = planned;
      // § 31 stk. 2: an excluded student the university must contact is named again; the operator confirms it.
      if (
        plan.cycle.status === 'draft' &&
        plan.excludedMandatoryContact.length > 0 &&
        !values['confirm-excluded-overdue']
      ) {
        io.stderr.write(
          `error: not sent. ${overdueSection(plan.excludedMandatoryContact)}\n\nTo send: ${sendCommand(board.code, plan)}\n`,
        );
        return exitCodes.usage;
      }
      return sendDispatch(
        runtime,
        io,
        { board, period, templates, stores },
        values['confirm-excluded-overdue'] === true,
      );
    });
  },
};

/** `spring-2026` or `autumn-2025`. */
export function parsePeriodArgument(text: string): IdentificationPeriod {
  const match = /^(spring|autumn)-(\d{4})$/.exec(text.trim());
  if (!match?.[1] || !match[2])
    throw new CodedError('cli.usage', `--period: "${text}" is not a period like spring-2026 or autumn-2025`);
  return { term: match[1] === 'spring' ? 'spring' : 'autumn', year: Number(match[2]) };
}

async function latestPeriod(runtime: Runtime, boardCode: string): Promise<IdentificationPeriod | null> {
  const cycles = await runtime.identificationStorage.listCycles({ boardCode });
  const latest = cycles.sort((a, b) => comparePeriods(b, a))[0];
  return latest ? { term: latest.term, year: latest.year } : null;
}

/** The operator at the command line acts for the chair, audited under the OS user's name. */
function operator(io: CliIo): ExclusionActor {
  let name = io.env.USER ?? io.env.USERNAME;
  if (!name) {
    try {
      name = userInfo().username;
    } catch {
      name = 'unknown';
    }
  }
  return { email: null, actor: `cli:${name}`, operator: true };
}

async function dispatchedState(runtime: Runtime, board: StudyBoard, plan: DispatchPlan): Promise<string> {
  const sentAt = plan.cycle.mailsSentAt?.toISOString().slice(0, 16).replace('T', ' ');
  const outbox = await outboxCountsOf(runtime, plan.cycle.id);
  return [
    `${board.code} ${describePeriod(plan.cycle)} was dispatched${sentAt ? ` at ${sentAt} UTC` : ''}: ` +
      `${outbox.sent} sent, ${outbox.failed} failed, ${outbox.pending} pending.`,
    outbox.pending > 0 || outbox.queued < plan.mails.length
      ? `To send what is left: ${sendCommand(board.code, plan)}`
      : 'Every mail is sent or failed: trafiklys outbox lists the failed ones with their reasons.',
  ].join('\n');
}

async function outboxCountsOf(runtime: Runtime, cycleId: string) {
  const rows = await runtime.database.prisma.mailOutbox.groupBy({
    by: ['status'],
    where: { cycleId },
    _count: { _all: true },
  });
  const of = (status: string) => rows.find((row) => row.status === status)?._count._all ?? 0;
  const pending = of('pending') + of('sending');
  return { sent: of('sent'), failed: of('failed'), pending, queued: of('sent') + of('failed') + pending };
}

interface SendTarget {
  readonly board: StudyBoard;
  readonly period: IdentificationPeriod;
  readonly templates: ReturnType<MailTemplates['forBoard']>;
  readonly stores: { readonly dispatch: PrismaDispatch; readonly exclusions: PrismaExclusions };
}

async function sendDispatch(
  runtime: Runtime,
  io: CliIo,
  target: SendTarget,
  overdueConfirmed: boolean,
): Promise<number> {
  // Checked before the cycle is marked dispatched: a dispatch with no way to send is not started.
  return withOutboxSession(runtime, io, '. Nothing was sent or marked.', async (sending, stopped) => {
    const outcome = await confirmDispatch(
      {
        ...target.stores,
        outbox: sending.outbox,
        templates: target.templates,
        messageIdDomain: sending.messageIdDomain,
        now: io.now,
      },
      operator(io),
      { board: target.board, period: target.period },
      { mandatoryContactExclusionsConfirmed: overdueConfirmed },
    );
    if (outcome.kind === 'refused') {
      io.stderr.write(`error: the dispatch was refused (${outcome.reason})\n`);
      return exitCodes.failed;
    }
    if (outcome.kind === 'needs_confirmation') {
      io.stderr.write(`error: not sent. ${overdueSection(outcome.plan.excludedMandatoryContact)}\n`);
      return exitCodes.usage;
    }
    const { plan } = outcome;
    const label = `${target.board.code} ${describePeriod(target.period)}`;
    io.stdout.write(
      outcome.resumed
        ? `Resuming the dispatch of ${label}: ${outcome.newlyQueued} mails queued that were missing.\n`
        : `Dispatching ${label}: ${outcome.newlyQueued} mails queued; the cycle is now dispatched.\n`,
    );
    const progress = new DispatchProgress(io.stderr, plan.mails.length);
    const tally = await sending.drain({
      cycleId: plan.cycle.id,
      untilSettled: true,
      signal: stopped,
      onProgress: (counts) => progress.show(counts),
      onWait: (backlog) => progress.waiting(backlog),
    });
    progress.end();
    return await finalTally(runtime, io, {
      label,
      plan,
      board: target.board,
      left: tally.backlog.pending + tally.backlog.sendingElsewhere,
      tookOver: tally.tookOver,
    });
  });
}

async function finalTally(
  runtime: Runtime,
  io: CliIo,
  run: {
    readonly label: string;
    readonly plan: DispatchPlan;
    readonly board: StudyBoard;
    readonly left: number;
    readonly tookOver: number;
  },
): Promise<number> {
  const { plan } = run;
  const counts = await outboxCountsOf(runtime, plan.cycle.id);
  const sections = [
    `${run.label}: ${counts.sent} sent, ${counts.failed} failed, ${counts.pending} pending` +
      (run.tookOver > 0 ? ` (${run.tookOver} taken over from a run that died)` : '') +
      '.',
  ];
  const failed = await runtime.database.prisma.mailOutbox.findMany({
    where: { cycleId: plan.cycle.id, status: 'failed' },
    select: {
      recipient: true,
      template: true,
      problem: true,
      student: { select: { studentNumber: true, name: true } },
    },
    orderBy: { id: 'asc' },
  });
  if (failed.length > 0)
    sections.push(
      `Failed (${failed.length}): not sent; follow them up by hand.\n\n${textTable(
        ['Student', 'Name', 'Recipient', 'Template', 'Reason'],
        failed.map((mail) => [
          mail.student.studentNumber,
          mail.student.name,
          mail.recipient,
          mail.template,
          mail.problem ?? '–',
        ]),
      )}`,
    );
  if (plan.withoutEmail.length > 0)
    sections.push(
      `Without e-mail (${plan.withoutEmail.length}): no mail; follow them up by hand.\n\n${textTable(
        ['Student', 'Name', 'Category', 'Programme'],
        plan.withoutEmail.map((student) => [
          student.studentNumber,
          student.name,
          student.category,
          student.programmeName,
        ]),
      )}`,
    );
  if (run.left > 0)
    sections.push(
      `${run.left} mails are not sent yet: run ${sendCommand(run.board.code, plan)} again to go on.`,
    );
  io.stdout.write(`${sections.map(maskCprShapes).join('\n\n')}\n`);
  return run.left > 0 || counts.pending > 0 ? exitCodes.failed : exitCodes.ok;
}
