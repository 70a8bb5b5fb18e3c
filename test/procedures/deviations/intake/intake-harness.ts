import type { BotActor, BotReply, ConversationRef, FormOutcome } from '../../../../src/bot/bot-requests.js';
import { BotRouter } from '../../../../src/bot/bot-router.js';
import type { InstitutionConfig } from '../../../../src/config/institution-config.js';
import type { Form, FormValues, Message } from '../../../../src/messages/message-model.js';
import { plainTextOf } from '../../../../src/messages/plain-text.js';
import { deviationsChat } from '../../../../src/procedures/deviations/module.js';
import type { Database } from '../../../../src/storage/database.js';
import type { SurfaceName } from '../../../../src/surfaces/chat-surface.js';
import { capturedLogger } from '../../../support/captured-logger.js';
import { deviationDependencies, people, TestClock } from '../../../support/deviations-fixture.js';
import { RecordingSurface } from '../../../support/recording-surface.js';

/** 12:30 in Trondheim on Tuesday 13 October 2026: the deadline is 28 days on, 10 November. */
export const receivedAt = new Date('2026-10-13T10:30:00Z');

/** Who the surfaces know, with the language their platform says they read. */
export const directory: ReadonlyMap<string, { displayName: string; locale: string }> = new Map([
  [people.student, { displayName: 'Stina Student', locale: 'en-GB' }],
  [people.otherStudent, { displayName: 'Ola Other', locale: 'da-DK' }],
  [people.employee, { displayName: 'Lars Lecturer', locale: 'da-DK' }],
  [people.ownerIe1, { displayName: 'Ida Owner', locale: 'da-DK' }],
  [people.ownerIe2, { displayName: 'Ivar Owner', locale: 'en-GB' }],
  [people.ownerNv, { displayName: 'Nora Owner', locale: 'en-GB' }],
]);

export function actorOf(
  email: string | null,
  options: { readonly locale?: string | null; readonly surface?: SurfaceName } = {},
): BotActor {
  const known = email === null ? undefined : directory.get(email);
  return {
    surface: options.surface ?? 'slack',
    userId: `U-${email ?? 'anonymous'}`,
    email,
    displayName: known?.displayName ?? 'Someone',
    locale: options.locale === undefined ? (known?.locale ?? null) : options.locale,
  };
}

/** The bot with the deviations procedure only, over a real test database, on recording surfaces. */
export function intakeBot(
  database: Database,
  options: {
    readonly config?: InstitutionConfig;
    /** Who Slack knows, when not everybody in `directory`. */
    readonly known?: ReadonlyMap<string, { displayName: string; locale?: string }>;
  } = {},
) {
  const clock = new TestClock(receivedAt);
  const logs = capturedLogger();
  const slack = new RecordingSurface('slack', options.known ?? directory);
  const dependencies = deviationDependencies({
    database,
    surfaces: [slack],
    clock,
    logger: logs.logger,
    ...(options.config === undefined ? {} : { config: options.config }),
  });
  const router = new BotRouter(dependencies.config, [deviationsChat(dependencies)]);
  const conversationOf = (actor: BotActor): ConversationRef => ({
    surface: actor.surface,
    conversationId: `D-${actor.userId}`,
    kind: 'direct',
  });
  return {
    router,
    slack,
    store: dependencies.store,
    clock,
    logs,
    /**
     * `/deviation …` as typed on Slack. (`/avvik` is routed once Norwegian is
     * one of the bot's languages: the module offers the names of those only.)
     */
    command: (actor: BotActor, text: string, name = 'deviation'): Promise<BotReply> =>
      router.command(actor, conversationOf(actor), text, name),
    /** `/deviation` (with any text after it): the report form it opens. */
    async openForm(actor: BotActor, text = ''): Promise<Form> {
      const reply = await router.command(actor, conversationOf(actor), text, 'deviation');
      if (reply.kind !== 'form') throw new Error(`expected the report form, got ${JSON.stringify(reply)}`);
      return reply.form;
    },
    submit: (actor: BotActor, form: Form, values: FormValues): Promise<FormOutcome> =>
      router.submitForm(actor, { formId: form.formId, state: form.state ?? null, values }),
    /** The direct messages the surface was asked to post, as (recipient, plain text). */
    directMessages: () =>
      slack.posts.map((post) => ({
        to: post.destination.kind === 'direct' ? post.destination.email : post.destination.channelId,
        text: messageText(post.message),
        message: post.message,
      })),
  };
}

/** A complete, ordinary report about TDT4100, as a student fills it in. */
export const aReport = {
  category: 'timetabling',
  unit: 'course:TDT4100',
  whereWhen: 'Lecture hall R7, Mondays 10–12',
  description: 'Two mandatory lectures of TDT4100 are scheduled at the same time as the lab.',
  role: 'student',
  seriousMatter: 'no',
  ordinaryChannels: true,
} satisfies FormValues;

/** Every text of a message in reading order, one block to a line. */
export function messageText(message: Message): string {
  return message.blocks
    .map((block) => {
      switch (block.type) {
        case 'heading':
          return block.text;
        case 'text':
        case 'context':
          return plainTextOf(block.content);
        case 'facts':
          return block.facts.map((fact) => `${fact.label}: ${plainTextOf(fact.value)}`).join('\n');
        case 'table':
          return [block.columns.map((column) => column.header), ...block.rows]
            .map((row) => row.join(' | '))
            .join('\n');
        default:
          return '';
      }
    })
    .join('\n');
}

/** The form a submission answered with (the receipt, the route, or the report form again). */
export function formOf(outcome: FormOutcome): Form {
  if (outcome.kind !== 'form') throw new Error(`expected a form, got ${JSON.stringify(outcome)}`);
  return outcome.form;
}

/** A form's blocks as text (a receipt or a notice). */
export function formText(form: Form): string {
  return messageText({ fallbackText: '', blocks: form.blocks ?? [] });
}
