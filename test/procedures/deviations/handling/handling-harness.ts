import { expect } from 'vitest';
import type { BotActor, BotReply, FormOutcome } from '../../../../src/bot/bot-requests.js';
import { BotRouter } from '../../../../src/bot/bot-router.js';
import type { Form, FormValues, Message } from '../../../../src/messages/message-model.js';
import { plainTextOf } from '../../../../src/messages/plain-text.js';
import { caseDates } from '../../../../src/procedures/deviations/deadlines.js';
import type { DeviationCase, Reporter } from '../../../../src/procedures/deviations/deviation-case.js';
import { deviationsChat } from '../../../../src/procedures/deviations/module.js';
import { handlingActions } from '../../../../src/procedures/deviations/presenters/handling/handling-ids.js';
import type { PrismaDeviationStore } from '../../../../src/procedures/deviations/storage/prisma-deviation-store.js';
import { UnitDirectory } from '../../../../src/procedures/deviations/unit-directory.js';
import type { Database } from '../../../../src/storage/database.js';
import {
  deviationDependencies,
  deviationsInstitution,
  people,
  TestClock,
} from '../../../support/deviations-fixture.js';
import { RecordingSurface } from '../../../support/recording-surface.js';
import { openTestDatabase } from '../../../support/test-database.js';

/**
 * The bot as the surfaces call it, over a real test database, for the
 * handling part's tests: the NTNU-like institution of deviations-fixture.ts,
 * a Slack and a console RecordingSurface that know its people (each in her
 * own language), and cases filed and accepted straight through the store
 * (the intake and triage parts are built elsewhere).
 */
export const names = {
  [people.student]: 'Stina Student',
  [people.otherStudent]: 'Ola Student',
  [people.handler]: 'Hanne Handler',
  [people.colleague]: 'Kari Kollega',
  [people.employee]: 'Lars Lektor',
  [people.ownerIe1]: 'Olav Owner',
  [people.ownerIe2]: 'Oda Owner',
  [people.ownerNv]: 'Nils Owner',
  [people.headIdi]: 'Helga Head',
  [people.deanIe]: 'Dag Dean',
  [people.deanNv]: 'Dina Dean',
  [people.quality]: 'Kvalitet',
} as const;

/** Where each person is known and her platform locale: the handler reads English, the colleague Danish. */
const locales: Readonly<Record<string, string>> = {
  [people.handler]: 'en-GB',
  [people.colleague]: 'da-DK',
  [people.employee]: 'en-GB',
  [people.student]: 'da-DK',
};

export const stranger = 'stranger@elsewhere.example';

export interface Harness {
  readonly database: Database;
  readonly store: PrismaDeviationStore;
  readonly clock: TestClock;
  readonly slack: RecordingSurface;
  readonly bot: BotRouter;
  close(): Promise<void>;
}

export async function openHarness(
  options: {
    readonly reachable?: readonly string[];
    /** Surfaces the bot lists before Slack (as it lists the console first). */
    readonly before?: readonly RecordingSurface[];
  } = {},
): Promise<Harness> {
  const database = await openTestDatabase();
  const clock = new TestClock(new Date('2026-10-13T12:30:00Z'));
  const known = options.reachable ?? Object.keys(names);
  const directory = new Map(
    known.map((email) => [
      email,
      {
        displayName: names[email as keyof typeof names] ?? email,
        ...(locales[email] ? { locale: locales[email] } : {}),
      },
    ]),
  );
  const slack = new RecordingSurface('slack', directory);
  const dependencies = deviationDependencies({
    database,
    surfaces: [...(options.before ?? []), slack],
    clock,
  });
  const bot = new BotRouter(dependencies.config, [deviationsChat(dependencies)]);
  return { database, store: dependencies.store, clock, slack, bot, close: () => database.close() };
}

/** A person as the surface identifies her, reading in `locale` (her own by default). */
export function actor(email: string, locale: string | null = locales[email] ?? 'en-GB'): BotActor {
  return {
    surface: 'slack',
    userId: `U-${email}`,
    email,
    displayName: names[email as keyof typeof names] ?? email,
    locale,
  };
}

const config = deviationsInstitution();
const section = config.deviations;
if (section === null) throw new Error('the test institution has no deviations section');
const units = new UnitDirectory(config, section);

let filed = 0;

export interface CaseOptions {
  readonly reporter?: Partial<Reporter>;
  readonly sensitive?: boolean;
  readonly unit?: string;
  readonly description?: string;
}

/** A report about TDT4100 (faculty IE) unless said otherwise, filed by the student in Danish, now. */
export async function fileCase(harness: Harness, options: CaseOptions = {}): Promise<DeviationCase> {
  const unit = units.unit({ kind: 'course', code: options.unit ?? 'TDT4100' });
  if (unit === null) throw new Error('the course is not reportable');
  filed += 1;
  const receivedAt = harness.clock.now();
  const { deviation } = await harness.store.file({
    submissionKey: `handling-test-${filed}-${receivedAt.getTime()}`,
    category: 'timetabling',
    unit,
    whereWhen: 'Lecture hall R7, Mondays 10–12',
    description: options.description ?? 'Two mandatory lectures are scheduled at the same time.',
    reporter: {
      email: people.student,
      name: names[people.student],
      role: 'student',
      surface: 'slack',
      language: 'da',
      ...options.reporter,
    },
    receivedAt,
    dates: caseDates(receivedAt, { timeZone: 'Europe/Oslo', deadlineDays: 28, reminderDays: 21 }),
  });
  return deviation;
}

