/**
 * The bench's Slack double in a worker thread: Slack is another machine, so
 * its clock should not stop while the bot's event loop renders a chart. The
 * worker (slack-double-worker.ts) starts the double and says where it
 * listens; `finish()` asks for everything it recorded and stops it.
 */
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import type { AcceptedPost, MethodCounts, SlackDoubleOptions } from './slack-double.js';

const workerScript = new URL('./slack-double-worker.js', import.meta.url);

const listeningSchema = z.object({ type: z.literal('listening'), url: z.string(), botToken: z.string() });
const recordSchema = z.object({
  type: z.literal('record'),
  posts: z.array(
    z.object({
      channel: z.string(),
      method: z.enum(['chat.postMessage', 'files.completeUploadExternal']),
      at: z.number(),
      content: z.string(),
      threadTs: z.string().nullable(),
    }),
  ),
  methodCounts: z.array(
    z.tuple([
      z.string(),
      z.object({
        accepted: z.number(),
        rateLimited: z.number(),
        firstAcceptedAt: z.number().nullable(),
        lastAcceptedAt: z.number().nullable(),
      }),
    ]),
  ),
  violations: z.array(z.string()),
  responses: z.number(),
});

/** What the double saw, once the run is over. */
export interface SlackDoubleRecord {
  readonly posts: readonly AcceptedPost[];
  /** Accepted and 429-answered calls, by method. */
  readonly methodCounts: ReadonlyMap<string, MethodCounts>;
  readonly rateLimitedCalls: number;
  readonly violations: readonly string[];
  /** Answers posted to slash commands' response URLs. */
  readonly responses: number;
}

export class SlackDoubleThread {
  private constructor(
    private readonly worker: Worker,
    readonly url: string,
    readonly botToken: string,
  ) {}

  static async start(options: SlackDoubleOptions): Promise<SlackDoubleThread> {
    const worker = new Worker(workerScript, { workerData: options });
    const listening = listeningSchema.parse(await nextMessage(worker));
    return new SlackDoubleThread(worker, listening.url, listening.botToken);
  }

  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** Everything the double recorded; the double stops. */
  async finish(): Promise<SlackDoubleRecord> {
    const answer = nextMessage(this.worker);
    this.worker.postMessage({ type: 'finish' });
    const record = recordSchema.parse(await answer);
    const methodCounts = new Map(record.methodCounts);
    let rateLimitedCalls = 0;
    for (const counts of methodCounts.values()) rateLimitedCalls += counts.rateLimited;
    return {
      posts: record.posts,
      methodCounts,
      rateLimitedCalls,
      violations: record.violations,
      responses: record.responses,
    };
  }

  /** Stops the worker whether or not `finish` ran (after a failure). */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

function nextMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number) => reject(new Error(`the Slack double's thread exited with code ${code}`));
    worker.once('error', reject);
    worker.once('exit', onExit);
    worker.once('message', (message: unknown) => {
      worker.off('error', reject);
      worker.off('exit', onExit);
      resolve(message);
    });
  });
}
