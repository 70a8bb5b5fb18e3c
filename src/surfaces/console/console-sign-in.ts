import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InstitutionConfig } from '../../config/institution-config.js';
import { type RouteHandler, sendJson } from '../../http/http-server.js';
import { translatorForLocale } from '../../i18n/translator.js';
import type { ConsoleAccess } from './console-access.js';
import { readConsoleToken, signConsoleToken } from './console-token.js';
import { type ConsoleGate, consoleSessionCookie } from './console-viewer.js';
import { escapeHtml } from './html/index.js';

export const consoleSignInPath = '/console/sign-in';
export const consoleSignOutPath = '/console/sign-out';

/** The address `npx trafiklys console link` prints: opening it signs the person in until `expiresAt`. */
export function consoleSignInLink(options: {
  readonly baseUrl: string;
  readonly secret: string;
  readonly email: string;
  readonly expiresAt: Date;
}): string {
  const token = signConsoleToken(options.secret, 'sign-in link', {
    email: options.email,
    expiresAt: options.expiresAt,
  });
  return `${options.baseUrl}${consoleSignInPath}?token=${encodeURIComponent(token)}`;
}

/**
 * Protected mode's sign-in and sign-out. A good link is exchanged for a
 * session cookie that ends when the link would have (the person who made the
 * link chose how long); the cookie is HttpOnly (the page's script never sees
 * it) and SameSite=Strict (another site's request never carries it).
 */
export function consoleSignInRoutes(options: {
  readonly access: Extract<ConsoleAccess, { mode: 'protected' }>;
  readonly gate: ConsoleGate;
  readonly config: InstitutionConfig;
  readonly now: () => Date;
}): Map<string, RouteHandler> {
  const { access, gate, config, now } = options;
  const secure = access.publicUrl?.startsWith('https:') ?? false;
  const cookie = (value: string, maxAgeSeconds: number) =>
    [
      `${consoleSessionCookie}=${value}`,
      'Path=/console',
      'HttpOnly',
      'SameSite=Strict',
      `Max-Age=${maxAgeSeconds}`,
      ...(secure ? ['Secure'] : []),
    ].join('; ');

  const routes = new Map<string, RouteHandler>();
  routes.set(consoleSignInPath, (request, response) => {
    if (request.method !== 'GET') return sendJson(response, 405, { error: 'only GET is allowed here' });
    const token = new URL(request.url ?? '/', 'http://localhost').searchParams.get('token') ?? '';
    const identity = readConsoleToken(access.secret, 'sign-in link', token, now());
    const person = identity ? gate.personNamed(identity.email) : null;
    if (!identity || !person) return refusedSignIn(request, response, config);
    const session = signConsoleToken(access.secret, 'session', {
      email: person.email,
      expiresAt: identity.expiresAt,
    });
    const seconds = Math.max(1, Math.floor((identity.expiresAt.getTime() - now().getTime()) / 1000));
    response.writeHead(302, {
      location: '/console',
      'set-cookie': cookie(session, seconds),
      'cache-control': 'no-store',
      // The token is in this address: no page it leads to may pass it on.
      'referrer-policy': 'no-referrer',
    });
    response.end();
  });
  routes.set(consoleSignOutPath, (request, response) => {
    const refusal = gate.refusalOf(request, 'POST');
    if (refusal) return sendJson(response, refusal.status, { code: refusal.code, error: refusal.error });
    response.setHeader('set-cookie', cookie('', 0));
    sendJson(response, 200, { kind: 'signed_out' });
  });
  return routes;
}

/** A forged, expired or outdated link: a page that says so and how to get a new one, in the reader's language. */
function refusedSignIn(request: IncomingMessage, response: ServerResponse, config: InstitutionConfig): void {
  const preferred = request.headers['accept-language']?.split(',')[0]?.split(';')[0] ?? null;
  const { language, t } = translatorForLocale(preferred, config.institution.language);
  const texts = t.surfaces.console;
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${escapeHtml(texts.page.title)}</title></head>
<body>
<p>${escapeHtml(texts.signInRefused)}</p>
<p>${escapeHtml(texts.page.signInNeeded)} <code>${escapeHtml(texts.page.signInCommand)}</code></p>
</body>
</html>
`;
  response.writeHead(401, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'none'",
  });
  response.end(html);
}
