import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The console's signed identities: a sign-in link's token and the session
 * cookie it is exchanged for. Both are `<e-mail>.<expiry>.<signature>`, the
 * e-mail in base64url, the expiry in Unix seconds, the signature an
 * HMAC-SHA256 with TRAFIKLYS_CONSOLE_SECRET over what the token is for, the
 * e-mail and the expiry. "What it is for" keeps a cookie from being used as a
 * link and the other way round. Nothing is stored: a token is valid until it
 * expires, and changing the secret ends them all.
 */
export type ConsoleTokenPurpose = 'sign-in link' | 'session';

export interface ConsoleIdentity {
  readonly email: string;
  readonly expiresAt: Date;
}

const tokenShape = /^([A-Za-z0-9_-]{1,512})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;
const emailSchema = z.email();

export function signConsoleToken(
  secret: string,
  purpose: ConsoleTokenPurpose,
  identity: ConsoleIdentity,
): string {
  const email = Buffer.from(identity.email, 'utf8').toString('base64url');
  const expires = String(Math.floor(identity.expiresAt.getTime() / 1000));
  return `${email}.${expires}.${signature(secret, purpose, email, expires).toString('base64url')}`;
}

/** The identity a token names, or null when it is malformed, signed with another secret or purpose, or expired. */
export function readConsoleToken(
  secret: string,
  purpose: ConsoleTokenPurpose,
  token: string,
  now: Date,
): ConsoleIdentity | null {
  const match = tokenShape.exec(token);
  if (!match) return null;
  const [, email = '', expires = '', given = ''] = match;
  const expected = signature(secret, purpose, email, expires);
  const presented = Buffer.from(given, 'base64url');
  // Constant time: how much of a forged signature matches must not show in how long the check takes.
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return null;
  const address = emailSchema.safeParse(Buffer.from(email, 'base64url').toString('utf8'));
  return address.success ? { email: address.data, expiresAt } : null;
}

function signature(secret: string, purpose: ConsoleTokenPurpose, email: string, expires: string): Buffer {
  return createHmac('sha256', secret).update(`trafiklys console ${purpose}\n${email}\n${expires}`).digest();
}
