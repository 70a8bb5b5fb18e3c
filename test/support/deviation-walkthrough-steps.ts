import { expect } from 'vitest';
import type { FormValues } from '../../src/messages/message-model.js';
import {
  buttonOf,
  cast,
  everyone,
  formIn,
  inboxOf,
  type SeenMessage,
  type SurfaceDriver,
  type Who,
} from './deviation-walkthrough.js';

/**
 * The steps of the deviations procedure every surface walks through (issue
 * 9, "Done means"): a student files a report, a report owner accepts it and
 * assigns the handler, who handles and closes it (the other reports' steps
 * are in deviation-walkthrough-other-reports.ts). Each step asserts what
 * each person receives, in her language, and a `Ledger` keeps every message
 * each person has had, so each step ends by proving nobody got anything else.
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
export const triageButtons = [
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
  // The report owners' cards say it is closed, and offer nothing a closed case refuses.
  for (const owner of ['ownerIe1', 'ownerIe2'] as const) {
    const card = await ledger.current(owner, filed.cardTitle[owner]);
    const closed = owner === 'ownerIe1' && driver.languageOf('ownerIe1') === 'da' ? 'Lukket' : 'Closed';
    expect(card.text, `${owner}'s card`).toContain(closed);
    expect(card.buttons, `${owner}'s card`).toEqual([]);
  }
}
