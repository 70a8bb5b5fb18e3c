import { describe, expect, it } from 'vitest';
import type { BotActor, BotReply, ConversationRef } from '../../src/bot/bot-requests.js';
import { BotRouter } from '../../src/bot/bot-router.js';
import type { ModuleRequest, ProcedureModule } from '../../src/bot/procedure-module.js';
import { plain, privately } from '../../src/bot/replies.js';
import { plainTextOf } from '../../src/messages/plain-text.js';
import { anInstitutionConfig } from '../support/institution-config-builder.js';

const config = anInstitutionConfig();

function actor(locale: string | null = 'en-GB'): BotActor {
  return { surface: 'slack', userId: 'U1', email: 'chair.sn-dat@test.example', displayName: 'Chair', locale };
}

function conversation(surface: ConversationRef['surface'] = 'slack'): ConversationRef {
  return { surface, conversationId: 'C1', kind: 'channel' };
}

/** What a module answered, and with what: the tests read the routing off it. */
function answered(module: string, what: string, request: ModuleRequest): BotReply {
  return privately(plain(`${module}:${what}:${request.reader.language}`));
}

function textOf(reply: BotReply): string {
  if (reply.kind !== 'message') throw new Error(`expected a message, got ${reply.kind}`);
  return reply.message.blocks
    .map((block) => {
      if (block.type === 'text' || block.type === 'context') return plainTextOf(block.content);
      if (block.type === 'heading') return block.text;
      if (block.type === 'facts')
        return block.facts.map((fact) => `${fact.label} = ${plainTextOf(fact.value)}`).join('\n');
      return '';
    })
    .join('\n');
}

/** A procedure declared in the module shape, answering with its name so routing is visible. */
function aModule(name: string, overrides: Partial<ProcedureModule> = {}): ProcedureModule {
  return {
    name,
    actionPrefix: `${name}.`,
    formPrefix: `${name}.`,
    commands: [],
    jobs: [],
    async action(request, action) {
      return action.actionId === `${name}.known` ? answered(name, `action ${action.value}`, request) : null;
    },
    async submitForm(_request, submission) {
      return submission.formId === `${name}.form` ? { kind: 'errors', errors: { field: name } } : null;
    },
    ...overrides,
  };
}

const atRiskLike = aModule('at-risk', {
  commands: [
    {
      words: { da: 'påmind nu', en: 'remind now', nb: 'påminn nå' },
      describe: (reader) =>
        ({ da: 'Send påmindelsen', en: 'Send the reminder', nb: 'Send påminnelsen' })[reader.language],
      run: async (request, rest) => answered('at-risk', `remind [${rest}]`, request),
    },
    {
      words: { da: 'påmind', en: 'remind', nb: 'påminn' },
      describe: () => 'shorter words',
      run: async (request, rest) => answered('at-risk', `remind-short [${rest}]`, request),
    },
  ],
  sharedFiles: {
    accepts: (file) => file.name.endsWith('.csv'),
    describe: () => 'a CSV export',
    handle: async (request, file) => answered('at-risk', `file ${file.name}`, request),
  },
});

const deviationsLike = aModule('deviations', {
  ownCommands: [
    {
      names: { da: 'afvigelse', en: 'deviation', nb: 'avvik' },
      describe: () => 'Report a deviation',
      run: async (request, text) => answered('deviations', `report [${text}]`, request),
    },
  ],
  sharedFiles: {
    accepts: (file) => file.name.endsWith('.pdf'),
    describe: () => 'a PDF attachment',
    handle: async (request, file) => answered('deviations', `file ${file.name}`, request),
  },
});

const bot = new BotRouter(config, [atRiskLike, deviationsLike]);

