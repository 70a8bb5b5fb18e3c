import { parseEnvironment } from '../../src/config/environment.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { type OutboxSending, outboxSending } from '../../src/mail/outbox-sending.js';
import { type SmtpConfig, smtpConfigSchema } from '../../src/mail/smtp-config.js';
import { type SmtpSettings, smtpSettingsOf } from '../../src/mail/smtp-settings.js';
import { capturedLogger } from '../support/captured-logger.js';
import { seedInstance } from '../support/instances.js';
import type { SelfSignedCertificate } from '../support/self-signed-certificate.js';

export const sender = 'Trafiklys <trafiklys@uni.example>';

/** SMTP_URL and SMTP_FROM as the environment parses them at start-up. */
export function smtpSettings(url: string, from = sender): SmtpSettings {
  const settings = smtpSettingsOf(parseEnvironment({ SMTP_URL: url, SMTP_FROM: from }));
  if (!settings) throw new Error('SMTP settings expected');
  return settings;
}

/** The `smtp:` section as the configuration file would give it. */
export function smtpConfig(section: Record<string, unknown> = {}): SmtpConfig {
  return smtpConfigSchema.parse({ rateLimit: null, ...section });
}

/** A living instance's outbox and sender, through the same wiring as the bot's. */
export async function anInstanceSending(
  prisma: PrismaClient,
  options: {
    readonly url: string;
    readonly holder?: string;
    readonly config?: Record<string, unknown>;
    readonly now?: () => Date;
    readonly certificate?: SelfSignedCertificate;
  },
): Promise<OutboxSending & { readonly log: ReturnType<typeof capturedLogger> }> {
  const holder = await seedInstance(prisma, options.holder ?? 'instance-a', 'alive');
  const log = capturedLogger();
  const sending = outboxSending({
    prisma,
    holder,
    smtp: smtpSettings(options.url),
    config: smtpConfig(options.config),
    logger: log.logger,
    now: options.now ?? (() => new Date()),
    ...(options.certificate ? { tls: { ca: options.certificate.certificate } } : {}),
  });
  return Object.assign(sending, { log });
}
