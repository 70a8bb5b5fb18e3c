/**
 * What can go wrong on the Slack surface, with stable codes (for logs, tests
 * and the wording of the reply the user gets).
 */
export type SlackErrorCode =
  /** A Web API method answered ok: false; `detail` is Slack's error string. */
  | 'slack.api_error'
  /** Still rate limited after the configured number of retries. */
  | 'slack.rate_limited'
  /** The network or Slack's HTTP layer failed. */
  | 'slack.unreachable'
  /** A direct message to an address Slack does not know. */
  | 'slack.user_not_found'
  /** A shared file could not be downloaded (too large, wrong host, HTTP error). */
  | 'slack.file_unavailable'
  /** Slack's trigger_id expired before the form could be opened (3 s). */
  | 'slack.trigger_expired';

export class SlackSurfaceError extends Error {
  constructor(
    readonly code: SlackErrorCode,
    message: string,
    /** Slack's own error string (`channel_not_found`, `invalid_blocks`…) when there is one. */
    readonly detail: string | null = null,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'SlackSurfaceError';
  }
}
