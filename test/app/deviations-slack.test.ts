import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FormValues } from '../../src/messages/message-model.js';
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
  type Who,
} from '../support/deviation-walkthrough.js';
import {
  forwardedToNvAndRejected,
  redirectedToWhistleblowing,
  statusAndHistory,
  untouchedReportIsEscalated,
} from '../support/deviation-walkthrough-other-reports.js';
import {
  handlerHandlesAndCloses,
  Ledger,
  ownerAcceptsAndAssigns,
  reports,
  studentFilesAReport,
} from '../support/deviation-walkthrough-steps.js';
import { blocksOf } from '../support/slack-api-double.js';
import { readSlackManifest } from '../support/slack-manifest.js';
import { postSigned } from '../support/slack-request-signer.js';
import { testDatabaseEngine } from '../support/test-database.js';
import {
  blockActions,
  slashCommand,
  viewBlockActions,
  viewSubmission,
} from '../surfaces/slack/slack-payloads.js';

// The deviations procedure on Slack, end to end (issue 9): signed slash
// commands, clicks and modal submissions into the whole bot behind Bolt,
// and every message the bot sends read back from the Slack API double.
let world: DeviationWalkthrough;
let driver: SurfaceDriver;
let ledger: Ledger;
beforeAll(async () => {
  world = await startDeviationWalkthrough();
  driver = slackDriver(world);
  ledger = new Ledger(driver);
});
afterAll(async () => {
  world?.surfaces.slack.assertNoUnexpectedCalls();
  await world?.dispose();
});

/** A person's direct chat with the bot: what conversations.open gives for her. */
const directChannel = (who: Who) => `D${cast[who].slackId.slice(1)}`;

/** Every text a piece of Block Kit shows, in order. */
function wordsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(wordsOf);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'text' && typeof value === 'string' ? [value] : wordsOf(value),
  );
}

function buttonsOf(node: unknown): SeenButton[] {
  if (Array.isArray(node)) return node.flatMap(buttonsOf);
  if (typeof node !== 'object' || node === null) return [];
  const element = node as { type?: unknown; action_id?: unknown; value?: unknown; text?: { text?: unknown } };
  if (element.type === 'button' && typeof element.action_id === 'string')
    return [
      {
        actionId: element.action_id,
        value: typeof element.value === 'string' ? element.value : null,
        label: String(element.text?.text ?? ''),
      },
    ];
  return Object.values(node).flatMap(buttonsOf);
}

interface OpenModal {
  readonly id: string;
  readonly externalId: string;
  readonly view: { callback_id: string; private_metadata?: string; blocks: unknown[] };
}

function seenForm(modal: OpenModal): SeenForm {
  return {
    formId: modal.view.callback_id,
    text: readable(wordsOf(modal.view).join(' ')),
    buttons: buttonsOf(modal.view.blocks),
  };
}

/** A submitted value as Slack's view state holds it, for the element the modal rendered. */
function elementState(type: string, value: FormValues[string] | undefined): Record<string, unknown> {
  const option = (chosen: string) => ({ text: { type: 'plain_text', text: chosen }, value: chosen });
  const text = typeof value === 'string' ? value : null;
  switch (type) {
    case 'static_select':
      return { type, selected_option: text === null ? null : option(text) };
    case 'multi_static_select':
      return { type, selected_options: Array.isArray(value) ? value.map(option) : [] };
    case 'users_select': {
      const chosen = Object.values(cast).find((person) => person.email === text);
      return { type, selected_user: chosen?.slackId ?? null };
    }
    case 'datepicker':
      return { type, selected_date: text };
    case 'checkboxes':
      return { type, selected_options: value === true ? [option('true')] : [] };
    default:
      return { type, value: text };
  }
}

