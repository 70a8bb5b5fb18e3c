import type { ConnectionOptions } from 'node:tls';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logging/logger.js';
import { PrismaMailOutbox } from '../storage/prisma-mail-outbox.js';
import { type DrainOptions, type DrainTally, drainOutbox } from './drain-outbox.js';
import type { MailSender } from './mail-sender.js';
import type { SmtpConfig } from './smtp-config.js';
import { createSmtpSender } from './smtp-sender.js';
import type { SmtpSettings } from './smtp-settings.js';

/** The outbox and its sender as one process uses them: one SMTP pool, one send rate, for every drain. */
export interface OutboxSending {
  readonly outbox: PrismaMailOutbox;
  readonly sender: MailSender;
  /** The domain of the Message-IDs of mails queued now (SMTP_FROM's). */
  readonly messageIdDomain: string;
  /** The sender every mail carries (SMTP_FROM), as the journal's copy of a mail names it. */
  readonly from: string;
  drain(options?: DrainOptions): Promise<DrainTally>;
  /** Closes the SMTP connections (after the drains have ended). */
  close(): Promise<void>;
}

export function outboxSending(options: {
  readonly prisma: PrismaClient;
  /** This process's InstanceLease id: the holder of every mail it claims. */
  readonly holder: string;
  readonly smtp: SmtpSettings;
  readonly config: SmtpConfig;
  readonly logger: Logger;
  readonly now: () => Date;
  /** A private CA for the mail server's certificate (tests). */
  readonly tls?: Pick<ConnectionOptions, 'ca'>;
}): OutboxSending {
  const outbox = new PrismaMailOutbox(options.prisma, options.holder);
  const sender = createSmtpSender({
    settings: options.smtp,
    config: options.config,
    ...(options.tls ? { tls: options.tls } : {}),
  });
  const dependencies = {
    outbox,
    sender,
    logger: options.logger.child({ part: 'mail' }),
    now: options.now,
    retryDelaysMs: options.config.retryMinutes.map((minutes) => minutes * 60_000),
  };
  return {
    outbox,
    sender,
    messageIdDomain: options.smtp.from.domain,
    from: senderOf(options.smtp.from),
    drain: (drainOptions = {}) => drainOutbox(dependencies, drainOptions),
    close: () => sender.close(),
  };
}

/** `"Name" <address>`, or the bare address when SMTP_FROM gives no name (RFC 5322 quoted display name). */
function senderOf(from: SmtpSettings['from']): string {
  if (!from.name) return from.address;
  return `"${from.name.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}" <${from.address}>`;
}
