import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../logging/logger.js';

/**
 * Bolt, its WebClient and the Socket Mode client log through this adapter into
 * our pino logger, so their lines are JSON like ours, pass the CPR scrubber and
 * never reach the console. The level is pino's; Bolt's setLevel is ignored.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const slack = logger.child({ component: 'slack-sdk' });
  const line = (parts: readonly unknown[]): string =>
    parts.map((part) => (typeof part === 'string' ? part : describe(part))).join(' ');
  return {
    debug: (...parts: unknown[]) => slack.debug(line(parts)),
    info: (...parts: unknown[]) => slack.info(line(parts)),
    warn: (...parts: unknown[]) => slack.warn(line(parts)),
    error: (...parts: unknown[]) => slack.error(line(parts)),
    setLevel: () => {},
    setName: () => {},
    getLevel: () => levelOf(slack.level),
  };
}

function describe(part: unknown): string {
  if (part instanceof Error) return `${part.name}: ${part.message}`;
  try {
    return JSON.stringify(part) ?? String(part);
  } catch {
    return String(part);
  }
}

function levelOf(pinoLevel: string): LogLevel {
  switch (pinoLevel) {
    case 'trace':
    case 'debug':
      return LogLevel.DEBUG;
    case 'info':
      return LogLevel.INFO;
    case 'warn':
      return LogLevel.WARN;
    default:
      return LogLevel.ERROR;
  }
}
