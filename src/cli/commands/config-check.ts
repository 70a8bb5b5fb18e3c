import { describeConfig } from '../../config/describe-config.js';
import { loadConfig } from '../../config/load-config.js';
import { parseCommandArguments } from '../arguments.js';
import { type CliCommand, exitCodes } from '../cli-io.js';

const usage = 'trafiklys config check [FILE | --config FILE]';

export const configCheckCommand: CliCommand = {
  words: ['config', 'check'],
  usage,
  summary: 'validate a configuration file and print what it describes',
  async run(args, io) {
    // The file as an argument, or with --config like every other command.
    const { positionals, values } = parseCommandArguments(args, { config: { type: 'string' } }, usage);
    const named = [...positionals, ...(values.config === undefined ? [] : [values.config])];
    if (named.length > 1) {
      io.stderr.write(`error: expected at most one config file\nusage: ${usage}\n`);
      return exitCodes.usage;
    }
    const loaded = await loadConfig({ explicitPath: named[0], env: io.env, cwd: io.cwd });
    const source = loaded.isDemo ? 'the built-in demo configuration' : loaded.path;
    io.stdout.write(`${source} is valid.\n\n${describeConfig(loaded.config, io.now())}\n`);
    return exitCodes.ok;
  },
};
