import type { App } from '@slack/bolt';
import { anyBlockAction, blockAction } from './actions/block-action.js';
import { slashCommand } from './commands/slash-command.js';
import { fileShared } from './events/file-shared.js';
import type { SlackListenerDependencies } from './slack-listener-dependencies.js';
import { anyViewSubmission, viewSubmission } from './views/view-submission.js';

/** Every Slack listener, each translating one kind of request into one core call. */
export function registerListeners(app: App, deps: SlackListenerDependencies): void {
  // The core lists its commands (a procedure's own, e.g. /afvigelse, among them): no edit here for a new one.
  for (const name of deps.bot.commandNames()) app.command(`/${name}`, slashCommand(deps));
  app.action(anyBlockAction, blockAction(deps));
  app.view(anyViewSubmission, viewSubmission(deps));
  app.event('message', fileShared(deps));
}
