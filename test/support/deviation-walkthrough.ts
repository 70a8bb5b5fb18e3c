import { expect } from 'vitest';
import type { FormValues } from '../../src/messages/message-model.js';
import type { SurfaceName } from '../../src/surfaces/chat-surface.js';
import type { SeededMember } from './bot-framework-double.js';
import { type BotOnEverySurface, startBotOnEverySurface } from './bot-on-every-surface.js';
import { people, TestClock } from './deviations-fixture.js';

/**
 * The world of the deviations procedure walked through end to end (issue 9):
 * the whole bot with every surface on (`startBotOnEverySurface`, as `npm
 * start` wires it), an NTNU-like institution (faculties IE with two report
 * owners and NV with one, heads and deans, the quality department, courses,
 * the whistleblowing route), its people known to the Slack API double (with
 * their locales), to the Bot Framework double (as members of one team) and
 * to the console, and a clock the test moves. The steps every surface walks
 * through are in deviation-walkthrough-steps.ts; each surface's test file
 * clicks its own way (a `SurfaceDriver`).
 */

/** Tuesday 17 November 2026, 09:30 in Trondheim: past October's exam-period reminder, so only deviations speak. */
export const startsAt = new Date('2026-11-17T08:30:00Z');
/** 8 December, 09:00 in Trondheim: the morning of day 21, a report of 17 November is due its reminder. */
export const reminderMorning = new Date('2026-12-08T08:00:00Z');
/** 16 December, 09:00 in Trondheim: the morning after its deadline's day (15 December), the escalation due. */
export const escalationMorning = new Date('2026-12-16T08:00:00Z');

/** One person of the walkthrough: name, the locale their platform reports, and their Slack and Teams ids. */
export interface Person {
  readonly email: string;
  readonly name: string;
  readonly locale: string;
  readonly slackId: string;
  readonly teamsId: string;
}

function person(email: string, name: string, locale: string, key: string): Person {
  return { email, name, locale, slackId: `U0${key.toUpperCase()}`, teamsId: `29:${key}-teams-id` };
}

/** The student reads Bokmål; one IE report owner reads Danish; everyone else English. */
export const cast = {
  student: person(people.student, 'Siri Student', 'nb-NO', 'student'),
  ownerIe1: person(people.ownerIe1, 'Ida Ejer', 'da-DK', 'ownerie1'),
  ownerIe2: person(people.ownerIe2, 'Ivar Owner', 'en-GB', 'ownerie2'),
  ownerNv: person(people.ownerNv, 'Nora Owner', 'en-GB', 'ownernv'),
  handler: person(people.handler, 'Hanne Handler', 'en-GB', 'handler'),
  colleague: person(people.colleague, 'Kari Colleague', 'en-GB', 'colleague'),
  headIdi: person(people.headIdi, 'Helga Head', 'en-GB', 'headidi'),
  deanIe: person(people.deanIe, 'Dag Dean', 'en-GB', 'deanie'),
  deanNv: person(people.deanNv, 'Dina Dean', 'en-GB', 'deannv'),
  quality: person(people.quality, 'Kim Quality', 'en-GB', 'quality'),
} as const;
export type Who = keyof typeof cast;
export const everyone = Object.keys(cast) as Who[];

/** The Teams team every person is a member of: the bot finds people in its roster. */
export const teamsTeam = { id: '19:team-uni@thread.tacv2', name: 'Test University' } as const;
export const teamsTenant = 'tenant-0001';

export function teamsMember(who: Person): SeededMember {
  return {
    id: who.teamsId,
    name: who.name,
    aadObjectId: `aad-${who.slackId.toLowerCase()}`,
    email: who.email,
    userPrincipalName: who.email,
    tenantId: teamsTenant,
  };
}

/**
 * The institution's configuration file. The boards have console channels
 * only and no export is imported, so the at-risk procedure stays silent.
 * The console knows the report owners and the managers from the file, and
 * the student, the handler and the colleague from `console.people`.
 */
export const walkthroughConfig = `
institution: { name: Test University, language: en, timeZone: Europe/Oslo }
faculties:
  - code: IE
    name: { nb: Fakultet for informasjonsteknologi og elektroteknikk, en: Faculty of Information Technology and Electrical Engineering }
  - code: NV
    name: { nb: Fakultet for naturvitenskap, en: Faculty of Natural Sciences }
departments:
  - { code: IDI, name: Department of Computer Science, faculty: IE }
  - { code: IMF, name: Department of Mathematical Sciences, faculty: NV }
boards:
  - { code: SU-IE, name: Study board IE, faculty: IE, department: IDI, chair: chair.ie@uni.example, secretary: secretary.ie@uni.example }
  - { code: SU-NV, name: Study board NV, faculty: NV, chair: chair.nv@uni.example, secretary: secretary.nv@uni.example }
programmes:
  - { code: MTDT, name: Computer Science (MSc), board: SU-IE }
  - { code: BMAT, name: Mathematics (BSc), board: SU-NV }
managers:
  - { role: dean, email: ${people.deanIe}, scope: { faculty: IE } }
  - { role: head_of_department, email: ${people.headIdi}, scope: { department: IDI } }
  - { role: dean, email: ${people.deanNv}, scope: { faculty: NV } }
  - { role: quality_department, email: ${people.quality}, scope: institution }
console:
  people: [${people.student}, ${people.handler}, ${people.colleague}]
deviations:
  reportOwners:
    - { faculty: IE, people: [${people.ownerIe1}, ${people.ownerIe2}] }
    - { faculty: NV, people: [${people.ownerNv}] }
  courses:
    - { code: TDT4100, name: Object-oriented programming, department: IDI }
    - { code: MA1101, name: Calculus 1, department: IMF }
  whistleblowing:
    link: https://uni.example/whistleblowing
    contacts:
      - { name: Vera Varsel, email: ombud@uni.example, role: Student ombudsman }
`;

