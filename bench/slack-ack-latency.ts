/**
 * `npm run bench` (third part): how fast Trafiklys acknowledges Slack's slash
 * commands under load, next to a bare Bolt app that only acknowledges
 * (bench/bare-bolt-app.ts), same machine, same run. Slack gives an app 3
 * seconds to acknowledge and shows the person an error after that; the bot
 * must acknowledge first and work after.
 *
 * Signed `/trafiklys status` commands arrive at a fixed rate (open loop: the
 * next one does not wait for the last answer), each from another of the
 * institution's chairs and secretaries, in their board's channel, so the bot
 * has to look each new person up (users.info, Tier 4: 100 a minute) while the
 * commands keep coming. The bot runs as `npm start` runs it, in its own
 * process, against the bench's Slack double with Slack's own limits, on
 * PostgreSQL (DATABASE_URL, or the local default) or, when there is none, on
 * the embedded database.
 *
 *   --rate 50        commands per second (default 50)
 *   --seconds 15     how long (default 15)
 *   --quick          20 a second for 3 seconds: a smoke run
 *   --json           print every figure as JSON instead of the report
 *
 * Progress goes to stderr, the report to stdout; every figure also goes to
 * bench/out/slack-ack-report.json.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connectPostgresServer, defaultServerUrl } from './postgres-server.js';
import { slackLimits } from './slack-double.js';
import { SlackDoubleThread } from './slack-double-thread.js';
import { slackBenchInstitution } from './slack-institution.js';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    rate: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '15' },
    quick: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
  strict: true,
});
const rate = values.quick ? 20 : Number(values.rate);
const seconds = values.quick ? 3 : Number(values.seconds);
/** The target: the bot's 99th percentile at most this many times the bare app's. */
const targetP99Ratio = 1.5;
const signingSecret = 'bench-signing-secret-0123456789abcdef';
const progress = (text: string) => process.stderr.write(`slack-ack: ${text}\n`);

interface Latencies {
  readonly sent: number;
  readonly acknowledged: number;
  /** Answers other than 200, and requests that failed. */
  readonly failed: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

const institution = slackBenchInstitution(150);
const boardPeople = institution.config.boards.flatMap((board) =>
  [board.chair, board.secretary].map((email) => ({ email, channel: board.channels.slack ?? '' })),
);
const senders = boardPeople.map(({ email, channel }) => {
  const user = institution.users.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`bench: ${email} is no Slack user of the double`);
  return { userId: user.id, channel };
});

const double = await SlackDoubleThread.start({
  limits: slackLimits({ channelIntervalMs: 1_000, tierSpeedup: 1 }),
  users: institution.users,
});
const folder = await mkdtemp(join(tmpdir(), 'trafiklys-ack-'));
const children: ChildProcess[] = [];
try {
  await writeFile(join(folder, 'trafiklys.config.yaml'), institution.configYaml);
  const connection = await connectPostgresServer(process.env.DATABASE_URL ?? defaultServerUrl);
  const measure = async (database: { DATABASE_URL: string } | { DATA_DIR: string }, engine: string) => {
    progress(`starting the bare Bolt app and the bot (${engine}) …`);
    const bare = await startProcess(
      'bare-bolt-app.js',
      { SLACK_SIGNING_SECRET: signingSecret },
      /^listening (\S+)/,
    );
    const bot = await startProcess(
      '../src/main.js',
      {
        ...database,
        SLACK_BOT_TOKEN: double.botToken,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: double.apiUrl,
        TRAFIKLYS_CONSOLE: 'off',
        LOG_LEVEL: 'info',
      },
      /"url":"(http[^"]+)".*Trafiklys is listening/,
      (url) => `${url}/slack/events`,
    );
    // Both warmed up alike (JIT, connections, the bot's auth.test), then measured one after the other.
    await load(bare, 10, 1, 'warm-up');
    await load(bot, 10, 1, 'warm-up');
    progress(`${rate} commands a second for ${seconds} s against the bare Bolt app …`);
    const bareLatencies = await load(bare, rate, seconds, 'bare');
    progress(`… and against Trafiklys`);
    const botLatencies = await load(bot, rate, seconds, 'bot');
    // Stopped before their database goes.
    await Promise.all(children.splice(0).map(stopProcess));
    return { engine, bare: bareLatencies, bot: botLatencies };
  };
  const result = connection.reachable
    ? await connection.server.withFreshDatabase((url) => measure({ DATABASE_URL: url }, 'PostgreSQL'))
    : await measure({ DATA_DIR: join(folder, 'data') }, 'the embedded database');
  const record = await double.finish();
  const report = {
    rate,
    seconds,
    engine: result.engine,
    bare: result.bare,
    bot: result.bot,
    p50Ratio: ratio(result.bot.p50Ms, result.bare.p50Ms),
    p99Ratio: ratio(result.bot.p99Ms, result.bare.p99Ms),
    targetP99Ratio,
    met: result.bot.p99Ms <= targetP99Ratio * result.bare.p99Ms && result.bot.failed === 0,
    answersPosted: record.responses,
    usersLookedUp: record.methodCounts.get('users.info')?.accepted ?? 0,
    usersInfoRateLimited: record.methodCounts.get('users.info')?.rateLimited ?? 0,
  };
  await mkdir(fileURLToPath(new URL('./out/', import.meta.url)), { recursive: true });
  await writeFile(
    new URL('./out/slack-ack-report.json', import.meta.url),
    `${JSON.stringify(report, null, 2)}\n`,
  );
  process.stdout.write(values.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  process.exitCode = report.met ? 0 : 1;
} finally {
  for (const child of children) child.kill('SIGKILL');
  await double.stop();
  await rm(folder, { recursive: true, force: true });
}

