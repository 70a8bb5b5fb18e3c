import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { demoConfigPath, loadConfig } from '../../src/config/load-config.js';
import { CodedError } from '../../src/shared/coded-error.js';
import { editedYaml } from './config-fixtures.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-config-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Writes a valid configuration whose institution is called `name`; returns its path. */
async function writeConfig(relativePath: string, name: string): Promise<string> {
  const path = join(folder, relativePath);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, editedYaml('  name: Test University', `  name: ${name}`));
  return path;
}

describe('which configuration file is used', () => {
  test('--config wins over TRAFIKLYS_CONFIG and the working directory’s file', async () => {
    const explicit = await writeConfig('explicit.yaml', 'Explicit University');
    const fromEnv = await writeConfig('env.yaml', 'Env University');
    await writeConfig('trafiklys.config.yaml', 'Cwd University');

    const loaded = await loadConfig({
      explicitPath: explicit,
      env: { TRAFIKLYS_CONFIG: fromEnv },
      cwd: folder,
    });

    expect(loaded).toMatchObject({ path: explicit, isDemo: false });
    expect(loaded.config.institution.name).toBe('Explicit University');
  });

  test('TRAFIKLYS_CONFIG wins over the working directory’s file', async () => {
    const fromEnv = await writeConfig('env.yaml', 'Env University');
    await writeConfig('trafiklys.config.yaml', 'Cwd University');

    const loaded = await loadConfig({ env: { TRAFIKLYS_CONFIG: fromEnv }, cwd: folder });

    expect(loaded).toMatchObject({ path: fromEnv, isDemo: false });
    expect(loaded.config.institution.name).toBe('Env University');
  });

  test('./trafiklys.config.yaml is used when nothing names a file', async () => {
    const inCwd = await writeConfig('trafiklys.config.yaml', 'Cwd University');

    const loaded = await loadConfig({ env: {}, cwd: folder });

    expect(loaded).toMatchObject({ path: inCwd, isDemo: false });
    expect(loaded.config.institution.name).toBe('Cwd University');
  });

  test('the built-in demo is used when there is no configuration at all', async () => {
    const loaded = await loadConfig({ env: {}, cwd: folder });

    expect(loaded).toMatchObject({ path: demoConfigPath(), isDemo: true });
    expect(loaded.path).toMatch(/src[/\\]demo[/\\]demo-university\.yaml$/);
    expect(loaded.config.institution.name).toBe('Demo University');
  });

  test('relative paths are relative to the working directory', async () => {
    await writeConfig('conf/explicit.yaml', 'Explicit University');
    await writeConfig('conf/env.yaml', 'Env University');

    const explicit = await loadConfig({ explicitPath: 'conf/explicit.yaml', env: {}, cwd: folder });
    const fromEnv = await loadConfig({ env: { TRAFIKLYS_CONFIG: './conf/env.yaml' }, cwd: folder });

    expect(explicit.path).toBe(join(folder, 'conf', 'explicit.yaml'));
    expect(fromEnv.path).toBe(join(folder, 'conf', 'env.yaml'));
  });

  test('an empty TRAFIKLYS_CONFIG counts as unset', async () => {
    const inCwd = await writeConfig('trafiklys.config.yaml', 'Cwd University');
    expect((await loadConfig({ env: { TRAFIKLYS_CONFIG: '' }, cwd: folder })).path).toBe(inCwd);
  });
});

describe('a configuration file that cannot be used', () => {
  test('a --config file that does not exist is an error, not a fall-back to the demo', async () => {
    const missing = join(folder, 'missing.yaml');

    const loading = loadConfig({ explicitPath: missing, env: {}, cwd: folder });

    await expect(loading).rejects.toThrow(CodedError);
    await expect(loading).rejects.toMatchObject({
      code: 'config.not_found',
      message: `config file not found: ${missing} (named by --config)`,
    });
  });

  test('a TRAFIKLYS_CONFIG file that does not exist is an error as well', async () => {
    await writeConfig('trafiklys.config.yaml', 'Cwd University');

    await expect(loadConfig({ env: { TRAFIKLYS_CONFIG: 'gone.yaml' }, cwd: folder })).rejects.toMatchObject({
      code: 'config.not_found',
      message: `config file not found: ${join(folder, 'gone.yaml')} (named by TRAFIKLYS_CONFIG)`,
    });
  });

  test('an invalid file names itself by its full path in every problem line', async () => {
    const path = join(folder, 'bad.yaml');
    await writeFile(path, editedYaml('    chair: hist@test.example', '    chair: nobody'));

    await expect(loadConfig({ explicitPath: path, env: {}, cwd: folder })).rejects.toMatchObject({
      code: 'config.invalid',
      message: `${path} is not a valid Trafiklys configuration:\n${path}:22:12: boards[1].chair: not an e-mail address`,
    });
  });
});
