export type {
  SlackBlock,
  SlackMessagePage,
  SlackModalBlock,
  SlackModalView,
  SlackViewErrorsResponse,
} from './block-kit-types.js';
export { renderSlackMessage, type SlackRenderContext } from './slack-message.js';
export { renderSlackModal, type SlackFormContext, slackFormErrors } from './slack-modal.js';
export { readSlackModalValues, type SlackUserDirectory, slackUserIdsIn } from './slack-modal-values.js';
export { escapeMrkdwn } from './slack-mrkdwn.js';
