import type { BotReply } from '../../bot/bot-requests.js';
import type { ModuleEnvironment, ProcedureModuleFactory } from '../../bot/module-environment.js';
import type { ModuleRequest, OwnCommand, ProcedureModule } from '../../bot/procedure-module.js';
import type { InstitutionConfig } from '../../config/institution-config.js';
import { isLanguage, type Language } from '../../i18n/languages.js';
import type { Translator } from '../../i18n/translator.js';
import type { DeviationChatPart, DeviationSubcommand } from './chat/deviation-chat-part.js';
import { deviationsPrefix } from './chat/deviation-chat-part.js';
import { handlingChat } from './chat/handling-chat.js';
import { intakeChat } from './chat/intake-chat.js';
import { statsChat } from './chat/stats-chat.js';
import { timersChat } from './chat/timers-chat.js';
import { triageChat } from './chat/triage-chat.js';
import { deviationsConfigSection } from './config-section.js';
import type { DeviationsConfig } from './deviation-config.js';
import type { DeviationDependencies } from './deviation-dependencies.js';
import type { DeviationStore } from './storage/deviation-store.js';
import { PrismaDeviationStore } from './storage/prisma-deviation-store.js';
import { UnitDirectory } from './unit-directory.js';

/**
 * Deviation reports (NTNU's guideline): `/avvik` (per language, from the
 * configuration) files a report, which reaches the faculty's report owners;
 * they triage it, a handler handles it within the deadline, the reporter is
 * kept informed, and the managers see the trends. The module joins its
 * parts (chat/…); the bot routes to it without knowing it.
 */
export function deviationsChat(dependencies: DeviationDependencies): ProcedureModule {
  const parts: readonly DeviationChatPart[] = [
    intakeChat(dependencies),
    triageChat(dependencies),
    handlingChat(dependencies),
    timersChat(dependencies),
    statsChat(dependencies),
  ];
  const subcommands = parts.flatMap((part) => part.subcommands ?? []);
  const command: OwnCommand = {
    names: commandNamesOf(dependencies.section),
    describe: (reader) => reader.t.deviations.commandDescription,
    run: (request, text) => runCommand(parts, subcommands, request, text),
  };
  return {
    name: 'deviations',
    actionPrefix: deviationsPrefix,
    formPrefix: deviationsPrefix,
    commands: [],
    ownCommands: [command],
    action: (request, action) => firstAnswer(parts, (part) => part.action?.(request, action)),
    submitForm: (request, submission) => firstAnswer(parts, (part) => part.submitForm?.(request, submission)),
    formAction: (request, action) => firstAnswer(parts, (part) => part.formAction?.(request, action)),
    jobs: parts.flatMap((part) => part.jobs ?? []),
  };
}

/** The command's names in the languages the bot speaks; every name works for every reader. */
function commandNamesOf(section: DeviationsConfig): Partial<Record<Language, string>> {
  const names: Partial<Record<Language, string>> = {};
  for (const [language, name] of Object.entries(section.commandNames)) {
    if (isLanguage(language)) names[language] = name;
  }
  return names;
}

/** `status`, `statistikk …`: a subcommand by its words in any language; anything else is the intake's. */
async function runCommand(
  parts: readonly DeviationChatPart[],
  subcommands: readonly DeviationSubcommand[],
  request: ModuleRequest,
  text: string,
): Promise<BotReply> {
  const trimmed = text.trim();
  const lower = trimmed.toLowerCase();
  for (const subcommand of subcommands) {
    for (const words of new Set(Object.values(subcommand.words))) {
      if (lower === words || lower.startsWith(`${words} `)) {
        return subcommand.run(request, trimmed.slice(words.length).trim());
      }
    }
  }
  const intake = parts.find((part) => part.bareCommand !== undefined);
  if (intake?.bareCommand === undefined) return notConfiguredReply(request.reader);
  return intake.bareCommand(request, trimmed);
}

async function firstAnswer<Answer>(
  parts: readonly DeviationChatPart[],
  ask: (part: DeviationChatPart) => Promise<Answer | null> | undefined,
): Promise<Answer | null> {
  for (const part of parts) {
    const answer = await ask(part);
    if (answer !== null && answer !== undefined) return answer;
  }
  return null;
}

function notConfiguredReply(reader: Translator): BotReply {
  const text = reader.t.deviations.notConfigured;
  return {
    kind: 'message',
    visibility: 'only_actor',
    message: { fallbackText: text, blocks: [{ type: 'text', content: [text] }] },
  };
}

/**
 * The units reports can be about, read once and again only when the course
 * catalogue was imported anew (by the command line, another process): every
 * click and form reads the directory, and a catalogue has thousands of courses.
 */
export function unitDirectoryOf(
  config: InstitutionConfig,
  section: DeviationsConfig,
  store: DeviationStore,
): () => Promise<UnitDirectory> {
  let cached: { readonly version: string; readonly directory: UnitDirectory } | null = null;
  return async () => {
    const version = await store.catalogueVersion();
    if (cached?.version !== version) {
      cached = { version, directory: new UnitDirectory(config, section, await store.catalogue()) };
    }
    return cached.directory;
  };
}

/**
 * The deviations procedure as src/app lists it. Without `deviations:` in the
 * configuration it is off: no command, no jobs.
 */
export const deviations: ProcedureModuleFactory = {
  name: 'deviations',
  configSection: deviationsConfigSection,
  create(environment: ModuleEnvironment): ProcedureModule {
    const { config } = environment;
    const section = config.deviations;
    if (section === null) {
      return {
        name: 'deviations',
        actionPrefix: deviationsPrefix,
        formPrefix: deviationsPrefix,
        commands: [],
        jobs: [],
      };
    }
    const store = new PrismaDeviationStore(
      environment.prisma,
      environment.instanceId,
      config.institution.timeZone,
    );
    return deviationsChat({
      config,
      section,
      store,
      units: unitDirectoryOf(config, section, store),
      surfaces: environment.surfaces,
      now: environment.now,
      logger: environment.logger,
    });
  },
};
