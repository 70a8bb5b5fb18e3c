/**
 * The bench's mail server in a worker thread: the mail server is another
 * machine, so it should not share the sender's event loop. It accepts every
 * mail and counts them (smtp-sink-worker.ts).
 */
import { Worker } from 'node:worker_threads';
import { z } from 'zod';

const workerScript = new URL('./smtp-sink-worker.js', import.meta.url);
const listeningSchema = z.object({ type: z.literal('listening'), port: z.number() });
const countSchema = z.object({
  type: z.literal('count'),
  received: z.number(),
  bytes: z.number(),
  connections: z.number(),
});

export type SinkCount = Omit<z.output<typeof countSchema>, 'type'>;

export class SmtpSinkThread {
  private constructor(
    private readonly worker: Worker,
    readonly port: number,
  ) {}

  static async start(): Promise<SmtpSinkThread> {
    const worker = new Worker(workerScript);
    const listening = listeningSchema.parse(await nextMessage(worker));
    return new SmtpSinkThread(worker, listening.port);
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The mails, bytes and connections the server has seen so far. */
  async count(): Promise<SinkCount> {
    const answer = nextMessage(this.worker);
    this.worker.postMessage({ type: 'count' });
    const { type: _type, ...count } = countSchema.parse(await answer);
    return count;
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage({ type: 'stop' });
    await exited;
  }
}

function nextMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    worker.once('error', onError);
    worker.once('message', (message: unknown) => {
      worker.off('error', onError);
      resolve(message);
    });
  });
}