function slackDriver(world: DeviationWalkthrough): SurfaceDriver {
  const { slack, slackSigner } = world.surfaces;
  const open = new Map<Who, OpenModal>();
  const post = (request: Parameters<typeof postSigned>[1]) =>
    postSigned(`${world.surfaces.bot.url}/slack/events`, request);

  /** What a command or a click on a message led to: a modal opened, or an answer for her alone. */
  async function answerTo(who: Who, send: (responseUrl: string) => Promise<unknown>): Promise<Answer> {
    const responseUrl = slack.responseUrl();
    const responseId = responseUrl.split('/').pop();
    const opened = slack.openedViews.length;
    await send(responseUrl);
    return eventually((): Answer | undefined => {
      const modal = slack.openedViews[opened];
      if (modal) {
        const current = modal as OpenModal;
        open.set(who, current);
        return { kind: 'form', form: seenForm(current) };
      }
      const response = slack.responses.find((candidate) => candidate.responseId === responseId);
      if (response) return { kind: 'message', text: readable(wordsOf(response.body).join(' ')) };
      return undefined;
    }, `the answer to ${who}`);
  }

  function modalOf(who: Who): OpenModal {
    const modal = open.get(who);
    if (!modal) throw new Error(`${who} has no modal open`);
    return modal;
  }

  return {
    surface: 'slack',
    nameOf: (who) => cast[who].name,
    languageOf: (who) =>
      cast[who].locale.startsWith('da') ? 'da' : cast[who].locale.startsWith('nb') ? 'nb' : 'en',
    command: (who, typed) =>
      answerTo(who, (responseUrl) => {
        const [, name = '', text = ''] = /^\/(\S+)\s*(.*)$/.exec(typed) ?? [];
        return post(
          slackSigner.command(
            slashCommand({
              userId: cast[who].slackId,
              channelId: directChannel(who),
              text,
              responseUrl,
              command: `/${name}`,
            }),
          ),
        );
      }),
    click: (who, message, actionId) => {
      const button = message.buttons.find((candidate) => candidate.actionId === actionId);
      if (!button) throw new Error(`no ${actionId} on the message`);
      return answerTo(who, (responseUrl) =>
        post(
          slackSigner.interaction(
            blockActions({
              userId: cast[who].slackId,
              channelId: directChannel(who),
              actionId,
              value: button.value ?? '',
              responseUrl,
            }),
          ),
        ),
      );
    },
    async clickInForm(who, actionId, value) {
      const modal = modalOf(who);
      // Only what the modal shows can be clicked.
      const shown = buttonsOf(modal.view.blocks).some(
        (button) => button.actionId === actionId && (value === null || button.value === value),
      );
      if (!shown) throw new Error(`${who}'s modal shows no ${actionId} ${value ?? ''}`);
      const updates = slack.updatedViews.length;
      const response = await post(
        slackSigner.interaction(
          viewBlockActions({
            userId: cast[who].slackId,
            viewId: modal.id,
            hash: slack.viewHash(modal.id),
            externalId: modal.externalId,
            callbackId: modal.view.callback_id,
            privateMetadata: modal.view.private_metadata ?? '',
            values: stateOf(modal, {}),
            action: { type: 'button', actionId, ...(value === null ? {} : { value }) },
          }),
        ),
      );
      expect(response.status).toBe(200);
      const updated = await eventually(
        () => slack.updatedViews.slice(updates).find((view) => view.id === modal.id),
        `${who}'s modal updated`,
      );
      const next = { ...modal, view: updated.view as OpenModal['view'] };
      open.set(who, next);
      return { kind: 'form', form: seenForm(next) };
    },
    async submit(who, values) {
      const modal = modalOf(who);
      const response = await post(
        slackSigner.interaction(
          viewSubmission({
            userId: cast[who].slackId,
            viewId: modal.id,
            externalId: modal.externalId,
            callbackId: modal.view.callback_id,
            privateMetadata: modal.view.private_metadata ?? '',
            values: stateOf(modal, values),
          }),
        ),
      );
      expect(response.status).toBe(200);
      if (response.body === '') {
        open.delete(who);
        return { kind: 'closed' };
      }
      const answer = JSON.parse(response.body) as {
        response_action: 'errors' | 'update';
        errors?: Record<string, string>;
        view?: OpenModal['view'];
      };
      if (answer.response_action === 'errors') return { kind: 'errors', errors: answer.errors ?? {} };
      const next = { ...modal, view: answer.view as OpenModal['view'] };
      open.set(who, next);
      return { kind: 'form', form: seenForm(next) };
    },
    async inbox(who) {
      const channel = directChannel(who);
      const updates = slack
        .callsOf('chat.update')
        .filter((call) => call.outcome === 'ok' && call.args.channel === channel);
      return slack.messagesIn(channel).map(
        (message): SeenMessage => ({
          text: readable(wordsOf(message.blocks).join(' ')),
          buttons: buttonsOf(message.blocks),
          updates: updates.filter((call) => call.args.ts === message.ts).length,
        }),
      );
    },
    async strayPosts() {
      const directChannels = new Set(everyone.map(directChannel));
      return slack.calls
        .filter((call) =>
          ['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'chat.delete'].includes(call.method),
        )
        .filter(
          (call) => call.method === 'chat.postEphemeral' || !directChannels.has(String(call.args.channel)),
        )
        .map((call) => `${call.method} ${String(call.args.channel)}: ${String(call.args.text)}`);
    },
  };
}

/** The modal's whole view state with these values: every input block answers, as Slack sends it. */
function stateOf(modal: OpenModal, values: FormValues): Record<string, Record<string, unknown>> {
  const state: Record<string, Record<string, unknown>> = {};
  for (const block of blocksOf({ blocks: modal.view.blocks })) {
    const input = block as { type: string; block_id?: string; element?: { type: string; action_id: string } };
    if (input.type !== 'input' || !input.block_id || !input.element) continue;
    state[input.block_id] = {
      [input.element.action_id]: elementState(input.element.type, values[input.block_id]),
    };
  }
  return state;
}

describe(`the deviations procedure on Slack, end to end (${testDatabaseEngine()})`, () => {
  // After every step: each person has exactly the messages the steps expected, and Slack was asked for nothing else.
  afterEach(() => ledger.expectNothingElse());
  let timetable: Awaited<ReturnType<typeof studentFilesAReport>>;

  it('a student files a report with /avvik: her receipt in Bokmål, a triage card to each IE report owner in her language', async () => {
    timetable = await studentFilesAReport(driver, ledger, {
      command: '/avvik',
      report: reports.timetable,
      number: '2026-0001',
    });
  });

  let notice: SeenMessage;
  it('the Danish owner accepts and assigns the handler: the handler gets the case, the student is told, both cards change in place', async () => {
    notice = await ownerAcceptsAndAssigns(driver, ledger, timetable);
  });

  it('the handler asks the student, hears a colleague, replies preliminarily, records causes and closes: each message reaches its person', async () => {
    await handlerHandlesAndCloses(driver, ledger, timetable, notice);
  });

  it('another report, filed with /deviation: an IE owner forwards it to NV, whose owner gets it and rejects it with a reason the student gets', async () => {
    // The shipped manifest's command; /avvik is the one an NTNU workspace's manifest lists beside it (see its comment).
    expect(readSlackManifest().commands).toContain('/deviation');
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
    await untouchedReportIsEscalated(driver, ledger, world, async () => {
      // Slack's pace (a post a second to a conversation) holds across processes; a real restart takes longer than that.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await world.surfaces.restart();
    });
  });

  it('/avvik status lists the student’s cases in Bokmål; /deviation case shows an owner the first case’s history, as audited', async () => {
    await statusAndHistory(driver, world);
  });

  it('nothing else was sent', async () => {
    await ledger.expectNothingElse();
  });
});
