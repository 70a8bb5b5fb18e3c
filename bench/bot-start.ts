/**
 * One `npm start` as a person runs it: the built bot (dist/src/main.js) in a
 * process of its own, watched from outside through Linux's
 * /proc/<pid>/status: VmHWM is the kernel's own peak of the resident set
 * (exact, not sampled), VmRSS the resident set at a moment.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const entryPoint = fileURLToPath(new URL('../src/main.js', import.meta.url));
const readyLine = /Trafiklys is listening/;
const readyTimeoutMs = 180_000;

export interface BotStartRequest {
  /** DATA_DIR or DATABASE_URL; PATH, PORT, HOST and LOG_LEVEL are added. */
  readonly env: NodeJS.ProcessEnv;
  /** The working folder: one without a trafiklys.config.yaml or .env, so the bot runs the built-in demo. */
  readonly cwd: string;
  /** How long the bot runs on after it is listening, before the settled figure is read. */
  readonly settleMs: number;
}

export interface BotStartFigures {
  /** From spawning the process to the "Trafiklys is listening" log line. */
  readonly readyMs: number;
  readonly readyRssBytes: number;
  /** The process's peak resident set over its whole run, start and settling. */
  readonly peakRssBytes: number;
  /** The resident set settleMs after the bot was ready. */
  readonly settledRssBytes: number;
  /** What the bot logged that says what it did at start (migrations, the demo import). */
  readonly startLog: readonly string[];
}

export async function measureBotStart(request: BotStartRequest): Promise<BotStartFigures> {
  const started = performance.now();
  const child = spawn(process.execPath, [entryPoint], {
    cwd: request.cwd,
    env: {
      PATH: process.env.PATH,
      ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}),
      HOST: '127.0.0.1',
      PORT: String(await freePort()),
      LOG_LEVEL: 'info',
      ...request.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const log = await logUntilReady(child);
    const readyMs = performance.now() - started;
    const ready = await memoryOf(child);
    await new Promise((resolve) => setTimeout(resolve, request.settleMs));
    const settled = await memoryOf(child);
    child.kill('SIGTERM');
    const code = await exited;
    if (code !== 0) throw new Error(`the bot ended with code ${code} after SIGTERM`);
    return {
      readyMs,
      readyRssBytes: ready.rssBytes,
      peakRssBytes: settled.peakRssBytes,
      settledRssBytes: settled.rssBytes,
      startLog: log.filter((line) => /starting|imported|caught up/.test(line)),
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

function logUntilReady(child: ChildProcess): Promise<string[]> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`the bot was not listening within ${readyTimeoutMs / 1000} s:\n${output}`)),
      readyTimeoutMs,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (readyLine.test(output)) {
        clearTimeout(timer);
        resolve(output.split('\n').map(messageOf));
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bot ended with code ${code} before it was listening:\n${output}`));
    });
  });
}

/** A pino line's message, or the line itself. */
function messageOf(line: string): string {
  try {
    const parsed: unknown = JSON.parse(line);
    return typeof parsed === 'object' && parsed !== null && 'msg' in parsed ? String(parsed.msg) : line;
  } catch {
    return line;
  }
}

async function memoryOf(child: ChildProcess): Promise<{ rssBytes: number; peakRssBytes: number }> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  return { rssBytes: kibibytes(status, 'VmRSS') * 1024, peakRssBytes: kibibytes(status, 'VmHWM') * 1024 };
}

function kibibytes(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  if (!match?.[1]) throw new Error(`no ${field} in /proc/<pid>/status`);
  return Number(match[1]);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port')),
      );
    });
  });
}
