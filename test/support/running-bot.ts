import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningBot, startBot } from '../../src/app/start-bot.js';
import { databaseEnv } from './cli-runner.js';
import { createTestDatabaseTarget, type TestDatabaseTarget } from './test-database.js';

/** A free loopback port for a server under test. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * The whole bot in-process on its own database and port, with a pinned clock:
 * the same wiring as `npm start`. Given a `database`, it starts on that one
 * (a restart) and leaves it in place when disposed.
 */
export async function startTestBot(options: {
  env?: NodeJS.ProcessEnv;
  now: () => Date;
  cwd?: string;
  logDestination?: NodeJS.WritableStream;
  database?: TestDatabaseTarget;
}): Promise<RunningBot & { dispose(): Promise<void> }> {
  const target = options.database ?? (await createTestDatabaseTarget());
  const disposeTarget = () => (options.database ? Promise.resolve() : target.dispose());
  const folder = options.cwd ?? (await mkdtemp(join(tmpdir(), 'trafiklys-bot-')));
  const removeFolder = () => (options.cwd ? Promise.resolve() : rm(folder, { recursive: true, force: true }));
  let bot: RunningBot;
  try {
    bot = await startBot({
      env: { ...databaseEnv(target), PORT: String(await freePort()), LOG_LEVEL: 'silent', ...options.env },
      cwd: folder,
      now: options.now,
      ...(options.logDestination ? { logDestination: options.logDestination } : {}),
    });
  } catch (error) {
    await disposeTarget();
    await removeFolder();
    throw error;
  }
  return {
    ...bot,
    async dispose() {
      await bot.close();
      await disposeTarget();
      await removeFolder();
    },
  };
}
