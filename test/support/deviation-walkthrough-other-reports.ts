import { expect } from 'vitest';
import {
  buttonOf,
  cast,
  type DeviationWalkthrough,
  escalationMorning,
  formIn,
  reminderMorning,
  type SeenMessage,
  type SurfaceDriver,
  type Who,
} from './deviation-walkthrough.js';
import {
  type FiledCase,
  type Ledger,
  reports,
  studentFilesAReport,
  triageButtons,
} from './deviation-walkthrough-steps.js';

/**
 * The walkthrough's other reports (issue 9, "Done means"): one forwarded to
 * another faculty and rejected there, one redirected to whistleblowing, one
 * nobody touches until the timers remind and escalate; and what the student
 * and an owner read of it all afterwards, held against the audit trail.
 */

const ie = 'Faculty of Information Technology and Electrical Engineering';
const nv = 'Faculty of Natural Sciences';

/** The owner's card as it stands, whichever language she reads it in. */
async function cardsOfIe(
  ledger: Ledger,
  filed: FiledCase,
): Promise<Record<'ownerIe1' | 'ownerIe2', SeenMessage>> {
  return {
    ownerIe1: await ledger.current('ownerIe1', filed.cardTitle.ownerIe1),
    ownerIe2: await ledger.current('ownerIe2', filed.cardTitle.ownerIe2),
  };
}

/**
 * Step 4: an English IE owner forwards a report to NV with a note: NV's
 * owner gets a triage card with the note, the student is told where it
 * went, and the IE owners' cards say so, without buttons. NV's owner
 * rejects it with a reason, which the student gets; NV's card says so.
 */
export async function forwardedToNvAndRejected(
  driver: SurfaceDriver,
  ledger: Ledger,
  filed: FiledCase,
): Promise<void> {
  const card = await ledger.current('ownerIe2', filed.cardTitle.ownerIe2);
  const form = formIn(
    await driver.click('ownerIe2', card, 'deviations.triage.forward'),
    'deviations.triage.forward',
  );
  expect(form.text).toContain(nv);
  expect(await driver.submit('ownerIe2', { faculty: 'NV', note: 'The MA1101 exam is held by NV.' })).toEqual({
    kind: 'closed',
  });

  // The note first, then the card.
  await ledger.next(
    'ownerNv',
    `${driver.nameOf('ownerIe2')} (${ie}) forwarded deviation ${filed.number} to your faculty with a note:`,
    'The MA1101 exam is held by NV.',
  );
  const nvCard = await ledger.next(
    'ownerNv',
    `Deviation ${filed.number}`,
    String(reports.examRoom.whereWhen),
  );
  expect(nvCard.buttons.map((button) => button.actionId)).toEqual(triageButtons);
  expect(nvCard.buttons.every((button) => button.value === filed.id)).toBe(true);
  await ledger.next(
    'student',
    `Avviket ditt ${filed.number} gjelder Fakultet for naturvitenskap og er sendt videre til meldingsansvarlige der.`,
  );
  const forwarded = await cardsOfIe(ledger, filed);
  for (const [owner, current] of Object.entries(forwarded)) {
    expect(current.updates, owner).toBe(1);
    // "The case is now with the report owners at Faculty of Natural Sciences."
    expect(current.text, owner).toContain(nv);
    expect(current.buttons, owner).toEqual([]);
  }
  expect(forwarded.ownerIe2.text).toContain(`Forwarded from ${ie} to ${nv} by ${driver.nameOf('ownerIe2')}`);

  formIn(await driver.click('ownerNv', nvCard, 'deviations.triage.reject'), 'deviations.triage.reject');
  const reason = 'Kulden i eksamenslokalet meldes til eksamenskontoret, ikke som avvik.';
  expect(await driver.submit('ownerNv', { reason })).toEqual({ kind: 'closed' });
  await ledger.next(
    'student',
    `Avviket ditt ${filed.number} er avvist, og blir ikke behandlet som et avvik.`,
    reason,
  );
  const rejected = await ledger.current('ownerNv', `Deviation ${filed.number}`);
  expect(rejected.text).toContain(String(reports.examRoom.whereWhen));
  expect(rejected.updates).toBe(1);
  expect(rejected.text).toContain(`Rejected by ${driver.nameOf('ownerNv')}`);
  expect(rejected.text).toContain(reason);
  expect(rejected.buttons).toEqual([]);
  // The former faculty's cards are left as the forward left them.
  for (const current of Object.values(await cardsOfIe(ledger, filed))) expect(current.updates).toBe(1);
}

