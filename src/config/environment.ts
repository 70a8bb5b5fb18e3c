import { z } from 'zod';
import { mailFromSchema, smtpUrlSchema } from '../mail/smtp-settings.js';
import { cprKeyLength } from '../security/cpr-cipher.js';
import { CodedError } from '../shared/coded-error.js';

/**
 * The process environment, parsed once at boot. Problems are reported as
 * `VARIABLE: problem` and never quote a value: DATABASE_URL holds a password,
 * TRAFIKLYS_CPR_KEY the key of every stored CPR number and
 * TRAFIKLYS_CONSOLE_SECRET what signs the console's sign-in links.
 */

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

const makeKeyHint = 'make one with: npx trafiklys key generate';

/** A console secret shorter than this could be guessed from the links it signs. */
export const consoleSecretMinLength = 32;

/** `NAME=` in a .env file or a compose file means "not set", not "set to nothing". */
function optionalVariable<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema,
  );
}

const databaseUrl = z.string().refine(isPostgresUrl, {
  error: 'must be a postgres:// or postgresql:// URL, like postgresql://user:password@host:5432/trafiklys',
});

function isPostgresUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'postgres:' || url.protocol === 'postgresql:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const cprKey = z.string().transform((text, ctx): Uint8Array => {
  const encoded = text.trim();
  if (encoded.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) {
    ctx.issues.push({ code: 'custom', message: `must be base64 (${makeKeyHint})`, input: undefined });
    return z.NEVER;
  }
  const key = Buffer.from(encoded, 'base64');
  if (key.length !== cprKeyLength) {
    ctx.issues.push({
      code: 'custom',
      message: `must be the base64 of exactly ${cprKeyLength} bytes (an AES-256 key), not ${key.length} bytes (${makeKeyHint})`,
      input: undefined,
    });
    return z.NEVER;
  }
  return new Uint8Array(key);
});

const port = z.string().transform((text, ctx): number => {
  const value = /^\d{1,5}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(value >= 1 && value <= 65535)) {
    ctx.issues.push({ code: 'custom', message: 'must be a whole number from 1 to 65535', input: undefined });
    return z.NEVER;
  }
  return value;
});

const leaseSeconds = z.string().transform((text, ctx): number => {
  const value = /^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(value >= 1 && value <= 3600)) {
    ctx.issues.push({
      code: 'custom',
      message: 'must be a whole number of seconds from 1 to 3600',
      input: undefined,
    });
    return z.NEVER;
  }
  return value;
});

const environmentSchema = z.object({
  /** A PostgreSQL server; when unset, the embedded PGlite database in DATA_DIR. */
  DATABASE_URL: optionalVariable(databaseUrl.optional()),
  /** The embedded database's folder. */
  DATA_DIR: optionalVariable(z.string().default('./data')),
  /** The institution configuration file (the CLI's --config wins). */
  TRAFIKLYS_CONFIG: optionalVariable(z.string().optional()),
  /** AES-256-GCM key for CPR numbers, decoded; without it an export with CPR numbers is refused. */
  TRAFIKLYS_CPR_KEY: optionalVariable(cprKey.optional()),
  PORT: optionalVariable(port.default(3000)),
  /** Loopback unless the deployment opens it on purpose (e.g. HOST=0.0.0.0 in a container). */
  HOST: optionalVariable(z.string().default('127.0.0.1')),
  /**
   * The bot's address as the chat platforms' clients reach it (https://bot.example.dk); charts are
   * served from it to Teams, whose 40 KB messages cannot carry the images themselves.
   */
  PUBLIC_URL: optionalVariable(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL, like https://trafiklys.example.dk' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  /** `on`/`off`: the local console page; default on unless Slack or Teams is configured. */
  TRAFIKLYS_CONSOLE: optionalVariable(z.enum(['on', 'off'], { error: 'must be on or off' }).optional()),
  /**
   * Protects the console: it signs the sign-in links (`npx trafiklys console link`) and session
   * cookies, and the console then believes no one else. Required to open the console beyond loopback.
   */
  TRAFIKLYS_CONSOLE_SECRET: optionalVariable(
    z
      .string()
      .min(consoleSecretMinLength, {
        error: `must be at least ${consoleSecretMinLength} characters (make one with: openssl rand -base64 32)`,
      })
      .optional(),
  ),
  LOG_LEVEL: optionalVariable(
    z.enum(logLevels, { error: `must be one of: ${logLevels.join(', ')}` }).default('info'),
  ),
  /**
   * Seconds an instance's claims (job runs, reminder deliveries) outlive it:
   * a killed instance's unfinished work is taken over by another this long
   * after its last sign of life. It renews its lease every third of this.
   */
  TRAFIKLYS_LEASE_SECONDS: optionalVariable(leaseSeconds.default(30)),
  /** Bearer token for the journal's HTTP records system (config `journal: { kind: http }`); never in the config file. */
  JOURNAL_TOKEN: optionalVariable(z.string().trim().min(1).optional()),
  /** The SMTP server the § 31 mails go through (src/mail/smtp-settings.ts); unset: no mail is sent. */
  SMTP_URL: optionalVariable(smtpUrlSchema.optional()),
  /** The mails' sender, and the domain of their Message-IDs. */
  SMTP_FROM: optionalVariable(mailFromSchema.optional()),
});

export type Environment = z.output<typeof environmentSchema>;

/** A mail needs both a server and a sender: one without the other is a mistake, not "no mail". */
function smtpBothOrNeither(env: Environment): string[] {
  if (env.SMTP_URL && !env.SMTP_FROM) return ["SMTP_FROM: required with SMTP_URL (the mails' sender)"];
  if (env.SMTP_FROM && !env.SMTP_URL)
    return ['SMTP_URL: required with SMTP_FROM (the server to send through)'];
  return [];
}

/** Throws CodedError('env.invalid') listing every problem as `VARIABLE: problem`. */
export function parseEnvironment(env: NodeJS.ProcessEnv): Environment {
  const result = environmentSchema.safeParse(env, { error: environmentIssueMessage });
  const lines = result.success
    ? smtpBothOrNeither(result.data)
    : result.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
  if (result.success && lines.length === 0) return result.data;
  throw new CodedError('env.invalid', ['invalid environment variables:', ...lines].join('\n'));
}

/** Zod's own messages for anything not covered above, without the value. */
function environmentIssueMessage(issue: z.core.$ZodRawIssue): string {
  return issue.code === 'invalid_type' ? 'must be text' : 'is not valid';
}
