import { generateCprKey } from '../../security/cpr-cipher.js';
import { parseCommandArguments } from '../arguments.js';
import { type CliCommand, exitCodes } from '../cli-io.js';

const usage = 'trafiklys key generate';

export const keyGenerateCommand: CliCommand = {
  words: ['key', 'generate'],
  usage,
  summary: 'print a new random TRAFIKLYS_CPR_KEY (AES-256) for the environment',
  async run(args, io) {
    parseCommandArguments(args, {}, usage);
    io.stdout.write(`TRAFIKLYS_CPR_KEY=${generateCprKey()}\n`);
    io.stderr.write(
      'Keep this key secret and safe (a password manager or your secret store): without it the stored CPR numbers cannot be read.\n',
    );
    return exitCodes.ok;
  },
};
