import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FormValues } from '../../src/messages/message-model.js';
import type { ConnectorCall } from '../support/bot-framework-double.js';
import {
  type Answer,
  cast,
  type DeviationWalkthrough,
  eventually,
  everyone,
  readable,
  type SeenButton,
  type SeenForm,
  type SeenMessage,
  type SurfaceDriver,
  startDeviationWalkthrough,
  teamsMember,
  teamsTeam,
  teamsTenant,
  type Who,
} from '../support/deviation-walkthrough.js';
import {
  forwardedToNvAndRejected,
  redirectedToWhistleblowing,
  statusAndHistory,
  untouchedReportIsEscalated,
} from '../support/deviation-walkthrough-other-reports.js';
import {
  type FiledCase,
  handlerHandlesAndCloses,
  Ledger,
  ownerAcceptsAndAssigns,
  reports,
  studentFilesAReport,
} from '../support/deviation-walkthrough-steps.js';
import { testDatabaseEngine } from '../support/test-database.js';

// The deviations procedure on Teams, end to end (issue 9): activities as
// Teams sends them (messages in each person's 1:1 chat with the bot, the
// Open buttons' task/fetch, the dialogs' task/submit) into the whole bot
// behind the Teams SDK, and every activity the bot sends read back from the
// Bot Framework double.
let world: DeviationWalkthrough;
let driver: TeamsDriver;
let ledger: Ledger;
beforeAll(async () => {
  world = await startDeviationWalkthrough();
  // Local development: the bot's calls carry no token (TEAMS_LOCAL_DEVELOPMENT).
  world.surfaces.teams.requireOutboundToken = false;
  driver = teamsDriver(world);
  ledger = new Ledger(driver);
  // The app is added to the university's team: the bot reads its roster to find people by address.
  const installed = await driver.post(driver.teamInstallation());
  expect(installed.status).toBeLessThan(300);
});
afterAll(async () => {
  world?.surfaces.teams.assertNoUnexpectedCalls();
  await world?.dispose();
});

interface CardAction {
  readonly type: string;
  readonly title?: string;
  readonly data?: Record<string, unknown>;
}

/** Every text a card shows (text blocks, facts, input labels, button titles), in order. */
function wordsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(wordsOf);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    if (key === 'data') return [];
    if (['text', 'title', 'label', 'value'].includes(key) && typeof value === 'string') return [value];
    return wordsOf(value);
  });
}

/** Every Action.Submit and Action.Execute of a card. */
function actionsOf(node: unknown): CardAction[] {
  if (Array.isArray(node)) return node.flatMap(actionsOf);
  if (typeof node !== 'object' || node === null) return [];
  const action = node as CardAction;
  const own = action.type === 'Action.Submit' || action.type === 'Action.Execute' ? [action] : [];
  return [...own, ...Object.values(node).flatMap(actionsOf)];
}

/** What a click sends, for each kind of button: a message's, a message's that opens a dialog, a dialog's. */
function buttonOf(action: CardAction): SeenButton | null {
  const data = action.data ?? {};
  const opens = data.trafiklysForm as { actionId?: string; value?: string | null } | undefined;
  const actionId = opens?.actionId ?? data.actionId;
  if (typeof actionId !== 'string') return null;
  const value = opens !== undefined ? opens.value : (data.actionValue ?? data.value);
  return { actionId, value: typeof value === 'string' ? value : null, label: action.title ?? '' };
}

function buttonsOf(card: unknown): SeenButton[] {
  return actionsOf(card).flatMap((action) => {
    const button = buttonOf(action);
    return button === null ? [] : [button];
  });
}

const cardOf = (body: unknown): unknown =>
  (body as { attachments?: { content?: unknown }[] } | undefined)?.attachments?.[0]?.content;

/** The URLs of a card's images. */
function imageUrlsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(imageUrlsOf);
  if (typeof node !== 'object' || node === null) return [];
  const own =
    (node as { type?: unknown; url?: unknown }).type === 'Image'
      ? [String((node as { url: unknown }).url)]
      : [];
  return [...own, ...Object.values(node).flatMap(imageUrlsOf)];
}

interface OpenDialog {
  readonly card: unknown;
}

type TeamsDriver = SurfaceDriver & {
  post(activity: unknown): Promise<Response>;
  teamInstallation(): unknown;
};

