import { deviationsCommands } from '../procedures/deviations/cli/deviations-commands.js';
import { maskCprShapes } from '../security/cpr-shape.js';
import { isCodedError } from '../shared/coded-error.js';
import { type CliCommand, type CliIo, exitCodes } from './cli-io.js';
import { configCheckCommand } from './commands/config-check.js';
import { consoleLinkCommand } from './commands/console-link.js';
import { cyclesCommand } from './commands/cycles.js';
import { demoExportCommand } from './commands/demo-export.js';
import { dispatchCommand } from './commands/dispatch.js';
import { identifyCommand } from './commands/identify.js';
import { importCommand } from './commands/import.js';
import { keyGenerateCommand } from './commands/key-generate.js';
import { outboxCommand } from './commands/outbox.js';
import { outboxSendCommand } from './commands/outbox-send.js';

export const commands: readonly CliCommand[] = [
  identifyCommand,
  importCommand,
  cyclesCommand,
  // `outbox send` before `outbox`: a command is found by its first words.
  outboxSendCommand,
  outboxCommand,
  dispatchCommand,
  configCheckCommand,
  keyGenerateCommand,
  consoleLinkCommand,
  demoExportCommand,
  ...deviationsCommands,
];

function helpText(): string {
  const width = Math.max(...commands.map((command) => command.usage.length));
  return [
    'Trafiklys: at-risk student identification from the command line.',
    '',
    'usage:',
    ...commands.map((command) => `  ${command.usage.padEnd(width)}  ${command.summary}`),
    '',
    'Environment: DATABASE_URL (PostgreSQL; default: embedded database in DATA_DIR, ./data),',
    'TRAFIKLYS_CONFIG (config file), TRAFIKLYS_CPR_KEY (key for CPR numbers),',
    'TRAFIKLYS_CONSOLE_SECRET (signs console sign-in links), SMTP_URL and SMTP_FROM (the mail server',
    'and sender). See README.md.',
    '',
  ].join('\n');
}

/**
 * Runs one command line; returns the exit code. Errors go to stderr, results
 * to stdout. An error may quote what it failed on (a database's own message,
 * a stack), so whatever reaches stderr is masked for CPR-shaped values.
 */
export async function runCli(argv: readonly string[], terminal: CliIo): Promise<number> {
  const io: CliIo = {
    ...terminal,
    stderr: {
      write: (text: string) => terminal.stderr.write(maskCprShapes(text)),
      isTTY: terminal.stderr.isTTY === true,
    },
  };
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    (argv.length === 0 ? io.stderr : io.stdout).write(helpText());
    return argv.length === 0 ? exitCodes.usage : exitCodes.ok;
  }
  const command = commands.find((candidate) => candidate.words.every((word, index) => argv[index] === word));
  if (!command) {
    io.stderr.write(`error: unknown command "${argv.join(' ')}"\n\n${helpText()}`);
    return exitCodes.usage;
  }
  try {
    return await command.run(argv.slice(command.words.length), io);
  } catch (error) {
    if (isCodedError(error)) {
      io.stderr.write(`error: ${error.message}\n`);
      return error.code === 'cli.usage' ? exitCodes.usage : exitCodes.failed;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`internal error (please report it): ${detail}\n`);
    return exitCodes.failed;
  }
}
