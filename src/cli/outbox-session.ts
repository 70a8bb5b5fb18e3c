import type { Runtime } from '../app/runtime.js';
import { createLogger } from '../logging/logger.js';
import { type OutboxSending, outboxSending } from '../mail/outbox-sending.js';
import { smtpSettingsOf } from '../mail/smtp-settings.js';
import { CodedError } from '../shared/coded-error.js';
import { InstanceLease } from '../storage/instance-lease.js';
import type { CliIo } from './cli-io.js';

/**
 * The outbox and its SMTP sender for one command-line run, held under a
 * lease like the bot's (killed, another process takes the mails over), with
 * Ctrl-C stopping the sending after the mails in flight. Without SMTP_URL and
 * SMTP_FROM it refuses before `work` starts, saying `whatDidNotHappen`.
 */
export async function withOutboxSession(
  runtime: Runtime,
  io: CliIo,
  whatDidNotHappen: string,
  work: (sending: OutboxSending, stopped: AbortSignal) => Promise<number>,
): Promise<number> {
  const { environment, database } = runtime;
  const smtp = smtpSettingsOf(environment);
  if (!smtp) {
    throw new CodedError(
      'env.invalid',
      `SMTP_URL and SMTP_FROM: not set; the mails need a server (smtp://user:password@host:587) and a sender${whatDidNotHappen}`,
    );
  }
  const logger = createLogger({ level: environment.LOG_LEVEL, destination: io.stderr });
  const lease = await InstanceLease.start({
    prisma: database.prisma,
    lengthMs: environment.TRAFIKLYS_LEASE_SECONDS * 1000,
    logger,
    soleUser: database.engine === 'pglite',
  });
  const sending = outboxSending({
    prisma: database.prisma,
    holder: lease.id,
    smtp,
    config: runtime.loadedConfig.config.smtp,
    logger,
    now: io.now,
  });
  const stopping = new AbortController();
  const stop = () => stopping.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await work(sending, stopping.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await sending.close();
    await lease.stop();
  }
}