function teamsDriver(world: DeviationWalkthrough): TeamsDriver {
  const { teams } = world.surfaces;
  const botId = `28:${teams.clientId}`;
  const dialogs = new Map<Who, OpenDialog>();
  /** Activities the bot sent in answer to a person's own messages (the Open cards, her list): not her inbox. */
  const answers = new Set<string>();
  let sequence = 0;

  const post = (activity: unknown) =>
    fetch(`${world.surfaces.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });

  /** A person's 1:1 chat with the bot: the one the bot opened for her, else the one she starts by writing. */
  const chatOf = (who: Who) => teams.personalChatOf(cast[who].teamsId) ?? `a:1personal-${cast[who].teamsId}`;

  function inPersonalChat(who: Who) {
    const member = teamsMember(cast[who]);
    sequence += 1;
    return {
      channelId: 'msteams',
      serviceUrl: teams.serviceUrl,
      timestamp: new Date().toISOString(),
      id: `incoming-${sequence}`,
      from: { id: member.id, name: member.name, aadObjectId: member.aadObjectId },
      recipient: { id: botId, name: 'Trafiklys' },
      locale: cast[who].locale,
      conversation: { id: chatOf(who), conversationType: 'personal', tenantId: teamsTenant },
      channelData: { tenant: { id: teamsTenant } },
    };
  }

  const sentTo = (conversationId: string) =>
    teams.callsTo('send-activity').filter((call) => call.conversationId === conversationId);

  function dialogAnswer(who: Who, body: unknown): Answer {
    const task = (body as { task?: { type?: string; value?: unknown } } | null)?.task;
    if (task === undefined) {
      dialogs.delete(who);
      return { kind: 'closed' };
    }
    if (task.type === 'message') return { kind: 'message', text: readable(String(task.value)) };
    const value = task.value as { title: string; card: { content: unknown } };
    dialogs.set(who, { card: value.card.content });
    return { kind: 'form', form: seenForm(value.title, value.card.content) };
  }

  function seenForm(title: string, card: unknown): SeenForm {
    const submit = actionsOf(card).find((action) => action.data?.formId !== undefined);
    return {
      formId: String(submit?.data?.formId ?? ''),
      text: readable([title, ...wordsOf(card)].join(' ')),
      buttons: buttonsOf(card),
    };
  }

  /** task/fetch or task/submit in the person's chat, and the dialog's answer. */
  async function invoke(
    who: Who,
    name: 'task/fetch' | 'task/submit',
    data: Record<string, unknown>,
  ): Promise<Answer> {
    const response = await post({
      ...inPersonalChat(who),
      type: 'invoke',
      name,
      value: { data: name === 'task/fetch' ? { msteams: { type: 'task/fetch' }, ...data } : data },
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    return dialogAnswer(who, text === '' ? null : JSON.parse(text));
  }

  function openDialogOf(who: Who): OpenDialog {
    const dialog = dialogs.get(who);
    if (!dialog) throw new Error(`${who} has no dialog open`);
    return dialog;
  }

  return {
    surface: 'teams',
    post,
    teamInstallation: () => ({
      ...inPersonalChat('quality'),
      type: 'installationUpdate',
      action: 'add',
      conversation: { id: teamsTeam.id, conversationType: 'channel', tenantId: teamsTenant, isGroup: true },
      channelData: { tenant: { id: teamsTenant }, team: { id: teamsTeam.id, name: teamsTeam.name } },
    }),
    nameOf: (who) => cast[who].name,
    // Teams tells a person's language in her own chat only: the Danish owner wrote there before the walkthrough.
    languageOf: (who) =>
      cast[who].locale.startsWith('da') ? 'da' : cast[who].locale.startsWith('nb') ? 'nb' : 'en',
    /**
     * Typed in her 1:1 chat: `/avvik …` as `avvik …`, `/deviation …` as
     * `@Trafiklys deviation …` (a mention, as in a channel). A form comes as
     * a card with an Open button, which she clicks: the dialog opens.
     */
    async command(who, typed) {
      const words = typed.replace(/^\//, '');
      const mention = typed.startsWith('/deviation');
      const chat = chatOf(who);
      const before = sentTo(chat).length;
      const response = await post({
        ...inPersonalChat(who),
        type: 'message',
        text: mention ? `<at>Trafiklys</at> ${words}` : words,
        ...(mention
          ? {
              entities: [
                { type: 'mention', text: '<at>Trafiklys</at>', mentioned: { id: botId, name: 'Trafiklys' } },
              ],
            }
          : {}),
      });
      expect(response.status).toBeLessThan(300);
      const reply = await eventually(() => sentTo(chatOf(who)).slice(before)[0], `the answer to ${who}`);
      answers.add(activityIdOf(reply));
      const card = cardOf(reply.body);
      const open = actionsOf(card).find((action) => action.data?.trafiklysForm !== undefined);
      if (open?.data?.trafiklysForm === undefined)
        return { kind: 'message', text: readable(wordsOf(card).join(' ')) };
      expect(open.data.trafiklysForm).toEqual({ source: 'command', text: words });
      return invoke(who, 'task/fetch', { trafiklysForm: open.data.trafiklysForm });
    },
    async click(who, message, actionId) {
      const action = actionsOf(message.handle).find(
        (candidate) => buttonOf(candidate)?.actionId === actionId,
      );
      if (!action?.data?.trafiklysForm) throw new Error(`no ${actionId} that opens a dialog on the message`);
      return invoke(who, 'task/fetch', { trafiklysForm: action.data.trafiklysForm });
    },
    clickInForm(who, actionId, value) {
      const action = actionsOf(openDialogOf(who).card).find(
        (candidate) =>
          candidate.data?.actionId === actionId && (value === null || candidate.data.actionValue === value),
      );
      if (!action?.data) throw new Error(`no ${actionId} in ${who}'s dialog`);
      return invoke(who, 'task/submit', action.data);
    },
    submit(who, values: FormValues) {
      const submit = actionsOf(openDialogOf(who).card).find(
        (action) => action.data?.formId !== undefined && action.data.actionId === undefined,
      );
      if (!submit?.data) throw new Error(`${who}'s dialog has no submit button`);
      // Card inputs arrive as text: a toggle as "true"/"false", a multiselect comma-separated.
      const inputs = Object.fromEntries(
        Object.entries(values).map(([field, value]) => [
          field,
          Array.isArray(value) ? value.join(',') : typeof value === 'boolean' ? String(value) : (value ?? ''),
        ]),
      );
      return invoke(who, 'task/submit', { ...submit.data, ...inputs });
    },
    async inbox(who) {
      const chat = chatOf(who);
      const updates = teams.callsTo('update-activity').filter((call) => call.conversationId === chat);
      return sentTo(chat)
        .filter((call) => !answers.has(activityIdOf(call)))
        .map((call): SeenMessage => {
          const id = activityIdOf(call);
          const own = updates.filter((update) => update.activityId === id);
          const card = cardOf((own.at(-1) ?? call).body);
          return {
            text: readable(wordsOf(card).join(' ')),
            buttons: buttonsOf(card),
            updates: own.length,
            handle: card,
          };
        });
    },
    async strayPosts() {
      const chats = new Set(everyone.map(chatOf));
      return teams.calls
        .filter((call) => ['send-activity', 'update-activity', 'delete-activity'].includes(call.route))
        .filter((call) => call.route === 'delete-activity' || !chats.has(call.conversationId ?? ''))
        .map((call) => `${call.route} ${call.conversationId}`);
    },
  };
}

