import type { BotActor, BotReply, FormOutcome } from '../../../../src/bot/bot-requests.js';
import { BotRouter } from '../../../../src/bot/bot-router.js';
import type { Block, Form, FormValues, Message } from '../../../../src/messages/message-model.js';
import { plainTextOf } from '../../../../src/messages/plain-text.js';
import { caseDates } from '../../../../src/procedures/deviations/deadlines.js';
import type { DeviationCase, Reporter } from '../../../../src/procedures/deviations/deviation-case.js';
import { deviationsChat } from '../../../../src/procedures/deviations/module.js';
import { UnitDirectory } from '../../../../src/procedures/deviations/unit-directory.js';
import { tellReportOwners } from '../../../../src/procedures/deviations/use-cases/tell-report-owners.js';
import type { Database } from '../../../../src/storage/database.js';
import {
  deviationDependencies,
  deviationsInstitution,
  people,
  TestClock,
} from '../../../support/deviations-fixture.js';
import { RecordingSurface } from '../../../support/recording-surface.js';

/**
 * The triage through the bot as the surfaces call it: an NTNU-like
 * institution, a real test database, a Slack-like and a Teams-like
 * recording surface, and a case filed straight into the store and given to
 * its faculty's report owners (as the intake does).
 */
export const stranger = 'stranger@elsewhere.example';
/** An address no surface knows. */
export const nobody = 'nobody@uni.example';

/** Who the surfaces know, by name and platform locale. The colleague is on Teams only. */
const slackPeople = new Map<string, { displayName: string; locale?: string }>([
  [people.ownerIe1, { displayName: 'Olav Owner', locale: 'en-GB' }],
  [people.ownerIe2, { displayName: 'Oda Eier', locale: 'da-DK' }],
  [people.ownerNv, { displayName: 'Nils Naturfag', locale: 'en-GB' }],
  [people.handler, { displayName: 'Hanne Handler', locale: 'en-GB' }],
  [people.deanIe, { displayName: 'Dean IE', locale: 'en-GB' }],
  [people.student, { displayName: 'Stina Student', locale: 'en-GB' }],
  [people.employee, { displayName: 'Lars Lecturer', locale: 'en-GB' }],
  [stranger, { displayName: 'Stranger', locale: 'en-GB' }],
]);
const teamsPeople = new Map<string, { displayName: string; locale?: string }>([
  [people.colleague, { displayName: 'Kari Kollega', locale: 'da-DK' }],
]);

export const receivedAt = new Date('2026-10-13T12:30:00Z');
/** The reporter filed in Danish: she is written to in Danish whatever her platform says. */
export const reporter: Reporter = {
  email: people.student,
  name: 'Stina Student',
  role: 'student',
  surface: 'slack',
  language: 'da',
};

export interface TriageWorld {
  readonly bot: BotRouter;
  readonly slack: RecordingSurface;
  readonly teams: RecordingSurface;
  readonly clock: TestClock;
  readonly dependencies: ReturnType<typeof deviationDependencies>;
}

export function triageWorld(
  database: Database,
  overrides: Readonly<Record<string, unknown>> = {},
  /** Surfaces the bot lists before Slack and Teams (as it lists the console first). */
  before: readonly RecordingSurface[] = [],
): TriageWorld {
  const slack = new RecordingSurface('slack', slackPeople);
  const teams = new RecordingSurface('teams', teamsPeople);
  const clock = new TestClock(receivedAt);
  const dependencies = deviationDependencies({
    database,
    surfaces: [...before, slack, teams],
    clock,
    config: deviationsInstitution(overrides),
  });
  return {
    bot: new BotRouter(dependencies.config, [deviationsChat(dependencies)]),
    slack,
    teams,
    clock,
    dependencies,
  };
}

let submission = 0;

/** A report filed about a course (TDT4100: IE; MA1101: NV) and given to its faculty's report owners. */
export async function fileCase(world: TriageWorld, courseCode = 'TDT4100'): Promise<DeviationCase> {
  const { deviation, unreachable } = await fileCaseTelling(world, courseCode);
  if (unreachable.length > 0) throw new Error(`report owners not reached: ${unreachable.join(', ')}`);
  return deviation;
}

/** The same, with the owners who could not be reached. */
export async function fileCaseTelling(
  world: TriageWorld,
  courseCode: string,
): Promise<{ readonly deviation: DeviationCase; readonly unreachable: readonly string[] }> {
  const { dependencies } = world;
  const section = dependencies.section;
  const units = new UnitDirectory(dependencies.config, section);
  const unit = units.unit({ kind: 'course', code: courseCode });
  if (unit === null) throw new Error(`${courseCode} is not reportable`);
  submission += 1;
  const now = world.clock.now();
  const { deviation } = await dependencies.store.file({
    submissionKey: `triage-test-${submission}-${now.getTime()}`,
    category: 'timetabling',
    unit,
    whereWhen: 'Lecture hall R7, Mondays',
    description: 'Two mandatory lectures are scheduled at the same time.',
    reporter,
    receivedAt: now,
    dates: caseDates(now, {
      timeZone: dependencies.config.institution.timeZone,
      deadlineDays: section.deadlineDays,
      reminderDays: section.reminderDays,
    }),
  });
  const { unreachable } = await tellReportOwners(dependencies, deviation);
  return { deviation, unreachable };
}

