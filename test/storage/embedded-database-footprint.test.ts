import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/storage/database.js';

// The built module, as `npm start` runs it: the child process below must see
// V8 exactly as the bot does, so it cannot run inside Vitest's worker.
const databaseModule = pathToFileURL(
  join(import.meta.dirname, '..', '..', 'dist', 'src', 'storage', 'database.js'),
);

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-compilation-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/**
 * Creates an embedded database, reopens it and asks it a few hundred
 * questions, in a Node process that prints every WebAssembly function V8
 * compiles, and with which compiler. `--wasm-sync-tier-up` makes V8 optimize a
 * hot function at once instead of in the background, so what the child
 * prints does not depend on timing.
 */
function compilationsOfAnEmbeddedDatabase(dataDir: string): Promise<{ output: string; code: number | null }> {
  const script = `
    const { openDatabase } = await import(${JSON.stringify(databaseModule.href)});
    for (const start of ['first', 'later']) {
      const database = await openDatabase({ dataDir: ${JSON.stringify(dataDir)} });
      for (let board = 0; board < 200; board++) {
        await database.prisma.studyBoard.findMany({ where: { code: 'SN-' + board } });
      }
      await database.close();
      console.log(start + ' start done');
    }`;
  const child = spawn(
    process.execPath,
    ['--wasm-sync-tier-up', '--trace-wasm-compilation-times', '--input-type=module', '--eval', script],
    { env: { PATH: process.env.PATH }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ output, code })));
}

describe('the embedded database’s memory', () => {
  it('keeps a 32 MB buffer cache, not PostgreSQL’s default 128 MB, which would stay resident', async () => {
    const dataDir = join(folder, 'buffer-cache');
    for (const start of ['first', 'later']) {
      const database = await openDatabase({ dataDir });
      try {
        const [setting] = await database.prisma.$queryRaw<{ shared_buffers: string }[]>`SHOW shared_buffers`;
        expect(setting, `${start} start`).toEqual({ shared_buffers: '32MB' });
      } finally {
        await database.close();
      }
    }
  });

  it('never hands PostgreSQL to the optimizing compiler, whose compile of the SQL parser alone takes 600 MB', async () => {
    const { output, code } = await compilationsOfAnEmbeddedDatabase(join(folder, 'data'));

    expect(code, output.slice(-2_000)).toBe(0);
    expect(output).toContain('first start done');
    expect(output).toContain('later start done');
    // The trace works: the baseline compiler's functions are listed…
    expect(output).toMatch(/Compiled function \S+ using Liftoff/);
    // …and none went on to TurboFan.
    const optimized = output.split('\n').filter((line) => line.includes('using TurboFan'));
    expect(optimized.length, optimized.slice(0, 3).join('\n')).toBe(0);
  }, 180_000);
});
