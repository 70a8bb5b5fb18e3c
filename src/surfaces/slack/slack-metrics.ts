/** Counters the Slack surface keeps; the server backs them with prom-client. */
export type SlackCounterName = 'slack_posts' | 'slack_failures' | 'slack_retries';

export interface SlackMetrics {
  /** Labels are low-cardinality: a Web API method and an error code, never a channel or a person. */
  increment(name: SlackCounterName, labels?: Readonly<Record<string, string>>): void;
}

export const noSlackMetrics: SlackMetrics = { increment: () => {} };