/**
 * Step 5: an IE owner sends a report to the whistleblowing route with a
 * reason: the student gets the reason, the route's link and the contact
 * with a duty of confidentiality; both IE cards say so, in place.
 */
export async function redirectedToWhistleblowing(
  driver: SurfaceDriver,
  ledger: Ledger,
  filed: FiledCase,
): Promise<void> {
  const card = await ledger.current('ownerIe2', filed.cardTitle.ownerIe2);
  formIn(await driver.click('ownerIe2', card, 'deviations.triage.redirect'), 'deviations.triage.redirect');
  const reason = 'Dette er en sak for varslingskanalen, der den behandles fortrolig.';
  expect(await driver.submit('ownerIe2', { reason })).toEqual({ kind: 'closed' });

  await ledger.next(
    'student',
    `Det du meldte i ${filed.number}, behandles ikke som et avvik, men i varslingskanalen. Saken er lukket her.`,
    reason,
    'Slik varsler du',
    'https://uni.example/whistleblowing',
    'Vera Varsel',
  );
  const danish = driver.languageOf('ownerIe1') === 'da';
  const by = driver.nameOf('ownerIe2');
  const cards = await cardsOfIe(ledger, filed);
  expect(cards.ownerIe1.text).toContain(
    danish ? `Henvist til whistleblowerordningen af ${by}` : `Redirected to whistleblowing by ${by}`,
  );
  expect(cards.ownerIe2.text).toContain(`Redirected to whistleblowing by ${by}`);
  for (const current of Object.values(cards)) {
    expect(current.updates).toBe(1);
    expect(current.text).toContain(reason);
    expect(current.buttons).toEqual([]);
  }
}

/**
 * Step 6: a report nobody touches. On the morning of day 21 (the bot
 * restarted at that time, as after a deployment: its timers job runs at
 * start-up) both IE owners are reminded that nobody handles it; the morning
 * after its deadline the line manager over TDT4100 (the head of IDI) is
 * told, and nobody else, and opens the case from the message; the next run
 * sends nothing again. The case's audit trail holds the bot's reminder and
 * escalation.
 */
export async function untouchedReportIsEscalated(
  driver: SurfaceDriver,
  ledger: Ledger,
  world: DeviationWalkthrough,
  restart: () => Promise<void>,
): Promise<void> {
  const projector = await studentFilesAReport(driver, ledger, {
    command: '/avvik',
    report: reports.projector,
    number: '2026-0004',
  });

  world.clock.set(reminderMorning);
  await restart();
  const danish = driver.languageOf('ownerIe1') === 'da';
  const reminders = {
    ownerIe1: await ledger.next(
      'ownerIe1',
      danish ? 'Påmindelse: afvigelse 2026-0004' : 'Reminder: deviation 2026-0004',
      danish
        ? 'Der er endnu ingen sagsbehandler på sagen. Fristen er 15. december 2026 (7 dage tilbage).'
        : 'Nobody has been assigned to the case yet. The deadline is 15 December 2026 (7 days left).',
    ),
    ownerIe2: await ledger.next(
      'ownerIe2',
      'Reminder: deviation 2026-0004',
      'Nobody has been assigned to the case yet. The deadline is 15 December 2026 (7 days left).',
    ),
  };
  for (const reminder of Object.values(reminders))
    expect(buttonOf(reminder, 'deviations.handling.open').value).toBe(projector.id);
  await ledger.expectNothingElse();
  expect(await timersRunAt(world, reminderMorning)).toMatchObject({ reminded: 1, escalated: 0 });

  world.clock.set(escalationMorning);
  await restart();
  const escalation = await ledger.next(
    'headIdi',
    'Deviation 2026-0004 is past its deadline',
    `The deadline was 15 December 2026. The case belongs to ${ie}`,
    'You receive this as the line manager.',
  );
  expect(buttonOf(escalation, 'deviations.handling.open').value).toBe(projector.id);
  // The line manager over the unit may see the whole case: one click opens it, without the handler's buttons.
  const opened = formIn(
    await driver.click('headIdi', escalation, 'deviations.handling.open'),
    'deviations.handling.case',
  );
  expect(opened.text).toContain('Deviation 2026-0004');
  expect(opened.text).toContain(String(reports.projector.description));
  expect(opened.buttons.some((button) => button.actionId.startsWith('deviations.handling.open-'))).toBe(
    false,
  );
  await ledger.expectNothingElse();
  expect(await timersRunAt(world, escalationMorning)).toMatchObject({ reminded: 0, escalated: 1 });

  // An hour on, another start and run of the job: the timers have fired, nothing goes out again.
  const anHourOn = new Date(escalationMorning.getTime() + 3_600_000);
  world.clock.set(anHourOn);
  await restart();
  await ledger.expectNothingElse();
  expect(await timersRunAt(world, anHourOn)).toMatchObject({ reminded: 0, escalated: 0, skipped: 0 });
  expect(await auditTrail(world, '2026-0004')).toEqual([
    ['filed', cast.student.email],
    ['reminded', 'trafiklys'],
    ['escalated', 'trafiklys'],
  ]);
}

