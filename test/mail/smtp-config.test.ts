import { describe, expect, test } from 'vitest';
import { parseConfigText } from '../../src/config/load-config.js';
import { problemsOf, validYaml } from '../config/config-fixtures.js';

describe('the smtp: section of the configuration', () => {
  test('left out: five connections, a hundred mails each, ten mails a second, retries up to 12 hours', () => {
    const config = parseConfigText(validYaml, '/etc/trafiklys/test.yaml');

    expect(config.smtp).toEqual({
      maxConnections: 5,
      maxMessagesPerConnection: 100,
      rateLimit: { messages: 10, perSeconds: 1 },
      retryMinutes: [1, 5, 15, 60, 240, 720],
    });
  });

  test('a server’s own limit, and no limit at all', () => {
    const limited = parseConfigText(
      `${validYaml}smtp:\n  maxConnections: 2\n  rateLimit: { messages: 30, perSeconds: 60 }\n  retryMinutes: [2, 10]\n`,
      '/etc/trafiklys/test.yaml',
    );
    const unlimited = parseConfigText(`${validYaml}smtp:\n  rateLimit: null\n`, '/etc/trafiklys/test.yaml');

    expect(limited.smtp).toMatchObject({
      maxConnections: 2,
      rateLimit: { messages: 30, perSeconds: 60 },
      retryMinutes: [2, 10],
    });
    expect(unlimited.smtp.rateLimit).toBeNull();
  });

  test('a wrong value is named at its line and column', () => {
    expect(problemsOf(`${validYaml}smtp:\n  maxConnections: 0\n  rateLimit: { messages: 1.5 }\n`)).toEqual([
      expect.stringMatching(/^test\.yaml:29:19: smtp\.maxConnections: /),
      expect.stringMatching(/^test\.yaml:30:26: smtp\.rateLimit\.messages: must be a whole number/),
    ]);
  });
});
