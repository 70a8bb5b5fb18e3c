import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTrafiklys } from '../support/cli-runner.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-cli-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const trafiklys = (...argv: string[]) => runTrafiklys(argv, { cwd: folder });

describe('trafiklys help, config check and key generate', () => {
  it('help lists every command; no command at all prints it as a usage error', async () => {
    const help = await trafiklys('help');
    expect(help.exitCode).toBe(0);
    for (const usage of ['identify FILE', 'import FILE', 'cycles', 'config check', 'key generate']) {
      expect(help.stdout).toContain(`trafiklys ${usage}`);
    }
    expect(await trafiklys()).toMatchObject({ exitCode: 2, stdout: '' });
  });

  it('an unknown command is a usage error that shows the help', async () => {
    const result = await trafiklys('idnetify', 'x.csv');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error: unknown command "idnetify x.csv"');
  });

  it('config check without a file checks the built-in demo and describes it', async () => {
    const result = await trafiklys('config', 'check');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('the built-in demo configuration is valid.');
    expect(result.stdout).toContain('SN-DAT');
  });

  it('config check names every problem by file line, column and key path', async () => {
    await writeFile(
      join(folder, 'broken.yaml'),
      [
        'institution: { name: Broken University }',
        'faculties: [{ code: FAC, name: Faculty }]',
        'boards:',
        '  - code: SN-A',
        '    name: A',
        '    faculty: FAC',
        '    chair: not-an-address',
        '    secretary: s@x.example',
      ].join('\n'),
    );
    const result = await trafiklys('config', 'check', 'broken.yaml');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      `${join(folder, 'broken.yaml')}:7:12: boards[0].chair: not an e-mail address`,
    );
  });

  it('config check takes the file with --config too, as every other command and the demo configuration’s header say', async () => {
    await writeFile(
      join(folder, 'good.yaml'),
      [
        'institution: { name: Good University }',
        'faculties: [{ code: FAC, name: Faculty }]',
        'boards: [{ code: SN-A, name: A, faculty: FAC, chair: c@x.example, secretary: s@x.example }]',
      ].join('\n'),
    );
    const result = await trafiklys('config', 'check', '--config', 'good.yaml');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`${join(folder, 'good.yaml')} is valid.`);

    const both = await trafiklys('config', 'check', 'good.yaml', '--config', 'other.yaml');
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('expected at most one config file');
  });

  it('key generate prints a fresh 32-byte key for the environment', async () => {
    const first = await trafiklys('key', 'generate');
    const second = await trafiklys('key', 'generate');
    const key = /^TRAFIKLYS_CPR_KEY=(\S+)\n$/.exec(first.stdout)?.[1];
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(32);
    expect(second.stdout).not.toBe(first.stdout);
    expect(first.stderr).toContain('Keep this key secret');
  });
});
