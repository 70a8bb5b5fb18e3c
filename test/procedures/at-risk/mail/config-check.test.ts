import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTrafiklys } from '../../../support/cli-runner.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'trafiklys-mail-check-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const university = [
  'institution: { name: Check University }',
  'faculties: [{ code: FAC, name: Faculty }]',
  'boards:',
  '  - { code: SN-DAT, name: Datalogi, faculty: FAC, chair: c@x.example, secretary: s@x.example }',
];

describe('trafiklys config check and the mail templates', () => {
  it('an override without the § 31 rights paragraph fails with the template, the file position and the missing part', async () => {
    const path = join(folder, 'no-rights.yaml');
    await writeFile(
      path,
      [
        ...university,
        'mail:',
        '  overrides:',
        '    - scope: { board: SN-DAT }',
        '      template: yellow',
        '      language: en',
        '      text: |',
        '        Dear {{ student.name }}, we are here if you need us.',
        '        {{ guidance }}',
        '        {{ contact }}',
      ].join('\n'),
    );

    const result = await runTrafiklys(['config', 'check', 'no-rights.yaml'], { cwd: folder });

    expect(result).toEqual({
      exitCode: 1,
      stdout: '',
      stderr:
        `error: ${path} is not a valid Trafiklys configuration:\n` +
        `${path}:10:7: mail.overrides[0].text: yellow/en text for board SN-DAT leaves out the § 31 stk. 1 rights paragraph {{ rights }}\n`,
    });
  });

  it('a configuration whose overrides keep every required part is valid', async () => {
    await writeFile(
      join(folder, 'kept.yaml'),
      [
        ...university,
        'mail:',
        '  overrides:',
        '    - scope: { board: SN-DAT }',
        '      template: yellow',
        '      language: en',
        '      text: |',
        '        Dear {{ student.name }}',
        '        {{ rights }}',
        '        {{ guidance }}',
        '        {{ contact }}',
      ].join('\n'),
    );

    const result = await runTrafiklys(['config', 'check', 'kept.yaml'], { cwd: folder });

    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('kept.yaml is valid.');
  });
});
