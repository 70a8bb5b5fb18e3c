import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { parseEnvironment } from '../../../../src/config/environment.js';
import { demoConfigPath, parseConfigText } from '../../../../src/config/load-config.js';
import { problemsOf, validYaml } from '../../../config/config-fixtures.js';

// validYaml has 27 lines: the journal key starts on line 28.
const withJournal = (yaml: string) => `${validYaml}journal:\n${yaml}`;

describe('the journal key of the configuration', () => {
  test('left out, nothing is journalised', () => {
    expect(parseConfigText(validYaml, '/etc/trafiklys/test.yaml').journal).toBeNull();
  });

  test('a folder is resolved against the configuration file’s folder, like the import folder', () => {
    const config = parseConfigText(
      withJournal('  kind: folder\n  folder: ./journal\n'),
      '/etc/trafiklys/test.yaml',
    );
    expect(config.journal).toEqual({ kind: 'folder', folder: '/etc/trafiklys/journal' });
    expect(
      parseConfigText(withJournal('  kind: folder\n  folder: /srv/journal\n'), '/etc/trafiklys/test.yaml')
        .journal,
    ).toEqual({ kind: 'folder', folder: '/srv/journal' });
  });

  test('an http records system gets a timeout of 30 seconds and 6 tries unless told otherwise', () => {
    const config = parseConfigText(
      withJournal('  kind: http\n  url: https://records.example.dk/cases\n'),
      't.yaml',
    );
    expect(config.journal).toEqual({
      kind: 'http',
      url: 'https://records.example.dk/cases',
      timeoutSeconds: 30,
      attempts: 6,
    });
    const tuned = parseConfigText(
      withJournal('  kind: http\n  url: http://localhost:8080/cases\n  timeoutSeconds: 5\n  attempts: 2\n'),
      't.yaml',
    );
    expect(tuned.journal).toMatchObject({
      url: 'http://localhost:8080/cases',
      timeoutSeconds: 5,
      attempts: 2,
    });
  });

  test('an unknown kind says which kinds there are', () => {
    expect(problemsOf(withJournal('  kind: workzone\n  url: https://records.example.dk\n'))).toEqual([
      'test.yaml:29:9: journal.kind: must be folder (a directory per case) or http (POST each case to a URL)',
    ]);
  });

  test('each kind needs its own key, and refuses the other’s', () => {
    expect(problemsOf(withJournal('  kind: folder\n'))).toEqual(['test.yaml:29:3: journal.folder: required']);
    expect(
      problemsOf(withJournal('  kind: http\n  folder: ./journal\n  url: https://r.example.dk\n')),
    ).toEqual(['test.yaml:30:11: journal.folder: belongs to kind: folder, not kind: http']);
    expect(problemsOf(withJournal('  kind: folder\n  folder: ./journal\n  token: abc\n'))).toEqual([
      'test.yaml:31:3: journal: unknown key "token" (allowed: kind, folder, url, timeoutSeconds, attempts)',
    ]);
  });

  test('case titles hold CPR numbers: plain http only to this machine, and no password in the URL', () => {
    expect(problemsOf(withJournal('  kind: http\n  url: http://records.example.dk/cases\n'))).toEqual([
      'test.yaml:30:8: journal.url: must be https:// (the cases hold CPR numbers); plain http:// only to this machine (localhost)',
    ]);
    expect(
      problemsOf(withJournal('  kind: http\n  url: https://svc:hunter2@records.example.dk/cases\n')),
    ).toEqual([
      'test.yaml:30:8: journal.url: must not hold a user name or password: put the token in the environment variable JOURNAL_TOKEN',
    ]);
    expect(problemsOf(withJournal('  kind: http\n  url: ftp://records.example.dk\n'))).toEqual([
      'test.yaml:30:8: journal.url: must be an http(s) URL, like https://records.example.dk/cases',
    ]);
  });

  test('the HTTP token comes from the environment (JOURNAL_TOKEN); empty means unset', () => {
    expect(parseEnvironment({ JOURNAL_TOKEN: 'secret' }).JOURNAL_TOKEN).toBe('secret');
    expect(parseEnvironment({ JOURNAL_TOKEN: '' }).JOURNAL_TOKEN).toBeUndefined();
  });

  test('both examples documented in the demo configuration are valid as written', async () => {
    const demo = await readFile(demoConfigPath(), 'utf8');
    // Each example: a commented "# journal:" line and the commented, indented lines under it.
    const examples = [...demo.matchAll(/^# journal:\n((?:# {3}.*\n)+)/gm)].map((match) =>
      (match[1] ?? '').replace(/^# /gm, ''),
    );

    expect(examples).toHaveLength(2);
    expect(parseConfigText(withJournal(examples[0] ?? ''), '/srv/trafiklys/t.yaml').journal).toEqual({
      kind: 'folder',
      folder: '/srv/trafiklys/journal',
    });
    expect(parseConfigText(withJournal(examples[1] ?? ''), 't.yaml').journal).toEqual({
      kind: 'http',
      url: 'https://records.example.dk/trafiklys/cases',
      timeoutSeconds: 30,
      attempts: 6,
    });
  });
});
