import { isIP } from 'node:net';
import type { Environment } from '../../config/environment.js';
import { CodedError } from '../../shared/coded-error.js';

/**
 * Whom the console believes. Local: the person picked in the page's "You are"
 * menu, which is only safe on the bot's own machine, so only on a loopback
 * address. Protected: the person a signed sign-in link named, and nobody else.
 */
export type ConsoleAccess =
  | { readonly mode: 'local' }
  | {
      readonly mode: 'protected';
      /** TRAFIKLYS_CONSOLE_SECRET: signs sign-in links and session cookies. */
      readonly secret: string;
      /** PUBLIC_URL: the page's origin as browsers see it behind a proxy; an https one makes the cookie Secure. */
      readonly publicUrl: string | null;
    };

/**
 * Whether the console is on (TRAFIKLYS_CONSOLE, by default only when neither
 * Slack nor Teams is configured) and, if so, whom it believes. Checked before
 * the bot opens anything, so a refusal stops the start cleanly.
 */
export function consoleAccessOf(environment: Environment, platformConfigured: boolean): ConsoleAccess | null {
  const explicitlyOn = environment.TRAFIKLYS_CONSOLE === 'on';
  if (environment.TRAFIKLYS_CONSOLE === 'off' || (!explicitlyOn && platformConfigured)) return null;
  return consoleAccessFor({
    host: environment.HOST,
    secret: environment.TRAFIKLYS_CONSOLE_SECRET,
    publicUrl: environment.PUBLIC_URL ?? null,
    explicitlyOn,
  });
}

/**
 * The console's access for the address it listens on. Without a secret only a
 * loopback address is allowed: anyone who reaches a local-mode console can
 * pick any person and read their direct chat.
 */
function consoleAccessFor(options: {
  readonly host: string;
  readonly secret: string | undefined;
  readonly publicUrl: string | null;
  /** Whether TRAFIKLYS_CONSOLE said so, or the console is on by default (no Slack, no Teams). */
  readonly explicitlyOn: boolean;
}): ConsoleAccess {
  if (options.secret) return { mode: 'protected', secret: options.secret, publicUrl: options.publicUrl };
  if (isLoopbackHost(options.host)) return { mode: 'local' };
  const why = options.explicitlyOn
    ? 'TRAFIKLYS_CONSOLE=on'
    : 'TRAFIKLYS_CONSOLE is on by default without Slack or Teams';
  throw new CodedError(
    'env.invalid',
    `TRAFIKLYS_CONSOLE: the console is on (${why}) and HOST=${options.host} is not a loopback address, ` +
      'but the console has no protection: anyone who reaches it could read every conversation. ' +
      'Set TRAFIKLYS_CONSOLE_SECRET (at least 32 random characters, e.g. from `openssl rand -base64 32`) ' +
      'so the console takes sign-in links only (npx trafiklys console link EMAIL), ' +
      'or set HOST=127.0.0.1, or TRAFIKLYS_CONSOLE=off.',
  );
}

/** 127.0.0.0/8, ::1 (also written out, or as an IPv4-mapped 127.x address) and localhost. */
export function isLoopbackHost(host: string): boolean {
  const name = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  if (isIP(name) !== 6 || name.includes('%')) return false;
  // The URL parser writes an IPv6 address its shortest way: 0:0:0:0:0:0:0:1 is [::1], ::ffff:127.0.0.1 is [::ffff:7f00:1].
  const shortest = new URL(`http://[${name}]`).hostname;
  if (shortest === '[::1]') return true;
  const mappedHigh = /^\[::ffff:([0-9a-f]{1,4}):[0-9a-f]{1,4}\]$/.exec(shortest)?.[1];
  return mappedHigh !== undefined && Number.parseInt(mappedHigh, 16) >> 8 === 127;
}
