import { z } from 'zod';

/**
 * The `smtp:` section of the configuration file: how hard the bot may press
 * the institution's mail server. Which server, and as whom, is the
 * environment's (SMTP_URL, SMTP_FROM): it holds a password.
 */

// `.int()` would abort the whole parse and hide other issues; a refinement does not.
const wholeNumber = z.number().refine(Number.isInteger, 'must be a whole number');

/** After 1, 5 and 15 minutes, 1, 4 and 12 hours: about 18 hours of a server refusing for now, then failed. */
export const defaultRetryMinutes = [1, 5, 15, 60, 240, 720] as const;

export const smtpConfigSchema = z
  .strictObject({
    /** Connections open at once (nodemailer's pool). */
    maxConnections: wholeNumber.min(1).max(50).default(5),
    /** Mails over one connection before it is replaced (servers limit this; nodemailer's default). */
    maxMessagesPerConnection: wholeNumber.min(1).default(100),
    /**
     * At most `messages` mails in any `perSeconds` seconds, over all
     * connections (Exchange Online, for one: 30 a minute per mailbox). null: no limit.
     */
    rateLimit: z
      .strictObject({
        messages: wholeNumber.min(1),
        perSeconds: z.number().positive().default(1),
      })
      .nullable()
      .default({ messages: 10, perSeconds: 1 }),
    /**
     * A mail the server refuses for now (a 4xx reply, a connection that
     * fails) is tried again after each of these in turn; after the last it is
     * failed with the server's reply.
     */
    retryMinutes: z
      .array(z.number().positive())
      .max(50)
      .default([...defaultRetryMinutes]),
  })
  .prefault({});

export type SmtpConfig = z.output<typeof smtpConfigSchema>;
