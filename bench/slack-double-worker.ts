/** The worker thread of slack-double-thread.ts: runs the Slack double until asked for its record. */
import { parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { SlackDouble } from './slack-double.js';

const tierLimit = z.object({ calls: z.number(), perMs: z.number() });
const optionsSchema = z.object({
  limits: z.object({
    channelIntervalMs: z.number(),
    tiers: z.object({ tier3: tierLimit, tier4: tierLimit }),
  }),
  users: z.array(z.object({ id: z.string(), email: z.string(), realName: z.string(), locale: z.string() })),
  botToken: z.string().optional(),
  latencyMs: z.number().optional(),
});
const finishSchema = z.object({ type: z.literal('finish') });

const port = parentPort;
if (!port) throw new Error('slack-double-worker.js runs as a worker thread of the Slack reminder bench');

const double = await SlackDouble.start(optionsSchema.parse(workerData));
port.postMessage({ type: 'listening', url: double.url, botToken: double.botToken });
port.on('message', async (message: unknown) => {
  finishSchema.parse(message);
  port.postMessage({
    type: 'record',
    posts: double.posts,
    methodCounts: [...double.methodCounts()],
    violations: double.violations,
    responses: double.responses,
  });
  await double.close();
  port.close();
});
