import { nameIn } from '../../../../config/institution-config.js';
import { wallTimeIn } from '../../../../config/schedule-runs.js';
import type { Translator } from '../../../../i18n/translator.js';
import type { Message } from '../../../../messages/message-model.js';
import { isFinal } from '../../case-states.js';
import { botActor, type DeviationCase } from '../../deviation-case.js';
import type { DeviationDependencies } from '../../deviation-dependencies.js';
import { openCaseActionId } from '../../presenters/handler-notice.js';
import { dayText } from '../../presenters/instant-text.js';
import type { TimerKey } from '../../storage/deviation-store.js';
import { tellPerson } from '../../tell-person.js';
import type { UnitDirectory } from '../../unit-directory.js';

/** What one run of the timers did, in counts (a job summary holds no personal data). */
export interface TimersReport {
  readonly reminded: number;
  readonly escalated: number;
  /** Timers whose case had moved on (closed, or a preliminary reply sent). */
  readonly skipped: number;
  /** Timers whose messages failed; they are tried again at the next run. */
  readonly failed: number;
  /** Claimed by another instance at the same moment. */
  readonly takenElsewhere: number;
}

/** How many due timers one run takes on; the next run (minutes later) takes the rest. */
const timersPerRun = 200;

/**
 * Fires the timers that are due: three weeks after receipt without a
 * preliminary reply, the handler (or, with nobody assigned, the report
 * owners) is reminded; once the deadline has passed, the line managers over
 * the unit are told (forvaltningsloven § 11a, the guideline's 4 weeks).
 *
 * Once: a timer is claimed by one instance before any message goes out, and
 * each recipient's message is recorded as it is posted, so a run retried or
 * taken over after a crash writes only to those not yet reached. The one
 * window left is a crash between a platform accepting a message and the
 * record of it: that recipient gets it twice. Chat platforms take no
 * idempotency key, so no client can close it.
 */
export async function fireDueTimers(dependencies: DeviationDependencies): Promise<TimersReport> {
  const { store } = dependencies;
  const now = dependencies.now();
  const units = await dependencies.units();
  const report = { reminded: 0, escalated: 0, skipped: 0, failed: 0, takenElsewhere: 0 };
  for (const timer of await store.dueTimers(now, timersPerRun)) {
    if (!(await store.claimTimer(timer, now))) {
      report.takenElsewhere += 1;
      continue;
    }
    const deviation = await store.find(timer.caseId);
    if (deviation === null || !stillApplies(timer, deviation)) {
      await store.timerSkipped(timer);
      report.skipped += 1;
      continue;
    }
    const recipients = recipientsOf(timer, deviation, units);
    const delivered = await deliver(dependencies, timer, deviation, recipients);
    if (!delivered) {
      await store.releaseTimer(timer);
      report.failed += 1;
      continue;
    }
    await store.step(deviation.id, timer.kind === 'preliminary_reminder' ? 'remind' : 'escalate', botActor, {
      details: { recipients: recipients.length },
      occurredAt: now,
    });
    await store.timerFired(timer, now);
    if (timer.kind === 'preliminary_reminder') report.reminded += 1;
    else report.escalated += 1;
  }
  return report;
}

/** A final case needs no reminder or escalation; a preliminary reply makes the reminder moot. */
function stillApplies(timer: TimerKey, deviation: DeviationCase): boolean {
  if (isFinal(deviation.state)) return false;
  return timer.kind === 'overdue_escalation' || deviation.preliminaryReplyAt === null;
}

function recipientsOf(timer: TimerKey, deviation: DeviationCase, units: UnitDirectory): readonly string[] {
  const owners = units.reportOwnersOf(deviation.facultyCode);
  if (timer.kind === 'preliminary_reminder')
    return deviation.handler === null ? owners : [deviation.handler.email];
  const unit = units.unit(deviation.unit);
  const managers = units
    .lineManagersOf({ facultyCode: deviation.facultyCode, departmentCode: unit?.departmentCode ?? null })
    .map((manager) => manager.email);
  // An institution without a line manager in its configuration still hears of it: the report owners do.
  return managers.length > 0 ? managers : owners;
}

