import { expect } from 'vitest';
import type { FormValues } from '../../src/messages/message-model.js';
import {
  buttonOf,
  cast,
  type DeviationWalkthrough,
  escalationMorning,
  everyone,
  formIn,
  inboxOf,
  reminderMorning,
  type SeenMessage,
  type SurfaceDriver,
  type Who,
} from './deviation-walkthrough.js';

/**
 * The steps of the deviations procedure every surface walks through (issue
 * 9, "Done means"): a student files reports, the report owners triage them
 * (accept, forward, reject, redirect), the handler handles and closes one,
 * the timers remind and escalate. Each step asserts what each person
 * receives, in her language, and a `Ledger` keeps every message each person
 * has had, so the walkthrough ends by proving nobody got anything else.
 */

type Language = 'nb' | 'da' | 'en';
const say = (language: Language, words: Readonly<Record<Language, string>>): string => words[language];

/** The reports the student files (Bokmål, as she writes). */
export const reports = {
  /** Accepted, handled and closed. */
  timetable: {
    category: 'timetabling',
    unit: 'course:TDT4100',
    whereWhen: 'Auditorium R7, mandager 10–12',
    description: 'To obligatoriske forelesninger i TDT4100 går samtidig som laben, så vi må velge én av dem.',
    role: 'student',
    seriousMatter: 'no',
    ordinaryChannels: true,
  },
  /** Filed on the programme, about a mathematics exam: forwarded to NV, whose owner rejects it. */
  examRoom: {
    category: 'exam_assessment_forms',
    unit: 'programme:MTDT',
    whereWhen: 'Eksamen i MA1101, 4. desember',
    description: 'Eksamenslokalet var så kaldt at vi skrev med votter på.',
    role: 'student',
    seriousMatter: 'no',
    ordinaryChannels: true,
  },
  /** A matter for the whistleblowing route, which the owner sees and the form's words do not. */
  labAssistant: {
    category: 'other',
    unit: 'course:TDT4100',
    whereWhen: 'Laben i TDT4100, tirsdager',
    description: 'En læringsassistent kommenterer utseendet mitt foran de andre, og jeg gruer meg til laben.',
    role: 'student',
    seriousMatter: 'no',
    ordinaryChannels: true,
  },
  /** Nobody touches it: reminded at three weeks, escalated after the deadline. */
  projector: {
    category: 'equipment_premises',
    unit: 'course:TDT4100',
    whereWhen: 'Auditorium R7',
    description: 'Projektoren i R7 har ikke virket på tre uker.',
    role: 'student',
    seriousMatter: 'no',
    ordinaryChannels: true,
  },
} satisfies Record<string, FormValues>;

/**
 * Every message each person has had so far, by a phrase it must contain:
 * a step adds what it expects, and `expectNothingElse` holds the inboxes to it.
 */
export class Ledger {
  private readonly expected = new Map<Who, string[]>(everyone.map((who) => [who, []]));

  constructor(private readonly driver: SurfaceDriver) {}

  /** The next message to `who`, which must contain `phrase` (and each of `also`). */
  async next(who: Who, phrase: string, ...also: string[]): Promise<SeenMessage> {
    const list = this.expected.get(who) ?? [];
    list.push(phrase);
    const inbox = await inboxOf(this.driver, who, list.length);
    const message = inbox[list.length - 1] as SeenMessage;
    for (const words of [phrase, ...also]) expect(message.text, `to ${who}`).toContain(words);
    return message;
  }

  /** `who`'s message holding `phrase`, as it stands now (updated in place, not posted again). */
  async current(who: Who, phrase: string): Promise<SeenMessage> {
    const list = this.expected.get(who) ?? [];
    const index = list.indexOf(phrase);
    if (index < 0) throw new Error(`${who} was never sent a message with ${phrase}`);
    const inbox = await inboxOf(this.driver, who, list.length);
    return inbox[index] as SeenMessage;
  }

  /**
   * Each person's inbox holds exactly the messages the steps expected so
   * far, and the platform was asked to post nothing else: run after each step.
   */
  async expectNothingElse(): Promise<void> {
    for (const who of everyone) {
      const list = this.expected.get(who) ?? [];
      const inbox = await inboxOf(this.driver, who, list.length);
      expect(
        inbox.map((message) => message.text.slice(0, 80)),
        `${who}'s inbox`,
      ).toHaveLength(list.length);
      for (const [index, message] of inbox.entries())
        expect(message.text, `${who} #${index}`).toContain(list[index]);
    }
    expect(await this.driver.strayPosts()).toEqual([]);
  }
}

/** The triage card's five buttons, each naming the case. */
const triageButtons = [
  'deviations.triage.accept',
  'deviations.triage.forward',
  'deviations.triage.reject',
  'deviations.triage.redirect',
  'deviations.triage.flag',
];

