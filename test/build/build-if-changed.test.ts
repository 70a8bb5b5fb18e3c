import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDecision, buildInputs, recordBuild } from '../../build.mjs';

let root: string;

/** A checkout as `npm run build` leaves it: sources, the schema, and the build's outputs. */
const checkout: Record<string, string> = {
  'package.json': '{ "name": "trafiklys" }\n',
  'package-lock.json': '{ "lockfileVersion": 3 }\n',
  'tsconfig.json': '{}\n',
  'prisma/schema.prisma': 'model Faculty { code String @id }\n',
  'src/main.ts': "console.log('start');\n",
  'src/app/start-bot.ts': 'export const wiring = 1;\n',
  'src/generated/prisma/client.ts': 'export const generated = 1;\n',
  'bench/run-all.ts': 'export {};\n',
  'dist/src/main.js': "console.log('start');\n",
};

async function write(path: string, content: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), content);
}

/** What `npm run build` does last: record the inputs it built from. */
async function built(): Promise<void> {
  await recordBuild(root, await buildInputs(root));
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'trafiklys-build-'));
  for (const [path, content] of Object.entries(checkout)) await write(path, content);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('npm start builds only when the build is not current', () => {
  it('an unchanged checkout is not rebuilt', async () => {
    await built();
    expect(await buildDecision(root)).toEqual({
      build: false,
      reason: 'nothing changed since the last build',
    });
  });

  it('an edited source file is rebuilt, and named', async () => {
    await built();
    await write('src/app/start-bot.ts', 'export const wiring = 2;\n');
    expect(await buildDecision(root)).toEqual({
      build: true,
      reason: 'changed since the last build: src/app/start-bot.ts',
    });
  });

  it('a new and a deleted source file are rebuilt', async () => {
    await built();
    await write('src/app/new-surface.ts', 'export {};\n');
    await rm(join(root, 'bench/run-all.ts'));
    expect(await buildDecision(root)).toEqual({
      build: true,
      reason: 'changed since the last build: src/app/new-surface.ts, bench/run-all.ts',
    });
  });

  it('an edited Prisma schema is rebuilt (the client is generated from it)', async () => {
    await built();
    await write('prisma/schema.prisma', 'model Faculty { code String @id\n name String }\n');
    expect((await buildDecision(root)).reason).toBe('changed since the last build: prisma/schema.prisma');
  });

  it('other installed packages are rebuilt', async () => {
    await built();
    await write('package-lock.json', '{ "lockfileVersion": 3, "packages": {} }\n');
    expect((await buildDecision(root)).reason).toBe('changed since the last build: package-lock.json');
  });

  it('the generated client and the data the bot reads at run time are not build inputs', async () => {
    await built();
    await write('src/generated/prisma/client.ts', 'export const generated = 2;\n');
    await write('prisma/migrations/20261202120000_delivery_images/migration.sql', 'SELECT 1;\n');
    await write('test/app/npm-start.test.ts', 'export {};\n');
    expect((await buildDecision(root)).build).toBe(false);
  });

  it('a checkout never built, or whose build output is gone, is built', async () => {
    expect(await buildDecision(root)).toEqual({ build: true, reason: 'no record of the last build' });
    await built();
    await rm(join(root, 'dist'), { recursive: true });
    expect(await buildDecision(root)).toEqual({ build: true, reason: 'dist/src/main.js missing' });
  });
});
