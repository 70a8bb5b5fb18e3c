import type { App } from '@slack/bolt';
import { anyBlockAction, blockAction } from './actions/block-action.js';
import { trafiklysCommand, trafiklysCommandName } from './commands/trafiklys-command.js';
import { fileShared } from './events/file-shared.js';
import type { SlackListenerDependencies } from './slack-listener-dependencies.js';
import { anyViewSubmission, viewSubmission } from './views/view-submission.js';

/** Every Slack listener, each translating one kind of request into one core call. */
export function registerListeners(app: App, deps: SlackListenerDependencies): void {
  // Later issues add more commands (e.g. /afvigelse) here.
  app.command(trafiklysCommandName, trafiklysCommand(deps));
  app.action(anyBlockAction, blockAction(deps));
  app.view(anyViewSubmission, viewSubmission(deps));
  app.event('message', fileShared(deps));
}
