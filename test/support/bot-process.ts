import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const entryPoint = join(import.meta.dirname, '..', '..', 'dist', 'src', 'main.js');

/** The built bot (`npm start`'s entry point) as a child process of the test, with its output kept. */
export interface BotProcess {
  readonly child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far (JSON log lines). */
  output(): string;
  /** SIGKILL: no shutdown, no goodbye; what it held stays as it was. */
  kill(): Promise<void>;
}

/** Starts the bot in `cwd` and resolves once it listens. */
export function startBotProcess(env: NodeJS.ProcessEnv, cwd: string): Promise<BotProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entryPoint], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const handle: BotProcess = {
      child,
      output: () => output,
      kill: () =>
        new Promise((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGKILL');
        }),
    };
    const timer = setTimeout(() => reject(new Error(`no start within 90 s:\n${output}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Trafiklys is listening')) {
        clearTimeout(timer);
        resolve(handle);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}:\n${output}`));
    });
  });
}