export interface DeviationWalkthrough {
  readonly surfaces: BotOnEverySurface;
  /** The bot's clock: moved by the test, read by the bot at every step. */
  readonly clock: TestClock;
  dispose(): Promise<void>;
}

export async function startDeviationWalkthrough(): Promise<DeviationWalkthrough> {
  const clock = new TestClock(startsAt);
  const members = Object.values(cast).map(teamsMember);
  const surfaces = await startBotOnEverySurface({
    configYaml: walkthroughConfig,
    now: clock.now,
    slackUsers: Object.values(cast).map((who) => ({
      id: who.slackId,
      email: who.email,
      realName: who.name,
      locale: who.locale,
    })),
    seedTeams: (teams) => {
      teams.seedMembers(teamsTeam.id, members);
      teams.seedTeamChannels(teamsTeam.id, [{ id: teamsTeam.id }]);
    },
  });
  return { surfaces, clock, dispose: () => surfaces.dispose() };
}

/** A button as the person sees it: what a click sends. */
export interface SeenButton {
  readonly actionId: string;
  readonly value: string | null;
  readonly label: string;
}

/** A message the bot sent a person directly, as it stands now. */
export interface SeenMessage {
  /** Every word it shows, markup and escapes removed, whitespace collapsed. */
  readonly text: string;
  readonly buttons: readonly SeenButton[];
  /** How often the bot changed it in place after posting it. */
  readonly updates: number;
  /** The surface's own record of it (a Teams card), for its driver's clicks. */
  readonly handle?: unknown;
}

/** A form (modal, dialog, panel) open in front of a person. */
export interface SeenForm {
  readonly formId: string;
  readonly text: string;
  readonly buttons: readonly SeenButton[];
}

/** What a person's command, click or submission was answered with. */
export type Answer =
  | { readonly kind: 'form'; readonly form: SeenForm }
  | { readonly kind: 'errors'; readonly errors: Readonly<Record<string, string>> }
  /** Words for her alone (an ephemeral message, a reply in her chat, the console's answer). */
  | { readonly kind: 'message'; readonly text: string }
  | { readonly kind: 'closed' };

/**
 * How a test talks to the bot on one surface, through that platform's own
 * requests (signed slash commands and interactions, Bot Framework
 * activities, the console page's API), and what it reads back from the
 * platform's side (the API double's records, the console's stored messages).
 */
export interface SurfaceDriver {
  readonly surface: SurfaceName;
  /** The name the bot knows a person by on this surface (the console has only addresses). */
  nameOf(who: Who): string;
  /** The language the bot writes to a person in when she has not said (the console knows no one's). */
  languageOf(who: Who): 'nb' | 'da' | 'en';
  /** She types the command where she talks to the bot (`/avvik status`): what she gets back. */
  command(who: Who, text: string): Promise<Answer>;
  /** She clicks a button of a message the bot sent her. */
  click(who: Who, message: SeenMessage, actionId: string): Promise<Answer>;
  /** She clicks a button inside the form open in front of her. */
  clickInForm(who: Who, actionId: string, value: string | null): Promise<Answer>;
  /** She submits the form open in front of her; `values` by field id, as the model names them. */
  submit(who: Who, values: FormValues): Promise<Answer>;
  /** The messages the bot posted to her directly, oldest first, as they stand now. */
  inbox(who: Who): Promise<SeenMessage[]>;
  /** Everything the platform was asked to post or change that is not in someone's inbox (should be nothing). */
  strayPosts(): Promise<string[]>;
}

/** The form an answer shows; fails the test for anything else. */
export function formIn(answer: Answer, formId?: string): SeenForm {
  if (answer.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(answer)}`);
  if (formId !== undefined) expect(answer.form.formId).toBe(formId);
  return answer.form;
}

/** The one button of a message or form with this action id. */
export function buttonOf(content: { readonly buttons: readonly SeenButton[] }, actionId: string): SeenButton {
  const found = content.buttons.filter((button) => button.actionId === actionId);
  if (found.length !== 1) throw new Error(`expected one ${actionId} button, found ${found.length}`);
  return found[0] as SeenButton;
}

/** Waits for a condition the bot fulfils in its own time (a message posted after an answer). */
export async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  what: string,
): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`waited in vain for ${what}`);
}

/** A person's inbox once it holds at least `count` messages. */
export async function inboxOf(driver: SurfaceDriver, who: Who, count: number): Promise<SeenMessage[]> {
  return eventually(async () => {
    const messages = await driver.inbox(who);
    return messages.length >= count ? messages : undefined;
  }, `${count} messages to ${who}`);
}

/** Text as a person reads it: markup, escapes and entities gone, whitespace collapsed. */
export function readable(text: string): string {
  return (
    text
      // A link reads as its words and where it leads: Slack's <url|words>, HTML's <a href="url">.
      .replace(/<((?:https?|mailto):[^|>\s]+)\|([^>]+)>/g, '$2 $1')
      .replace(/<a\b[^>]*\bhref="([^"]+)"[^>]*>/g, ' $1 ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, '$1')
      .replace(/[*_~`]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}