/** A person as the surface identifies her when she clicks or submits. */
export function actor(email: string, surface: 'slack' | 'teams' = 'slack'): BotActor {
  const known = (surface === 'slack' ? slackPeople : teamsPeople).get(email);
  return {
    surface,
    userId: `U-${email}`,
    email,
    displayName: known?.displayName ?? email,
    locale: known?.locale ?? 'en-GB',
  };
}

const direct = (email: string) =>
  ({ surface: 'slack', conversationId: `D-${email}`, kind: 'direct' }) as const;

export function click(
  world: TriageWorld,
  email: string,
  actionId: string,
  value: string | null,
): Promise<BotReply> {
  return world.bot.action(actor(email), direct(email), { actionId, value });
}

export function submit(
  world: TriageWorld,
  email: string,
  formId: string,
  state: string | null,
  values: FormValues,
): Promise<FormOutcome> {
  return world.bot.submitForm(actor(email), { formId, state, values });
}

/** Everything posted to one person directly, on every surface, oldest first. */
export function postsTo(world: TriageWorld, email: string): Message[] {
  return [...world.slack.posts, ...world.teams.posts]
    .filter((post) => post.destination.kind === 'direct' && post.destination.email === email)
    .map((post) => post.message);
}

/** The one message posted to a person directly; fails the test for none or several. */
export function onlyPostTo(world: TriageWorld, email: string): Message {
  const posts = postsTo(world, email);
  const [only] = posts;
  if (only === undefined || posts.length > 1)
    throw new Error(`expected one message to ${email}, got ${posts.length}`);
  return only;
}

/** A person's triage card as it stands now: the one posted to her, with its latest update. */
export function cardOf(world: TriageWorld, email: string, caseNumber: string): Message | null {
  const isCard = (message: Message) =>
    message.blocks.some((block) => block.type === 'heading') && textOf(message).includes(caseNumber);
  const posted = world.slack.posts.filter(
    (post) => post.destination.kind === 'direct' && post.destination.email === email && isCard(post.message),
  );
  const last = posted.at(-1);
  if (last === undefined) return null;
  const updates = world.slack.updates.filter(
    (update) => update.posted.messageIds.join() === last.posted.messageIds.join(),
  );
  return updates.at(-1)?.message ?? last.message;
}

/** A person's card as it stands now; fails the test when she has none. */
export function theCardOf(world: TriageWorld, email: string, caseNumber: string): Message {
  const card = cardOf(world, email, caseNumber);
  if (card === null) throw new Error(`${email} has no card of ${caseNumber}`);
  return card;
}

/** A message's buttons and menus, by action id. */
export function buttonsOf(message: Message): string[] {
  return message.blocks.flatMap((block) =>
    block.type === 'actions' ? block.elements.map((element) => element.actionId) : [],
  );
}

export function blockText(block: Block): string {
  switch (block.type) {
    case 'heading':
      return block.text;
    case 'text':
    case 'context':
      return plainTextOf(block.content);
    case 'facts':
      return block.facts.map((fact) => `${fact.label}: ${plainTextOf(fact.value)}`).join('\n');
    case 'actions':
      return block.elements
        .map((element) => `[${element.type === 'button' ? element.label : element.placeholder}]`)
        .join(' ');
    default:
      return '';
  }
}

export function textOf(message: Message | Form): string {
  const blocks = 'fallbackText' in message ? message.blocks : (message.blocks ?? []);
  return blocks.map(blockText).join('\n');
}

/** A reply's private text; fails the test for anything else. */
export function privateText(reply: BotReply): string {
  if (reply.kind !== 'message' || reply.visibility !== 'only_actor')
    throw new Error(`expected a private message, got ${JSON.stringify(reply)}`);
  return textOf(reply.message);
}

/** What a form's answer says in its place (the result view); fails the test for anything else. */
export function resultText(outcome: FormOutcome): string {
  if (outcome.kind !== 'form') throw new Error(`expected a result view, got ${JSON.stringify(outcome)}`);
  return textOf(outcome.form);
}

/** How many messages all surfaces have posted and updated: unchanged by a refusal. */
export function traffic(world: TriageWorld): { posts: number; updates: number } {
  return {
    posts: world.slack.posts.length + world.teams.posts.length,
    updates: world.slack.updates.length + world.teams.updates.length,
  };
}