function activityIdOf(call: ConnectorCall): string {
  return String((call.answer as { id?: unknown } | undefined)?.id ?? '');
}

describe(`the deviations procedure on Teams, end to end (${testDatabaseEngine()})`, () => {
  // After every step: each person has exactly the messages the steps expected, and Teams was asked for nothing else.
  afterEach(() => ledger.expectNothingElse());

  let timetable: FiledCase;
  let notice: SeenMessage;

  it('the Danish owner has talked to the bot in her chat before: Teams has told it her language', async () => {
    const help = await driver.command('ownerIe1', 'help');
    if (help.kind !== 'message') throw new Error(`expected the commands, got ${JSON.stringify(help)}`);
    expect(help.text).toContain('Trafiklys – kommandoer');
    expect(help.text).toContain('afvigelse');
  });

  it('a student files a report with “avvik” in her chat and the dialog its card opens: her receipt in Bokmål, a triage card to each IE report owner in her language', async () => {
    timetable = await studentFilesAReport(driver, ledger, {
      command: '/avvik',
      report: reports.timetable,
      number: '2026-0001',
    });
  });

  it('the Danish owner accepts and assigns the handler: the handler gets the case, the student is told, both cards change in place', async () => {
    notice = await ownerAcceptsAndAssigns(driver, ledger, timetable);
  });

  it('the handler asks the student, hears a colleague, replies preliminarily, records causes and closes: each message reaches its person', async () => {
    await handlerHandlesAndCloses(driver, ledger, timetable, notice);
  });

  it('another report, filed with “@Trafiklys deviation”: an IE owner forwards it to NV, whose owner gets it and rejects it with a reason the student gets', async () => {
    const examRoom = await studentFilesAReport(driver, ledger, {
      command: '/deviation',
      report: reports.examRoom,
      number: '2026-0002',
    });
    await forwardedToNvAndRejected(driver, ledger, examRoom);
  });

  it('another report: an IE owner redirects it to whistleblowing, and the student gets the reason and the route', async () => {
    const labAssistant = await studentFilesAReport(driver, ledger, {
      command: '/avvik',
      report: reports.labAssistant,
      number: '2026-0003',
    });
    await redirectedToWhistleblowing(driver, ledger, labAssistant);
  });

  it('a report nobody touches: both IE owners are reminded on day 21, the head of IDI told once it is overdue, each once across restarts', async () => {
    await untouchedReportIsEscalated(driver, ledger, world, () => world.surfaces.restart());
  });

  it('the quality department asks for the statistics in her chat: the figures and both charts, each chart served at the address its card names', async () => {
    const before = world.surfaces.teams.calls.length;
    const answer = await driver.command('quality', 'deviation stats IE');
    expect(answer.kind === 'message' && answer.text).toContain('Deviation statistics');
    const images = world.surfaces.teams.calls
      .slice(before)
      .filter((call) => call.route === 'send-activity')
      .flatMap((call) => imageUrlsOf(cardOf(call.body)));
    expect(images).toHaveLength(2);
    for (const url of images) {
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
    }
  });

  it('“avvik status” lists the student’s cases in Bokmål; “@Trafiklys deviation case” shows an owner the first case’s history, as audited', async () => {
    await statusAndHistory(driver, world);
  });
});