export interface FiledCase {
  readonly id: string;
  readonly number: string;
  /** The phrase that finds each owner's card in her inbox. */
  readonly cardTitle: Readonly<Record<'ownerIe1' | 'ownerIe2', string>>;
}

/**
 * Step 1: the student types the command, fills in the report form and
 * submits it. She sees her receipt in Bokmål where she submitted, and keeps
 * it in her chat; both IE report owners get a triage card in their
 * language, with the five triage buttons naming the case.
 */
export async function studentFilesAReport(
  driver: SurfaceDriver,
  ledger: Ledger,
  options: { readonly command: string; readonly report: FormValues; readonly number: string },
): Promise<FiledCase> {
  const form = formIn(await driver.command('student', options.command), 'deviations.intake.report');
  expect(form.text).toContain('Meld avvik');
  expect(form.text).toContain('Studieprogram eller emne');

  const receipt = formIn(await driver.submit('student', options.report), 'deviations.intake.done');
  expect(receipt.text).toContain(`Takk! Avvik ${options.number} er mottatt`);
  expect(receipt.text).toContain('Du skal ha svar senest');

  await ledger.next('student', `Takk! Avvik ${options.number} er mottatt`, 'status');
  const cardTitle = {
    ownerIe1: `${say(driver.languageOf('ownerIe1'), { nb: 'Avvik', da: 'Afvigelse', en: 'Deviation' })} ${options.number}`,
    ownerIe2: `Deviation ${options.number}`,
  };
  const ids = new Set<string | null>();
  for (const owner of ['ownerIe1', 'ownerIe2'] as const) {
    const card = await ledger.next(owner, cardTitle[owner], String(options.report.whereWhen));
    expect(card.buttons.map((button) => button.actionId)).toEqual(triageButtons);
    for (const button of card.buttons) ids.add(button.value);
  }
  expect(ids.size).toBe(1);
  const [id] = [...ids];
  if (typeof id !== 'string') throw new Error('the triage buttons name no case');
  return { id, number: options.number, cardTitle };
}

/**
 * Step 2: the Danish owner accepts the case and assigns the handler. The
 * handler gets the case with the owner's note and an "Open the case"
 * button; the student is told it is being handled and by when; both
 * owners' cards change in place to say who accepted it, with only the
 * buttons that still apply.
 */
export async function ownerAcceptsAndAssigns(
  driver: SurfaceDriver,
  ledger: Ledger,
  filed: FiledCase,
): Promise<SeenMessage> {
  const card = await ledger.current('ownerIe1', filed.cardTitle.ownerIe1);
  const danish = driver.languageOf('ownerIe1') === 'da';
  const form = formIn(
    await driver.click('ownerIe1', card, 'deviations.triage.accept'),
    'deviations.triage.accept',
  );
  // What she opens herself is in her own language, whatever the surface knows of her otherwise.
  expect(form.text).toContain('Acceptér og tildel');
  const answer = await driver.submit('ownerIe1', { handler: cast.handler.email, note: 'Se på laben først.' });
  expect(answer).toEqual({ kind: 'closed' });

  const notice = await ledger.next(
    'handler',
    `Deviation ${filed.number}`,
    'You are the handler of this deviation.',
    'Se på laben først.',
  );
  expect(notice.buttons).toEqual([
    expect.objectContaining({ actionId: 'deviations.handling.open', value: filed.id }),
  ]);
  await ledger.next(
    'student',
    `Avviket ditt ${filed.number} er godtatt og er nå under behandling. Du får svar innen 15. desember 2026.`,
  );
  const accepter = driver.nameOf('ownerIe1');
  for (const owner of ['ownerIe1', 'ownerIe2'] as const) {
    const updated = await ledger.current(owner, filed.cardTitle[owner]);
    expect(updated.updates, `${owner}'s card updated in place`).toBeGreaterThanOrEqual(1);
    const words = owner === 'ownerIe1' && danish ? `Accepteret af ${accepter}` : `Accepted by ${accepter}`;
    expect(updated.text).toContain(words);
    expect(updated.buttons.map((button) => button.actionId)).toEqual([
      'deviations.triage.redirect',
      'deviations.triage.flag',
    ]);
  }
  return notice;
}

/** The handling buttons of the case view, for its handler while the case is in handling. */
const handlingButtons = [
  'deviations.handling.open-ask',
  'deviations.handling.open-comments',
  'deviations.handling.open-preliminary-reply',
  'deviations.handling.open-causes',
  'deviations.handling.open-close',
];

/**
 * Step 3: the handler opens the case from her message and works it in its
 * view: she asks the student a question (the student answers through the
 * button on it, and the answer comes back to the handler), sends it to a
 * colleague for comments (the colleague's comments come back the same way),
 * sends the student a preliminary reply, records causes and measures, and
 * closes it with the outcome, which the student gets in Bokmål.
 */
