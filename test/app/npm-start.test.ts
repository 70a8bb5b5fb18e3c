import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const entryPoint = join(import.meta.dirname, '..', '..', 'dist', 'src', 'main.js');
let folder: string;
let server: ChildProcess | undefined;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-start-'));
});
afterAll(async () => {
  server?.kill('SIGKILL');
  await rm(folder, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no "${pattern}" within 60 s; got:\n${output}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => pattern.test(candidate));
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code} before "${pattern}":\n${output}`)));
  });
}

// `npm start` runs this entry point after building; the test runs the built file directly.
describe('npm start on the embedded default', () => {
  it('serves /healthz from the embedded database with the demo configuration, and stops cleanly', async () => {
    const port = await freePort();
    const env = {
      PATH: process.env.PATH,
      PORT: String(port),
      DATA_DIR: join(folder, 'data'),
      LOG_LEVEL: 'info',
    };
    server = spawn(process.execPath, [entryPoint], { cwd: folder, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const listening = JSON.parse(await waitForLine(server, /Trafiklys is listening/));
    expect(listening.url).toBe(`http://127.0.0.1:${port}`);

    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'pglite' });
    expect((await fetch(`http://127.0.0.1:${port}/nowhere`)).status).toBe(404);

    // A second process on the same data folder would corrupt PGlite: it is refused.
    const second = spawnSync(process.execPath, [entryPoint], {
      cwd: folder,
      env: { ...env, PORT: String(await freePort()) },
      encoding: 'utf8',
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(
      /the embedded database in .+ is in use by another Trafiklys process \(pid \d+\)/,
    );

    const exited = new Promise<number | null>((resolve) => server?.on('exit', resolve));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(folder, 'data', 'trafiklys.pid'))).toBe(false);
  });
});