/**
 * Posts to each recipient not yet reached for this timer (the record is a
 * notice with the timer's kind as purpose). True when every recipient has it
 * or cannot be reached on any surface (nobody to wait for); false when a
 * post failed and should be tried again.
 */
async function deliver(
  dependencies: DeviationDependencies,
  timer: TimerKey,
  deviation: DeviationCase,
  recipients: readonly string[],
): Promise<boolean> {
  const { store } = dependencies;
  const reached = new Set(
    (await store.notices(deviation.id, timer.kind)).map((notice) => notice.recipientEmail.toLowerCase()),
  );
  let complete = true;
  for (const email of recipients) {
    if (reached.has(email.toLowerCase())) continue;
    const outcome = await tellPerson(dependencies.surfaces, dependencies.config.institution.language, {
      email,
      preferredSurface: deviation.reporter.surface,
      language: null,
      compose: (reader) => timerMessage(dependencies, reader, timer, deviation),
    });
    if (outcome.kind === 'posted') {
      await store.saveNotice({
        caseId: deviation.id,
        purpose: timer.kind,
        recipientEmail: email,
        surface: outcome.posted.surface,
        conversationId: outcome.posted.conversationId,
        messageIds: outcome.posted.messageIds,
      });
    } else if (outcome.kind === 'failed') {
      complete = false;
      dependencies.logger.warn(
        { caseNumber: deviation.number, timer: timer.kind, problem: outcome.problem },
        'deviation timer message failed',
      );
    } else {
      dependencies.logger.warn(
        { caseNumber: deviation.number, timer: timer.kind, recipient: email },
        'deviation timer recipient is on no surface',
      );
    }
  }
  return complete;
}

function timerMessage(
  dependencies: DeviationDependencies,
  reader: Translator,
  timer: TimerKey,
  deviation: DeviationCase,
): Message {
  const texts = reader.t.deviations.timers;
  const { timeZone } = dependencies.config.institution;
  // The deadline is the end of its day: the day shown is the one before that instant.
  const deadline = dayText(reader, new Date(deviation.deadlineAt.getTime() - 1), timeZone);
  const title = reader.t.deviations.caseTitle({ number: deviation.number });
  const open = {
    type: 'actions' as const,
    elements: [
      {
        type: 'button' as const,
        actionId: openCaseActionId,
        label: texts.openCaseButton,
        value: deviation.id,
        // It opens the case view: on Teams the click then opens the dialog at once.
        opensForm: true as const,
      },
    ],
  };
  if (timer.kind === 'preliminary_reminder') {
    const daysLeft = Math.max(
      0,
      calendarDaysBetween(dependencies.now(), new Date(deviation.deadlineAt.getTime() - 1), timeZone),
    );
    const heading = texts.reminderHeading({ number: deviation.number });
    const body =
      deviation.handler === null
        ? texts.untriagedReminderBody({ deadline, daysLeft })
        : texts.reminderBody({ deadline, daysLeft });
    return {
      fallbackText: `${heading} (${title})`,
      blocks: [{ type: 'heading', text: heading }, { type: 'text', content: [body] }, open],
    };
  }
  const faculty = dependencies.config.faculties.find((candidate) => candidate.code === deviation.facultyCode);
  const heading = texts.escalationHeading({ number: deviation.number });
  const body = texts.escalationBody({
    deadline,
    faculty: faculty === undefined ? deviation.facultyCode : nameIn(faculty, reader.language),
    responsible: deviation.handler?.name ?? texts.reportOwnersResponsible,
  });
  return {
    fallbackText: heading,
    blocks: [{ type: 'heading', text: heading }, { type: 'text', content: [body] }, open],
  };
}

/** Whole days from one instant's day to another's, in the institution's calendar (3 → 10 November: 7). */
function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const day = (instant: Date) => {
    const wall = wallTimeIn(instant, timeZone);
    return Date.UTC(wall.year, wall.month - 1, wall.day);
  };
  return Math.round((day(to) - day(from)) / 86_400_000);
}
