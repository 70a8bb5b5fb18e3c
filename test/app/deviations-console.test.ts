import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FormValues } from '../../src/messages/message-model.js';
import { consoleClient } from '../support/console-client.js';
import {
  type Answer,
  cast,
  type DeviationWalkthrough,
  everyone,
  readable,
  type SeenButton,
  type SeenForm,
  type SeenMessage,
  type SurfaceDriver,
  startDeviationWalkthrough,
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

// The deviations procedure on the console, end to end (issue 9): each
// person in her own direct chat with the bot, through the console page's
// API (commands, clicks, the form panel), and every message the bot sends
// read back from the console's stored conversations.
let world: DeviationWalkthrough;
let driver: SurfaceDriver;
let ledger: Ledger;
beforeAll(async () => {
  world = await startDeviationWalkthrough();
  driver = consoleDriver(world);
  ledger = new Ledger(driver);
});
afterAll(async () => {
  await world?.dispose();
});

const directChannel = (who: Who) => `@${cast[who].email}`;

/** The buttons of a message (`data-action-id`) or of a form panel (`data-form-action-id`). */
function buttonsIn(html: string): SeenButton[] {
  return [...html.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/g)].flatMap(
    ([, attributes = '', label = '']) => {
      const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];
      const actionId = attribute('data-action-id') ?? attribute('data-form-action-id');
      if (actionId === undefined) return [];
      return [{ actionId, value: attribute('data-value') ?? null, label: readable(label) }];
    },
  );
}

function seenForm(html: string): SeenForm {
  return {
    formId: /data-form-id="([^"]+)"/.exec(html)?.[1] ?? '',
    text: readable(html),
    buttons: buttonsIn(html),
  };
}

const messageRowSchema = (value: unknown) =>
  value as { messages: { id: string; author: string; html: string; postedAt: string; updatedAt: string }[] };

/**
 * The console as its page uses it. A person's page speaks her language (the
 * menu the page offers); the console knows no one's language of its own, so
 * what the bot sends a person unasked is in the institution's (English),
 * except to the reporter, whose language the case keeps.
 */
function consoleDriver(world: DeviationWalkthrough): SurfaceDriver {
  /** The form panel open in front of each person: its token and what it shows. */
  const openForm = new Map<Who, { readonly token: string; readonly html: string }>();
  /** Each message's versions seen so far: the console keeps when it last changed, not how often. */
  const versions = new Map<string, Set<string>>();
  const as = (who: Who) => consoleClient(world.surfaces.bot.url, { as: cast[who].email });
  const locale = (who: Who) => cast[who].locale;

  function answerOf(who: Who, json: Record<string, unknown>): Answer {
    switch (json.kind) {
      case 'form':
        openForm.set(who, { token: String(json.formToken), html: String(json.html) });
        return { kind: 'form', form: seenForm(String(json.html)) };
      case 'message':
        return { kind: 'message', text: readable(String(json.html)) };
      case 'close':
      case 'none':
        openForm.delete(who);
        return { kind: 'closed' };
      default:
        throw new Error(`an answer the console page does not know: ${JSON.stringify(json)}`);
    }
  }

  async function post(who: Who, path: string, body: Record<string, unknown>): Promise<Answer> {
    const answer = await as(who).post(path, { ...body, locale: locale(who) });
    expect(answer.status, JSON.stringify(answer.json)).toBe(200);
    return answerOf(who, answer.json);
  }

  function formToken(who: Who): string {
    const form = openForm.get(who);
    if (form === undefined) throw new Error(`${who} has no form open`);
    return form.token;
  }

  return {
    surface: 'console',
    nameOf: (who) => cast[who].email.split('@')[0] ?? cast[who].email,
    languageOf: (who) => (who === 'student' ? 'nb' : 'en'),
    command: (who, text) => post(who, '/console/api/command', { channel: directChannel(who), text }),
    click(who, message, actionId) {
      const button = message.buttons.find((candidate) => candidate.actionId === actionId);
      if (!button) throw new Error(`no ${actionId} on the message`);
      return post(who, '/console/api/action', { channel: directChannel(who), actionId, value: button.value });
    },
    clickInForm(who, actionId, value) {
      // Only what the panel shows can be clicked.
      const shown = buttonsIn(openForm.get(who)?.html ?? '').some(
        (button) => button.actionId === actionId && (value === null || button.value === value),
      );
      if (!shown) throw new Error(`${who}'s panel shows no ${actionId} ${value ?? ''}`);
      return post(who, '/console/api/form-action', {
        formToken: formToken(who),
        actionId,
        value,
        values: {},
      });
    },
    submit: (who, values: FormValues) =>
      post(who, '/console/api/form', { formToken: formToken(who), values }),
    async inbox(who) {
      const response = await as(who).get('/console/api/messages', { channel: directChannel(who) });
      expect(response.status).toBe(200);
      const { messages } = messageRowSchema(await response.json());
      return messages
        .filter((message) => message.author === 'Trafiklys')
        .map((message): SeenMessage => {
          const seen = versions.get(message.id) ?? new Set([message.postedAt]);
          seen.add(message.updatedAt);
          versions.set(message.id, seen);
          return { text: readable(message.html), buttons: buttonsIn(message.html), updates: seen.size - 1 };
        });
    },
    async strayPosts() {
      const rows = await world.surfaces.bot.runtime.database.prisma.consoleMessage.findMany({
        where: { channel: { notIn: everyone.map(directChannel) } },
      });
      return rows.map((row) => `${row.channel}: ${row.author}`);
    },
  };
}

describe(`the deviations procedure on the console, end to end (${testDatabaseEngine()})`, () => {
  // After every step: each person has exactly the messages the steps expected, and no other conversation has any.
  afterEach(() => ledger.expectNothingElse());

  let timetable: FiledCase;
  let notice: SeenMessage;

  it('a student files a report with /avvik in her chat: her receipt in Bokmål, a triage card to each IE report owner', async () => {
    timetable = await studentFilesAReport(driver, ledger, {
      command: '/avvik',
      report: reports.timetable,
      number: '2026-0001',
    });
  });

  it('an owner accepts and assigns the handler: the handler gets the case, the student is told, both cards change in place', async () => {
    notice = await ownerAcceptsAndAssigns(driver, ledger, timetable);
  });

  it('the handler asks the student, hears a colleague, replies preliminarily, records causes and closes: each message reaches its person', async () => {
    await handlerHandlesAndCloses(driver, ledger, timetable, notice);
  });

  it('another report, filed with /deviation: an IE owner forwards it to NV, whose owner gets it and rejects it with a reason the student gets', async () => {
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

  it('/avvik status lists the student’s cases in Bokmål; /deviation case shows an owner the first case’s history, as audited', async () => {
    await statusAndHistory(driver, world);
  });
});