export async function handlerHandlesAndCloses(
  driver: SurfaceDriver,
  ledger: Ledger,
  filed: FiledCase,
  notice: SeenMessage,
): Promise<void> {
  const student = driver.nameOf('student');
  let view = formIn(
    await driver.click('handler', notice, 'deviations.handling.open'),
    'deviations.handling.case',
  );
  expect(view.text).toContain(`Deviation ${filed.number}`);
  expect(handlingButtons.every((id) => view.buttons.some((button) => button.actionId === id))).toBe(true);
  /** A handling form from the view; its buttons are on the view's first part ("The case"), so she goes there first. */
  const open = async (actionId: string, formId: string) => {
    if (!view.buttons.some((button) => button.actionId === actionId))
      view = formIn(await driver.clickInForm('handler', 'deviations.handling.show.case', 'case'));
    return formIn(await driver.clickInForm('handler', actionId, filed.id), formId);
  };
  /** She submits the open handling form; the view comes back with what was done at its top. */
  const send = async (values: FormValues, notice: string) => {
    view = formIn(await driver.submit('handler', values), 'deviations.handling.case');
    expect(view.text).toContain(notice);
  };

  // A question to the student, and her answer.
  await open('deviations.handling.open-ask', 'deviations.handling.ask');
  await send({ question: 'Hvilken dag har dere laben?' }, `The question was sent to ${student}.`);
  const question = await ledger.next(
    'student',
    `${driver.nameOf('handler')}, som behandler avvik ${filed.number}, har et spørsmål til deg:`,
    'Hvilken dag har dere laben?',
  );
  expect(buttonOf(question, 'deviations.handling.open-answer').value).not.toBeNull();
  const answerForm = formIn(
    await driver.click('student', question, 'deviations.handling.open-answer'),
    'deviations.handling.answer',
  );
  expect(answerForm.text).toContain('Hvilken dag har dere laben?');
  const thanks = formIn(await driver.submit('student', { answer: 'Tirsdager 10–12.' }));
  expect(thanks.text).toContain('Svaret ditt er sendt til behandleren.');
  const answered = await ledger.next(
    'handler',
    `${student} answered your question about deviation ${filed.number}.`,
    'Tirsdager 10–12.',
  );
  expect(buttonOf(answered, 'deviations.handling.open').value).toBe(filed.id);

  // Comments from a colleague.
  await open('deviations.handling.open-comments', 'deviations.handling.comments');
  await send(
    { colleagues: cast.colleague.email, request: 'Can the lab move to Thursdays?', 'due-date': '2026-11-24' },
    'The case was sent for comments to',
  );
  const request = await ledger.next(
    'colleague',
    `Comments wanted: deviation ${filed.number}`,
    `${driver.nameOf('handler')} asks for your comments by 24 November 2026.`,
    'Can the lab move to Thursdays?',
  );
  // A colleague is told the case without the reporter's name.
  expect(request.text).not.toContain(student);
  formIn(
    await driver.click('colleague', request, 'deviations.handling.open-comment'),
    'deviations.handling.comment',
  );
  const commented = formIn(await driver.submit('colleague', { comment: 'Yes: R7 is free on Thursdays.' }));
  expect(commented.text).toContain('Your comments were sent to the handler.');
  await ledger.next(
    'handler',
    `${driver.nameOf('colleague')} gave comments on deviation ${filed.number}.`,
    'Yes: R7 is free on Thursdays.',
  );

  // A preliminary reply, the causes and measures, and the close.
  await open('deviations.handling.open-preliminary-reply', 'deviations.handling.preliminary-reply');
  await send(
    { reply: 'Vi flytter laben; svar innen 1. desember.' },
    'The preliminary reply was sent to the reporter.',
  );
  await ledger.next(
    'student',
    `Foreløpig svar om avviket ditt ${filed.number}:`,
    'Vi flytter laben; svar innen 1. desember.',
  );
  await open('deviations.handling.open-causes', 'deviations.handling.causes');
  await send(
    { causes: 'The lab was planned apart from the lectures.', measures: 'The lab moves to Thursdays.' },
    'Causes and measures are recorded.',
  );
  await open('deviations.handling.open-close', 'deviations.handling.close');
  await send(
    { outcome: 'Laben er flyttet til torsdager fra uke 49.' },
    'The case is closed, and the outcome was sent to the reporter.',
  );
  expect(view.buttons.some((button) => handlingButtons.includes(button.actionId))).toBe(false);
  await ledger.next(
    'student',
    `Avviket ditt ${filed.number} er behandlet og lukket.`,
    'Laben er flyttet til torsdager fra uke 49.',
  );
}

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
 * told, and nobody else; the next run sends nothing again. The case's audit
 * trail holds the bot's reminder and escalation.
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
