import { isIP } from 'node:net';
import { type Environment, parseEnvironment } from '../../config/environment.js';
import { loadConfig } from '../../config/load-config.js';
import { CodedError } from '../../shared/coded-error.js';
import { consoleSignInLink } from '../../surfaces/console/console-sign-in.js';
import { configuredPeople } from '../../surfaces/console/console-surface.js';
import { parseCommandArguments, singlePositional } from '../arguments.js';
import { type CliCommand, exitCodes } from '../cli-io.js';

const usage = 'trafiklys console link EMAIL [--hours N] [--config FILE]';
const defaultHours = 12;
/** A month: a link is a key to someone's conversations, so it does not last for ever. */
const maxHours = 31 * 24;

export const consoleLinkCommand: CliCommand = {
  words: ['console', 'link'],
  usage,
  summary: `print a sign-in link to the protected console for a person of the configuration (valid ${defaultHours} h)`,
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(
      args,
      { hours: { type: 'string' }, config: { type: 'string' } },
      usage,
    );
    const email = singlePositional(positionals, 'e-mail address', usage);
    const hours = hoursOption(values.hours);
    const environment = parseEnvironment(io.env);
    const secret = environment.TRAFIKLYS_CONSOLE_SECRET;
    if (!secret) {
      throw new CodedError(
        'env.invalid',
        'TRAFIKLYS_CONSOLE_SECRET: not set; sign-in links are signed with it, and the bot must run with the same value ' +
          '(at least 32 characters, e.g. from `openssl rand -base64 32`)',
      );
    }
    const { config } = await loadConfig({ explicitPath: values.config, env: io.env, cwd: io.cwd });
    const address = email.toLowerCase();
    const person = [...configuredPeople(config)].find((candidate) => candidate.toLowerCase() === address);
    if (!person) {
      throw new CodedError(
        'console.unknown_person',
        `${email} is not a person of the configuration (a study board's chair, secretary or delegate, or a manager); only they can sign in to the console`,
      );
    }
    const expiresAt = new Date(io.now().getTime() + hours * 60 * 60 * 1000);
    const baseUrl = consoleBaseUrl(environment);
    io.stdout.write(`${consoleSignInLink({ baseUrl, secret, email: person, expiresAt })}\n`);
    const until = expiresAt.toLocaleString('sv-SE', { timeZone: config.institution.timeZone }).slice(0, 16);
    io.stderr.write(
      `A sign-in link for ${person}, valid until ${until} (${config.institution.timeZone}). ` +
        `Whoever has it can sign in as ${person} until then: give it to them only.\n`,
    );
    if (!environment.PUBLIC_URL && isUnspecifiedAddress(environment.HOST)) {
      io.stderr.write(
        `HOST=${environment.HOST} listens on every interface, so the link says localhost: set PUBLIC_URL to the address people reach Trafiklys at.\n`,
      );
    }
    return exitCodes.ok;
  },
};

function hoursOption(value: string | undefined): number {
  if (value === undefined) return defaultHours;
  const hours = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(hours >= 1 && hours <= maxHours)) {
    throw new CodedError(
      'cli.usage',
      `--hours: must be a whole number from 1 to ${maxHours}\nusage: ${usage}`,
    );
  }
  return hours;
}

/** PUBLIC_URL, or the address the bot listens on (localhost for "every interface"). */
function consoleBaseUrl(environment: Environment): string {
  if (environment.PUBLIC_URL) return environment.PUBLIC_URL;
  const host = isUnspecifiedAddress(environment.HOST) ? 'localhost' : environment.HOST;
  return `http://${isIP(host) === 6 ? `[${host}]` : host}:${environment.PORT}`;
}

function isUnspecifiedAddress(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}
