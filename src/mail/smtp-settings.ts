import { z } from 'zod';

/**
 * Where the mails go: `SMTP_URL` (`smtp://user:password@host:587`, STARTTLS
 * whenever the server offers it; `smtps://…:465` for TLS from the first byte)
 * and `SMTP_FROM` (`Trafiklys <trafiklys@example.dk>` or a bare address),
 * parsed with the rest of the environment. Problems never quote the value:
 * the URL holds a password.
 */

export interface SmtpServer {
  readonly host: string;
  readonly port: number;
  /** true: TLS from the first byte (smtps://); false: STARTTLS when the server offers it. */
  readonly implicitTls: boolean;
  /** From the URL's user and password, percent-decoded; null: no AUTH. */
  readonly auth: { readonly user: string; readonly password: string } | null;
}

export interface MailFrom {
  /** The display name, when SMTP_FROM gives one. */
  readonly name: string | null;
  readonly address: string;
  /** The address's domain: the right-hand side of every Message-ID we make (RFC 5322 § 3.6.4). */
  readonly domain: string;
}

export interface SmtpSettings {
  readonly server: SmtpServer;
  readonly from: MailFrom;
}

const defaultPorts = { 'smtp:': 587, 'smtps:': 465 } as const;

export const smtpUrlSchema = z.string().transform((text, ctx): SmtpServer => {
  const server = smtpServerOf(text.trim());
  if (typeof server === 'string') {
    ctx.issues.push({ code: 'custom', message: server, input: undefined });
    return z.NEVER;
  }
  return server;
});

/** The server, or what is wrong with the URL (without quoting it). */
function smtpServerOf(text: string): SmtpServer | string {
  const example = 'like smtp://user:password@mail.example.dk:587 or smtps://mail.example.dk:465';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `must be an smtp:// or smtps:// URL, ${example}`;
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    return `must be an smtp:// or smtps:// URL, ${example}`;
  }
  if (url.hostname === '') return `must name the server, ${example}`;
  if (url.search !== '' || (url.pathname !== '' && url.pathname !== '/')) {
    return `takes no path or ?options, only smtp(s)://user:password@host:port`;
  }
  if (url.password !== '' && url.username === '') return 'has a password but no user name';
  let auth: SmtpServer['auth'] = null;
  try {
    if (url.username !== '') {
      auth = { user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) };
    }
  } catch {
    return 'has a user name or password that is not valid percent-encoding (write @ as %40, : as %3A)';
  }
  return {
    // IPv6 hosts come bracketed from URL; sockets want them bare.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port === '' ? defaultPorts[url.protocol] : Number(url.port),
    implicitTls: url.protocol === 'smtps:',
    auth,
  };
}

const addressSchema = z.email();

export const mailFromSchema = z.string().transform((text, ctx): MailFrom => {
  const match = /^\s*(?:(.*?)\s*<([^<>\s]+)>|([^<>\s]+))\s*$/.exec(text);
  const address = match?.[2] ?? match?.[3];
  if (!address || !addressSchema.safeParse(address).success) {
    ctx.issues.push({
      code: 'custom',
      message: 'must be an e-mail address, or a name and an address like Trafiklys <trafiklys@example.dk>',
      input: undefined,
    });
    return z.NEVER;
  }
  const name = match?.[1]?.replace(/^"(.*)"$/, '$1').trim() || null;
  return { name, address, domain: address.slice(address.lastIndexOf('@') + 1).toLowerCase() };
});

/** SMTP_URL and SMTP_FROM as the environment parsed them: both set, or neither (no mail). */
export function smtpSettingsOf(environment: {
  readonly SMTP_URL?: SmtpServer | undefined;
  readonly SMTP_FROM?: MailFrom | undefined;
}): SmtpSettings | null {
  return environment.SMTP_URL && environment.SMTP_FROM
    ? { server: environment.SMTP_URL, from: environment.SMTP_FROM }
    : null;
}
