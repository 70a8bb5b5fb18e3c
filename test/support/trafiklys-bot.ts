import { BotRouter } from '../../src/bot/bot-router.js';
import type { InstitutionConfig } from '../../src/config/institution-config.js';
import type { AtRiskChatDependencies } from '../../src/procedures/at-risk/chat/chat-dependencies.js';
import { atRiskChat } from '../../src/procedures/at-risk/module.js';

/** The bot as the at-risk tests talk to it: the router over the at-risk procedure's chat side, its effects given. */
export class TrafiklysBot extends BotRouter {
  constructor(dependencies: AtRiskChatDependencies & { readonly config: InstitutionConfig }) {
    super(dependencies.config, [atRiskChat(dependencies)]);
  }
}
