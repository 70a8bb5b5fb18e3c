import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';
import type { SelfSignedCertificate } from './self-signed-certificate.js';

/** A mail as the server received it: the client's bytes, the envelope and the session it came over. */
export interface ReceivedMail {
  readonly raw: Buffer;
  readonly from: string;
  readonly to: readonly string[];
  /** The Message-ID header as sent, `<…>` included. */
  readonly messageId: string | null;
  readonly connection: string;
  /** The session was TLS when the mail came (STARTTLS or smtps). */
  readonly secure: boolean;
  /** Who logged in on that session, if anyone. */
  readonly user: string | null;
  parsed(): Promise<ParsedMail>;
}

/** A reply the double gives instead of accepting: "450 4.2.1 Mailbox busy". */
export interface SmtpReply {
  readonly code: number;
  readonly message: string;
}

export interface SmtpServerDoubleOptions {
  /** With a certificate: STARTTLS is offered (or, with `implicitTls`, TLS from the first byte). */
  readonly certificate?: SelfSignedCertificate;
  readonly implicitTls?: boolean;
  /** Required login; without it the server offers no AUTH. */
  readonly auth?: { readonly user: string; readonly password: string };
  /**
   * The reply to `RCPT TO:<address>` on its `attempt`th time (1 for the
   * first), or null to accept it.
   */
  readonly refuseRecipient?: (address: string, attempt: number) => SmtpReply | null;
  /**
   * Runs before the server answers `RCPT TO` (a slow server: the mail is not
   * the server's yet, so a client that dies meanwhile has sent nothing).
   */
  readonly beforeRecipient?: (address: string) => Promise<void> | void;
  /**
   * Runs when a mail's data has arrived, before the server says 250: the
   * mail counts as received, so a client that dies meanwhile never learns
   * that it was (the one window no SMTP client can close).
   */
  readonly beforeAccepting?: (mail: ReceivedMail) => Promise<void> | void;
}

/**
 * A real SMTP server (smtp-server) on loopback that records every mail it
 * accepts, as the tests' mail server. It can refuse chosen recipients with a
 * chosen 4xx or 5xx reply, offer STARTTLS or speak TLS at once with a
 * self-signed certificate, require a login, and counts its connections.
 */
export class SmtpServerDouble {
  readonly received: ReceivedMail[] = [];
  /** Every reply it gave instead of accepting, in order. */
  readonly refusals: { readonly address: string; readonly reply: SmtpReply }[] = [];
  /** Logins tried: user and password as the client sent them. */
  readonly logins: { readonly user: string; readonly password: string }[] = [];
  private readonly rcptAttempts = new Map<string, number>();
  private readonly openConnections = new Set<string>();
  private readonly connectionIds = new Set<string>();
  private mostAtOnce = 0;
  private waiters: (() => void)[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(options: SmtpServerDoubleOptions = {}): Promise<SmtpServerDouble> {
    let double: SmtpServerDouble | null = null;
    const self = () => {
      if (!double) throw new Error('the SMTP double is not started yet');
      return double;
    };
    const serverOptions: SMTPServerOptions = {
      logger: false,
      secure: options.implicitTls === true,
      ...(options.certificate
        ? { key: options.certificate.privateKey, cert: options.certificate.certificate }
        : { hideSTARTTLS: true }),
      ...(options.auth
        ? { authMethods: ['PLAIN', 'LOGIN'] }
        : { authOptional: true, disabledCommands: ['AUTH'] }),
      // Login over a plain connection only when the test asks for no TLS at all.
      allowInsecureAuth: !options.certificate,
      size: 10 * 1024 * 1024,
      onConnect(session, callback) {
        self().connected(session.id);
        callback();
      },
      onClose(session) {
        self().openConnections.delete(session.id);
      },
      onAuth(auth, _session, callback) {
        const login = { user: auth.username ?? '', password: auth.password ?? '' };
        self().logins.push(login);
        if (options.auth && login.user === options.auth.user && login.password === options.auth.password) {
          callback(null, { user: login.user });
        } else {
          callback(replyError({ code: 535, message: '5.7.8 Authentication credentials invalid' }));
        }
      },
      onRcptTo(address, _session, callback) {
        Promise.resolve(options.beforeRecipient?.(address.address)).then(
          () => {
            const refusal = self().refusalFor(address.address, options.refuseRecipient);
            callback(refusal ? replyError(refusal) : null);
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const mail = receivedMail(Buffer.concat(chunks), session);
          Promise.resolve(options.beforeAccepting?.(mail))
            .then(() => {
              self().accept(mail);
              callback(null, `2.0.0 Ok: queued as ${self().received.length}`);
            })
            .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
        });
      },
    };
    const server = new SMTPServer(serverOptions);
    const port = await new Promise<number>((resolve, reject) => {
      server.on('error', reject);
      const listening = server.listen(0, '127.0.0.1', () =>
        resolve((listening.address() as AddressInfo).port),
      );
    });
    double = new SmtpServerDouble(server, port);
    return double;
  }

  /** `smtp://` (or `smtps://`) URL of this server, with a login when given. */
  url(
    options: { readonly implicitTls?: boolean; readonly user?: string; readonly password?: string } = {},
  ): string {
    const login =
      options.user === undefined
        ? ''
        : `${encodeURIComponent(options.user)}:${encodeURIComponent(options.password ?? '')}@`;
    return `${options.implicitTls ? 'smtps' : 'smtp'}://${login}127.0.0.1:${this.port}`;
  }

  /** Connections opened so far, and the most that were open at one time. */
  get connections(): { readonly opened: number; readonly mostAtOnce: number } {
    return { opened: this.connectionIds.size, mostAtOnce: this.mostAtOnce };
  }

  /** The mails received to this address. */
  mailsTo(address: string): ReceivedMail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }

  /** Resolves once at least `count` mails have been accepted. */
  async waitForMails(count: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.received.length < count) {
      if (Date.now() > deadline)
        throw new Error(`waited in vain for ${count} mails; got ${this.received.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 100);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private connected(id: string): void {
    this.connectionIds.add(id);
    this.openConnections.add(id);
    this.mostAtOnce = Math.max(this.mostAtOnce, this.openConnections.size);
  }

  private refusalFor(address: string, refuse: SmtpServerDoubleOptions['refuseRecipient']): SmtpReply | null {
    const attempt = (this.rcptAttempts.get(address) ?? 0) + 1;
    this.rcptAttempts.set(address, attempt);
    const reply = refuse?.(address, attempt) ?? null;
    if (reply) this.refusals.push({ address, reply });
    return reply;
  }

  private accept(mail: ReceivedMail): void {
    this.received.push(mail);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

function receivedMail(raw: Buffer, session: SMTPServerSession): ReceivedMail {
  const envelope = session.envelope;
  const header = raw.toString('utf8', 0, Math.min(raw.length, 64 * 1024)).split(/\r?\n\r?\n/, 1)[0] ?? '';
  return {
    raw,
    from: envelope.mailFrom ? envelope.mailFrom.address : '',
    to: envelope.rcptTo.map((recipient) => recipient.address),
    messageId: /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(header)?.[1] ?? null,
    connection: session.id,
    secure: session.secure,
    user: session.user ?? null,
    parsed: () => simpleParser(raw),
  };
}

function replyError(reply: SmtpReply): Error {
  return Object.assign(new Error(reply.message), { responseCode: reply.code });
}
