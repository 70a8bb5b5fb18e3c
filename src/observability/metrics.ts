import { Counter, collectDefaultMetrics, Registry } from 'prom-client';
import type { RouteHandler } from '../http/http-server.js';

/**
 * Prometheus counters for what an operator watches: posts, failures and
 * retries per surface, reminders and imports by outcome. No labels carry
 * personal data: surfaces, outcomes and board codes only.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly posts = new Counter({
    name: 'trafiklys_chat_posts_total',
    help: 'Messages posted or updated on a chat surface',
    labelNames: ['surface'],
    registers: [this.registry],
  });
  private readonly failures = new Counter({
    name: 'trafiklys_chat_failures_total',
    help: 'Posts a chat surface refused or that failed for good',
    labelNames: ['surface'],
    registers: [this.registry],
  });
  private readonly retries = new Counter({
    name: 'trafiklys_chat_retries_total',
    help: 'Posts retried after a rate limit or a transient error',
    labelNames: ['surface'],
    registers: [this.registry],
  });
  private readonly reminders = new Counter({
    name: 'trafiklys_reminder_deliveries_total',
    help: 'Reminder deliveries by outcome (posted, updated, unchanged, failed, unreachable, …)',
    labelNames: ['surface', 'outcome'],
    registers: [this.registry],
  });
  private readonly imports = new Counter({
    name: 'trafiklys_imports_total',
    help: 'Progress-export imports by outcome (imported, rejected)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'trafiklys_' });
  }

  chatPost(surface: string): void {
    this.posts.inc({ surface });
  }

  chatFailure(surface: string): void {
    this.failures.inc({ surface });
  }

  chatRetry(surface: string): void {
    this.retries.inc({ surface });
  }

  reminderDelivery(surface: string, outcome: string): void {
    this.reminders.inc({ surface, outcome });
  }

  import(outcome: 'imported' | 'rejected'): void {
    this.imports.inc({ outcome });
  }

  route(): RouteHandler {
    return async (_request, response) => {
      const text = await this.registry.metrics();
      response.writeHead(200, { 'content-type': this.registry.contentType });
      response.end(text);
    };
  }
}
