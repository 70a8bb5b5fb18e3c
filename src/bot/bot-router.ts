import type { InstitutionConfig } from '../config/institution-config.js';
import { supportedLanguages as languages } from '../i18n/languages.js';
import { type Translator, translatorForLocale } from '../i18n/translator.js';
import type { Message } from '../messages/message-model.js';
import type {
  BotActor,
  BotReply,
  BotRequests,
  ConversationRef,
  FormAction,
  FormOutcome,
} from './bot-requests.js';
import { commandAsTyped, mainCommandName } from './main-command.js';
import type {
  FormSubmission,
  ModuleAction,
  ModuleCommand,
  ModuleRequest,
  OwnCommand,
  ProcedureModule,
  SharedFile,
} from './procedure-module.js';
import { plain, privately } from './replies.js';

/**
 * The bot: routes what people type, click, submit and share to the procedure
 * module that declared it. It knows the modules only through their
 * declarations (src/bot/procedure-module.ts); `help` lists what they declare.
 */
export class BotRouter implements BotRequests {
  private readonly ownCommandsByName = new Map<string, OwnCommand>();

  constructor(
    private readonly config: InstitutionConfig,
    private readonly modules: readonly ProcedureModule[],
  ) {
    const claimed = new Map<string, string>();
    const claim = (kind: string, key: string, module: ProcedureModule) => {
      const earlier = claimed.get(`${kind}:${key}`);
      // Two modules answering the same words would make one of them unreachable: a wiring mistake, said at start.
      if (earlier !== undefined)
        throw new Error(
          `procedure modules "${earlier}" and "${module.name}" both declare the ${kind} "${key}"`,
        );
      claimed.set(`${kind}:${key}`, module.name);
    };
    for (const module of modules) {
      claim('action prefix', module.actionPrefix, module);
      claim('form prefix', module.formPrefix, module);
      for (const command of module.commands)
        for (const words of new Set(Object.values(command.words)))
          claim('command', normalised(words), module);
      for (const command of module.ownCommands ?? [])
        for (const name of new Set(Object.values(command.names))) {
          if (name === undefined) continue;
          claim('slash command', name.toLowerCase(), module);
          this.ownCommandsByName.set(name.toLowerCase(), command);
        }
    }
  }

  commandNames(): readonly string[] {
    return [mainCommandName, ...this.ownCommandsByName.keys()];
  }

  async command(
    actor: BotActor,
    conversation: ConversationRef,
    text: string,
    commandName: string | null = null,
  ): Promise<BotReply> {
    const request = this.requestOf(actor, conversation);
    const name = commandName?.replace(/^\//, '').toLowerCase() ?? null;
    const own = name === null || name === mainCommandName ? null : this.ownCommandsByName.get(name);
    if (own) return own.run(request, text.trim());
    if (name !== null && name !== mainCommandName) return this.unknown(request, `/${name} ${text}`.trim());
    const typed = text.trim().replace(/\s+/g, ' ');
    const words = typed.toLowerCase();
    if (words === '' || words === 'help') return privately(this.helpMessage(request));
    const match = this.commandFor(words);
    if (match) return match.command.run(request, typed.slice(match.length).trim());
    // Typed without the bot's name on a platform with no slash commands: `@Trafiklys avvik …`.
    const [first = '', ...rest] = typed.split(' ');
    const ownByWord = this.ownCommandsByName.get(first.replace(/^\//, '').toLowerCase());
    if (ownByWord) return ownByWord.run(request, rest.join(' '));
    return this.unknown(request, text);
  }

  async action(actor: BotActor, conversation: ConversationRef, action: ModuleAction): Promise<BotReply> {
    const request = this.requestOf(actor, conversation);
    const module = this.modules.find((candidate) => action.actionId.startsWith(candidate.actionPrefix));
    return (await module?.action?.(request, action)) ?? this.unknown(request, action.actionId);
  }

  async submitForm(actor: BotActor, submission: FormSubmission): Promise<FormOutcome> {
    const module = this.modules.find((candidate) => submission.formId.startsWith(candidate.formPrefix));
    // A form no module owns any more (an old modal after an upgrade) simply closes.
    const request = { actor, reader: this.readerFor(actor), config: this.config };
    return (await module?.submitForm?.(request, submission)) ?? { kind: 'close' };
  }

  async formAction(actor: BotActor, action: FormAction): Promise<FormOutcome> {
    const module = this.modules.find((candidate) => action.formId.startsWith(candidate.formPrefix));
    const request = { actor, reader: this.readerFor(actor), config: this.config };
    return (await module?.formAction?.(request, action)) ?? { kind: 'close' };
  }

  async fileShared(actor: BotActor, conversation: ConversationRef, file: SharedFile): Promise<BotReply> {
    const request = this.requestOf(actor, conversation);
    const handlers = this.modules.flatMap((module) => (module.sharedFiles ? [module.sharedFiles] : []));
    const handler = handlers.find((candidate) => candidate.accepts(file));
    if (handler) return handler.handle(request, file);
    const { reader } = request;
    return privately(
      plain(
        reader.t.bot.fileNotTaken({
          fileName: file.name,
          kinds: reader.formatList(handlers.map((candidate) => candidate.describe(reader))),
        }),
      ),
    );
  }

  /** The longest command whose words (in any language) start what was typed. */
  private commandFor(words: string): { command: ModuleCommand; length: number } | null {
    let best: { command: ModuleCommand; length: number } | null = null;
    for (const command of this.modules.flatMap((module) => module.commands)) {
      for (const candidate of new Set(Object.values(command.words).map(normalised))) {
        const matches = words === candidate || words.startsWith(`${candidate} `);
        if (matches && (!best || candidate.length > best.length))
          best = { command, length: candidate.length };
      }
    }
    return best;
  }

  private helpMessage({ reader, conversation }: ModuleRequest): Message {
    const { t } = reader;
    const typed = (words: string) => commandAsTyped(conversation.surface, words);
    const facts = [
      ...this.modules.flatMap((module) =>
        module.commands.map((command) => ({
          label: typed(command.words[reader.language]),
          value: [command.describe(reader)],
        })),
      ),
      ...this.modules.flatMap((module) =>
        (module.ownCommands ?? []).map((command) => ({
          label: `/${command.names[reader.language] ?? firstName(command)}`,
          value: [command.describe(reader)],
        })),
      ),
      { label: typed('help'), value: [t.commands.description.help] },
    ];
    return {
      fallbackText: t.commands.helpHeading,
      blocks: [
        { type: 'heading', text: t.commands.helpHeading },
        { type: 'facts', facts },
      ],
    };
  }

  private unknown({ reader, conversation }: ModuleRequest, text: string): BotReply {
    return privately(
      plain(reader.t.commands.unknown({ text, helpCommand: commandAsTyped(conversation.surface, 'help') })),
    );
  }

  private requestOf(actor: BotActor, conversation: ConversationRef): ModuleRequest {
    return { actor, conversation, reader: this.readerFor(actor), config: this.config };
  }

  private readerFor(actor: BotActor): Translator {
    return translatorForLocale(actor.locale, this.config.institution.language);
  }
}

function normalised(words: string): string {
  return words.trim().toLowerCase().replace(/\s+/g, ' ');
}

function firstName(command: OwnCommand): string {
  return languages.map((language) => command.names[language]).find((name) => name !== undefined) ?? '';
}
