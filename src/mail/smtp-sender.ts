import { createHash } from 'node:crypto';
import type { ConnectionOptions } from 'node:tls';
import nodemailer, { type NodemailerError } from 'nodemailer';
import { maskCprShapes } from '../security/cpr-shape.js';
import type { MailSender, OutgoingMail, SendOutcome } from './mail-sender.js';
import { type RateClock, SendRate } from './send-rate.js';
import type { SmtpConfig } from './smtp-config.js';
import type { SmtpSettings } from './smtp-settings.js';

/** How long a silent server is waited for before the mail counts as not delivered (and is retried). */
const timeouts = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 } as const;

export interface SmtpSenderOptions {
  readonly settings: SmtpSettings;
  readonly config: Pick<SmtpConfig, 'maxConnections' | 'maxMessagesPerConnection' | 'rateLimit'>;
  /** Extra TLS options: a private CA (tests, an internal relay); certificates are always checked. */
  readonly tls?: Pick<ConnectionOptions, 'ca'>;
  readonly rateClock?: RateClock;
}

/**
 * nodemailer's SMTP pool (`maxConnections` connections, each replaced after
 * `maxMessagesPerConnection` mails) behind the MailSender edge, with the
 * configured send rate over all of them. STARTTLS is used whenever the server
 * offers it; `smtps://` speaks TLS from the start.
 */
export function createSmtpSender(options: SmtpSenderOptions): MailSender {
  const { server, from } = options.settings;
  const { config } = options;
  const transport = nodemailer.createTransport({
    pool: true,
    host: server.host,
    port: server.port,
    secure: server.implicitTls,
    ...(server.auth ? { auth: { user: server.auth.user, pass: server.auth.password } } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
    maxConnections: config.maxConnections,
    maxMessages: config.maxMessagesPerConnection,
    ...timeouts,
    // Our logger only: nodemailer's would write addresses to stdout.
    logger: false,
  });
  const rate = config.rateLimit
    ? new SendRate(config.rateLimit.messages, config.rateLimit.perSeconds * 1000, options.rateClock)
    : null;
  const sender = from.name ? { name: from.name, address: from.address } : from.address;

  return {
    parallel: config.maxConnections,
    async send(mail: OutgoingMail, signal?: AbortSignal): Promise<SendOutcome> {
      await rate?.take(signal);
      try {
        const info = await transport.sendMail({
          from: sender,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: mail.messageId,
          date: mail.date,
          // MIME boundaries from the Message-ID instead of at random: a resend is the same bytes.
          baseBoundary: createHash('sha256').update(mail.messageId).digest('hex').slice(0, 24),
        });
        return { kind: 'accepted', response: info.response };
      } catch (error) {
        return outcomeOfFailure(error);
      }
    },
    async close() {
      transport.close();
    },
  };
}

/**
 * What a nodemailer error says about the mail (RFC 5321 § 4.2.1: 4yz is
 * transient, 5yz permanent). A refused login and 421 ("service not
 * available") are about the server, not this mail: every mail would get them.
 */
export function outcomeOfFailure(error: unknown): SendOutcome {
  const failure: NodemailerError =
    error instanceof Error ? error : new Error(typeof error === 'string' ? error : 'unknown failure');
  // A server's reply may quote the recipient's address (that is allowed) but never anything CPR-shaped.
  const reply = maskCprShapes((failure.response ?? failure.message).trim());
  if (failure.code === 'EAUTH' || failure.code === 'ENOAUTH') {
    return { kind: 'unavailable', problem: `the server refused the login: ${reply}` };
  }
  const code = failure.responseCode;
  if (code !== undefined && code !== 421 && code >= 400 && code < 600) {
    // 503 (bad sequence of commands) is the session's state, not this mail's: nodemailer says not permanent.
    const permanent = failure.permanent ?? (code >= 500 && code !== 503);
    return permanent ? { kind: 'rejected', reply } : { kind: 'deferred', reply };
  }
  return { kind: 'unavailable', problem: `${failure.code ?? 'error'}: ${reply}` };
}