/** SIGTERM, and the process's end (SIGKILL after ten seconds). */
function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Starts a script of dist/bench (or the bot) in its own process; resolves with the URL to send commands to. */
async function startProcess(
  script: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  toUrl: (match: string) => string = (url) => url,
): Promise<string> {
  const port = await freePort();
  const child = spawn(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], {
    cwd: folder,
    env: { PATH: process.env.PATH, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`bench: ${script} did not start:\n${output}`)), 120_000);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      // Only the start is read; later output is dropped, not kept in memory.
      if (output.length > 1_000_000) output = output.slice(-10_000);
      const match = ready.exec(output)?.[1];
      if (match) {
        clearTimeout(timer);
        resolve(toUrl(match));
      }
    };
    child.stdout?.on('data', watch);
    child.stderr?.on('data', watch);
    child.on('exit', (code) => reject(new Error(`bench: ${script} exited with ${code}:\n${output}`)));
  });
}

/** `rate` signed commands a second for `seconds`, each sent on time whatever the answers do. */
async function load(url: string, perSecond: number, forSeconds: number, label: string): Promise<Latencies> {
  const agent = new Agent({ keepAlive: true });
  const total = Math.round(perSecond * forSeconds);
  const interval = 1000 / perSecond;
  const started = performance.now();
  const pending: Promise<number | null>[] = [];
  for (let index = 0; index < total; index++) {
    const due = started + index * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(sendCommand(url, agent, `${label}-${index}`, senders[index % senders.length]!));
  }
  const answers = await Promise.all(pending);
  agent.destroy();
  const latencies = answers.filter((ms): ms is number => ms !== null).sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? 0;
  return {
    sent: total,
    acknowledged: latencies.length,
    failed: total - latencies.length,
    p50Ms: round(percentile(0.5)),
    p90Ms: round(percentile(0.9)),
    p99Ms: round(percentile(0.99)),
    maxMs: round(latencies.at(-1) ?? 0),
  };
}

/** One signed slash command; its acknowledgement time, or null when it was not a 200. */
function sendCommand(
  url: string,
  agent: Agent,
  id: string,
  sender: { readonly userId: string; readonly channel: string },
): Promise<number | null> {
  const body = new URLSearchParams({
    token: 'deprecated',
    team_id: 'T0BENCH',
    team_domain: 'bench',
    channel_id: sender.channel,
    channel_name: 'board',
    user_id: sender.userId,
    user_name: sender.userId,
    command: '/trafiklys',
    text: 'status',
    api_app_id: 'A0BENCH',
    response_url: `${double.url}/response/${id}`,
    trigger_id: `${id}.trigger`,
  }).toString();
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return new Promise((resolve) => {
    const sentAt = performance.now();
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': timestamp,
          'x-slack-signature': signature,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode === 200 ? performance.now() - sentAt : null));
      },
    );
    outgoing.on('error', () => resolve(null));
    outgoing.end(body);
  });
}

function formatReport(report: {
  rate: number;
  seconds: number;
  engine: string;
  bare: Latencies;
  bot: Latencies;
  p50Ratio: number;
  p99Ratio: number;
  met: boolean;
  answersPosted: number;
  usersLookedUp: number;
  usersInfoRateLimited: number;
}): string {
  const row = (name: string, latencies: Latencies) =>
    `${name.padEnd(16)}${String(latencies.acknowledged).padStart(6)}/${latencies.sent}${String(latencies.failed).padStart(8)}${fixed(latencies.p50Ms)}${fixed(latencies.p90Ms)}${fixed(latencies.p99Ms)}${fixed(latencies.maxMs)}`;
  return [
    `Slack acknowledgements: signed /trafiklys status, ${report.rate} a second for ${report.seconds} s, each app in its own process (Trafiklys on ${report.engine})`,
    '',
    `${'app'.padEnd(16)}${'acked'.padStart(10)}${'failed'.padStart(8)}${'p50 ms'.padStart(10)}${'p90 ms'.padStart(10)}${'p99 ms'.padStart(10)}${'max ms'.padStart(10)}`,
    row('bare Bolt app', report.bare),
    row('Trafiklys', report.bot),
    '',
    `p50 ratio ${report.p50Ratio.toFixed(2)}; p99 ratio ${report.p99Ratio.toFixed(2)} (target ≤ ${targetP99Ratio}): ${report.met ? 'met' : 'MISSED'}`,
    `Behind the acknowledgements: ${report.usersLookedUp} people looked up (users.info; ${report.usersInfoRateLimited} answered 429), ${report.answersPosted} answers posted to response URLs by the end of the run.`,
    '',
  ].join('\n');
}

function fixed(ms: number): string {
  return ms.toFixed(1).padStart(10);
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

function ratio(a: number, b: number): number {
  return b > 0 ? Math.round((a / b) * 100) / 100 : 0;
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
