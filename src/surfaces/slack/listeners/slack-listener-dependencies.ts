import type { BotRequests } from '../../../bot/bot-requests.js';
import type { Logger } from '../../../logging/logger.js';
import type { OpenModals } from '../inbound/open-modals.js';
import type { SlackUsers } from '../outbound/slack-users.js';
import type { SlackWebApi } from '../outbound/slack-web-api.js';
import type { SlackSurface } from '../slack-surface.js';

/** What every listener needs: the core to call, and the surface pieces to answer with. */
export interface SlackListenerDependencies {
  readonly bot: BotRequests;
  readonly surface: SlackSurface;
  readonly users: SlackUsers;
  readonly api: SlackWebApi;
  readonly openModals: OpenModals;
  readonly logger: Logger;
  /**
   * How long a view submission waits for the core before it closes the modal
   * and sends the outcome as a direct message (Slack waits 3 s for the answer).
   */
  readonly submissionDeadlineMs: number;
}