/** The summary of the timers job's run at start-up at that time (counts only). */
async function timersRunAt(world: DeviationWalkthrough, at: Date): Promise<unknown> {
  const run = await world.surfaces.bot.runtime.database.prisma.jobRun.findUnique({
    where: { jobName_scheduledFor: { jobName: 'deviation-timers', scheduledFor: at } },
  });
  expect(run?.outcome).toBe('succeeded');
  return run?.summary;
}

/** A case's audit events as stored: what happened, and who did it. */
export async function auditTrail(world: DeviationWalkthrough, number: string): Promise<[string, string][]> {
  const events = await world.surfaces.bot.runtime.database.prisma.deviationEvent.findMany({
    where: { case: { number } },
    orderBy: { id: 'asc' },
  });
  return events.map((event) => [event.kind, event.actorEmail]);
}

/**
 * Step 7: `/avvik status` lists the student's own cases and where each
 * stands, in Bokmål; an IE owner opens the first case with `/deviation case
 * 2026-0001` and reads its history, every step by its person, as the audit
 * trail stored it.
 */
export async function statusAndHistory(driver: SurfaceDriver, world: DeviationWalkthrough): Promise<void> {
  const status = await driver.command('student', '/avvik status');
  if (status.kind !== 'message') throw new Error(`expected her list, got ${JSON.stringify(status)}`);
  expect(status.text).toContain('Dine avviksmeldinger');
  const row = (number: string, state: string) => new RegExp(`${number}\\b.*?\\b${state}\\b`);
  for (const [number, state] of [
    ['2026-0001', 'Lukket'],
    ['2026-0002', 'Avvist'],
    ['2026-0003', 'Sendt til varsling'],
    ['2026-0004', 'Mottatt'],
  ] as const)
    expect(status.text).toMatch(row(number, state));

  const view = formIn(
    await driver.command('ownerIe2', '/deviation case 2026-0001'),
    'deviations.handling.case',
  );
  expect(view.text).toContain('Deviation 2026-0001');
  const history = formIn(await driver.clickInForm('ownerIe2', 'deviations.handling.show.history', 'history'));
  const name = (who: Who) => driver.nameOf(who);
  const lines = [
    `${name('student')} reported the deviation`,
    `${name('ownerIe1')} accepted the report as a deviation`,
    `${name('ownerIe1')} assigned the case to ${name('handler')}`,
    `${name('handler')} asked the reporter a question`,
    `${name('student')} answered the question`,
    `${name('handler')} sent the case for comments`,
    `${name('colleague')} gave their comments`,
    `${name('handler')} sent the reporter a preliminary reply`,
    `${name('handler')} recorded causes and measures`,
    `${name('handler')} closed the case and sent the outcome to the reporter`,
  ];
  const positions = lines.map((line) => history.text.indexOf(line));
  expect(
    positions.every((position) => position >= 0),
    history.text,
  ).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(await auditTrail(world, '2026-0001')).toEqual([
    ['filed', cast.student.email],
    ['accepted', cast.ownerIe1.email],
    ['assigned', cast.ownerIe1.email],
    ['asked', cast.handler.email],
    ['answered', cast.student.email],
    ['sent_for_comments', cast.handler.email],
    ['commented', cast.colleague.email],
    ['preliminary_reply', cast.handler.email],
    ['causes_recorded', cast.handler.email],
    ['closed', cast.handler.email],
  ]);
}