export const owner = { email: people.ownerIe1, name: names[people.ownerIe1] };
export const handler = { email: people.handler, name: names[people.handler] };

/** A filed report accepted by an IE report owner for the handler (flagged sensitive first, if asked). */
export async function caseInHandling(harness: Harness, options: CaseOptions = {}): Promise<DeviationCase> {
  const deviation = await fileCase(harness, options);
  const at = harness.clock.now();
  const nvOwner = { email: people.ownerNv, name: names[people.ownerNv] };
  const accepting = deviation.facultyCode === 'NV' ? nvOwner : owner;
  if (options.sensitive)
    await harness.store.step(deviation.id, 'flagSensitive', accepting, { sensitive: true, occurredAt: at });
  const accepted = await harness.store.step(deviation.id, 'accept', accepting, {
    handler,
    alsoRecord: ['assigned'],
    details: { handler: handler.email },
    occurredAt: at,
  });
  return accepted.deviation;
}

/** The form a reply opens, failing the test on anything else. */
export function formOf(reply: BotReply | FormOutcome): Form {
  if (reply.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(reply)}`);
  return reply.form;
}

/** What a private reply says, failing the test on anything else. */
export function privateText(reply: BotReply): string {
  if (reply.kind !== 'message' || reply.visibility !== 'only_actor')
    throw new Error(`expected a private message, got ${JSON.stringify(reply)}`);
  return plainTextOf(reply.message.blocks.flatMap((block) => (block.type === 'text' ? block.content : [])));
}

/** Every word a form or message shows, in one string (blocks, facts, field labels). */
export function shown(content: Form | Message): string {
  const blocks = content.blocks ?? [];
  const words = blocks.flatMap((block) => {
    switch (block.type) {
      case 'heading':
        return [block.text];
      case 'text':
      case 'context':
        return [plainTextOf(block.content)];
      case 'facts':
        return block.facts.map((fact) => `${fact.label}: ${plainTextOf(fact.value)}`);
      case 'actions':
        return block.elements.map((element) => (element.type === 'button' ? `[${element.label}]` : ''));
      default:
        return [];
    }
  });
  const fields = 'fields' in content ? content.fields.map((field) => `<${field.label}>`) : [];
  const intro = 'intro' in content && content.intro !== undefined ? [plainTextOf(content.intro)] : [];
  return [...intro, ...words, ...fields].join('\n');
}

/** The buttons of a form or message: action id → value. */
export function buttonsOf(
  content: Form | Message,
): { actionId: string; label: string; value: string | null }[] {
  return (content.blocks ?? []).flatMap((block) =>
    block.type === 'actions'
      ? block.elements.flatMap((element) =>
          element.type === 'button'
            ? [{ actionId: element.actionId, label: element.label, value: element.value ?? null }]
            : [],
        )
      : [],
  );
}

/** The direct messages a person received on the surface, oldest first. */
export function messagesTo(surface: RecordingSurface, email: string): Message[] {
  return surface.posts
    .filter((post) => post.destination.kind === 'direct' && post.destination.email === email)
    .map((post) => post.message);
}

/** Opens the case view as `who` through the "Open the case" button. */
export async function openView(harness: Harness, who: BotActor, caseId: string): Promise<Form> {
  return formOf(
    await harness.bot.action(who, dm(who), { actionId: handlingActions.openCase, value: caseId }),
  );
}

/** Clicks a button inside an open form. */
export function click(
  harness: Harness,
  who: BotActor,
  form: Form,
  actionId: string,
  value: string | null,
  values: FormValues = {},
): Promise<FormOutcome> {
  return harness.bot.formAction(who, {
    formId: form.formId,
    state: form.state ?? null,
    actionId,
    value,
    values,
  });
}

/** Submits an open form with these values. */
export function submit(
  harness: Harness,
  who: BotActor,
  form: Form,
  values: FormValues,
): Promise<FormOutcome> {
  return harness.bot.submitForm(who, { formId: form.formId, state: form.state ?? null, values });
}

export function dm(who: BotActor) {
  return { surface: who.surface, conversationId: `D-${who.email}`, kind: 'direct' as const };
}

/** Everything about a case that a refused action must leave as it was. */
export async function snapshot(harness: Harness, caseId: string) {
  return {
    deviation: await harness.store.find(caseId),
    history: await harness.store.history(caseId),
    exchanges: await harness.store.exchanges(caseId),
    timers: await harness.store.timers(caseId),
    posts: harness.slack.posts.length,
  };
}

export function expectErrorsOnly(outcome: FormOutcome, field: string, text: string): void {
  expect(outcome).toEqual({ kind: 'errors', errors: { [field]: text } });
}