describe('the bot routes to procedure modules it knows only by their declarations', () => {
  it('a command goes to the module that declared its words, in any language, the longest words winning', async () => {
    expect(textOf(await bot.command(actor(), conversation(), 'Remind   NOW please'))).toBe(
      'at-risk:remind [please]:en',
    );
    expect(textOf(await bot.command(actor('da-DK'), conversation(), 'påmind nu'))).toBe(
      'at-risk:remind []:da',
    );
    expect(textOf(await bot.command(actor(), conversation(), 'remind later'))).toBe(
      'at-risk:remind-short [later]:en',
    );
    expect(textOf(await bot.command(actor('nb-NO'), conversation(), 'Påminn  nå'))).toBe(
      'at-risk:remind []:nb',
    );
    expect(textOf(await bot.command(actor('en-GB'), conversation(), 'påminn nå'))).toBe(
      'at-risk:remind []:en',
    );
  });

  it("a procedure's own slash command goes to it by the name the surface received, or by the first word where the platform has no slash commands", async () => {
    expect(textOf(await bot.command(actor(), conversation(), 'the lab is closed', 'afvigelse'))).toBe(
      'deviations:report [the lab is closed]:en',
    );
    expect(textOf(await bot.command(actor(), conversation('teams'), '/deviation the lab is closed'))).toBe(
      'deviations:report [the lab is closed]:en',
    );
    expect(textOf(await bot.command(actor('nb-NO'), conversation(), 'laben er stengt', 'avvik'))).toBe(
      'deviations:report [laben er stengt]:nb',
    );
    expect(bot.commandNames()).toEqual(['trafiklys', 'afvigelse', 'deviation', 'avvik']);
  });

  it('an unknown command, or an unknown slash command, gets the private "unknown" answer with how to ask for help on that platform', async () => {
    const slack = await bot.command(actor(), conversation('slack'), 'dance');
    const teams = await bot.command(actor(), conversation('teams'), 'dance');
    const strange = await bot.command(actor(), conversation('slack'), 'x', 'strange');

    expect(slack).toMatchObject({ kind: 'message', visibility: 'only_actor' });
    expect(textOf(slack)).toContain('/trafiklys help');
    expect(textOf(teams)).toContain('@Trafiklys help');
    expect(textOf(strange)).toContain('/strange x');
  });

  it("help lists every module's commands in the reader's language, as they are typed on the platform", async () => {
    const danish = textOf(await bot.command(actor('da-DK'), conversation('teams'), 'help'));
    const english = textOf(await bot.command(actor(), conversation('slack'), ''));

    expect(danish).toContain('@Trafiklys påmind nu = Send påmindelsen');
    expect(danish).toContain('/afvigelse = Report a deviation');
    expect(english).toContain('/trafiklys remind now = Send the reminder');
    expect(english).toContain('/deviation = Report a deviation');
    expect(english).toContain('/trafiklys help');
  });

  it('a Norwegian reader, whatever the platform calls Norwegian (nb-NO, no, nn-NO), gets help in Bokmål with the Norwegian words', async () => {
    for (const locale of ['nb-NO', 'no', 'nn-NO']) {
      const norwegian = textOf(await bot.command(actor(locale), conversation('slack'), 'help'));

      expect(norwegian, locale).toContain('Trafiklys – kommandoer');
      expect(norwegian, locale).toContain('/trafiklys påminn nå = Send påminnelsen');
      expect(norwegian, locale).toContain('/avvik = Report a deviation');
      expect(norwegian, locale).toContain('/trafiklys help = Vis denne hjelpen');
    }
  });

  it('a click goes to the module whose prefix its action id has; an id the module does not know gets the unknown answer', async () => {
    const known = await bot.action(actor(), conversation(), { actionId: 'deviations.known', value: '7' });
    const unknown = await bot.action(actor(), conversation(), { actionId: 'deviations.gone', value: null });
    const nobodys = await bot.action(actor(), conversation(), { actionId: 'elsewhere.x', value: null });

    expect(textOf(known)).toBe('deviations:action 7:en');
    expect(textOf(unknown)).toContain('deviations.gone');
    expect(textOf(nobodys)).toContain('elsewhere.x');
  });

  it('a form goes to the module whose prefix its id has; a form nobody owns any more closes', async () => {
    const submission = { state: null, values: {} };

    expect(await bot.submitForm(actor(), { formId: 'at-risk.form', ...submission })).toEqual({
      kind: 'errors',
      errors: { field: 'at-risk' },
    });
    expect(await bot.submitForm(actor(), { formId: 'at-risk.old', ...submission })).toEqual({
      kind: 'close',
    });
    expect(await bot.submitForm(actor(), { formId: 'gone.form', ...submission })).toEqual({ kind: 'close' });
  });

  it('a shared file goes to the module that takes it; a file nobody takes is answered with the kinds the bot takes', async () => {
    const bytes = new Uint8Array([1]);

    expect(textOf(await bot.fileShared(actor(), conversation(), { name: 'spring.csv', bytes }))).toBe(
      'at-risk:file spring.csv:en',
    );
    expect(textOf(await bot.fileShared(actor(), conversation(), { name: 'minutes.pdf', bytes }))).toBe(
      'deviations:file minutes.pdf:en',
    );
    const refused = await bot.fileShared(actor(), conversation(), { name: 'photo.png', bytes });
    expect(refused).toMatchObject({ kind: 'message', visibility: 'only_actor' });
    expect(textOf(refused)).toBe(
      'I do not know what to do with photo.png. I take a CSV export and a PDF attachment.',
    );
  });

  it('two modules declaring the same command, slash command or prefix is a wiring mistake said at start', () => {
    expect(
      () => new BotRouter(config, [atRiskLike, aModule('copy', { commands: atRiskLike.commands })]),
    ).toThrow(/"at-risk" and "copy" both declare the command "påmind nu"/);
    expect(
      () =>
        new BotRouter(config, [
          deviationsLike,
          aModule('deviations2', { ownCommands: deviationsLike.ownCommands ?? [] }),
        ]),
    ).toThrow(/slash command "afvigelse"/);
    expect(() => new BotRouter(config, [atRiskLike, aModule('at-risk')])).toThrow(
      /action prefix "at-risk\."/,
    );
  });
});
