import { createHash } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { SentMail } from './journal-input.js';

/**
 * A sent mail as the RFC 822 message (.eml) the student got: the same
 * sender, recipient, subject, text and HTML parts, Message-ID and date.
 * Built the same way every time (the multipart boundary is derived from the
 * Message-ID, not drawn at random), so a case filed again carries the very
 * same bytes and the records system's idempotency check sees one request.
 */
export async function mailDocument(mail: SentMail): Promise<Uint8Array> {
  const composer = new MailComposer({
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    date: mail.sentAt,
    baseBoundary: createHash('sha256').update(mail.messageId).digest('hex').slice(0, 16),
  });
  const message = await composer.compile().build();
  return new Uint8Array(message);
}
