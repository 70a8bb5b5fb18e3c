import type { ILogger, ILoggerOptions, LogLevel } from '@microsoft/teams.common';
import type { Logger } from '../../logging/logger.js';

/**
 * The SDK logs through its own ConsoleLogger unless given one; this sends its
 * lines to our pino logger instead (JSON, CPR-shaped text masked), under
 * `component: teams-sdk/<name>`.
 */
export class TeamsSdkLogger implements ILogger {
  readonly loggerOptions: ILoggerOptions;

  constructor(
    private readonly logger: Logger,
    private readonly name = 'teams-sdk',
    options: ILoggerOptions = {},
  ) {
    this.loggerOptions = options;
  }

  debug(...message: unknown[]): void {
    this.log('debug', ...message);
  }
  info(...message: unknown[]): void {
    this.log('info', ...message);
  }
  warn(...message: unknown[]): void {
    this.log('warn', ...message);
  }
  error(...message: unknown[]): void {
    this.log('error', ...message);
  }
  trace(...message: unknown[]): void {
    this.log('trace', ...message);
  }

  log(level: LogLevel, ...message: unknown[]): void {
    const texts = message.filter((part): part is string => typeof part === 'string');
    const error = message.find((part): part is Error => part instanceof Error);
    // Objects the SDK passes along are whole activities or token options:
    // personal data we do not log.
    const fields = { component: this.name, ...(error ? { err: error } : {}) };
    this.logger[level](fields, texts.join(' ') || `${this.name} ${level}`);
  }

  child(name: string, overrides?: ILoggerOptions): ILogger {
    return new TeamsSdkLogger(this.logger, `${this.name}/${name}`, { ...this.loggerOptions, ...overrides });
  }
}
