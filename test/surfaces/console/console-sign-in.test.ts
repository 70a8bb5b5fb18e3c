import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/storage/database.js';
import { consoleSignInLink } from '../../../src/surfaces/console/console-sign-in.js';
import { signConsoleToken } from '../../../src/surfaces/console/console-token.js';
import { consoleClient } from '../../support/console-client.js';
import { textMessage } from '../../support/recording-bot-requests.js';
import { openTestDatabase, testDatabaseEngine } from '../../support/test-database.js';
import { type ConsoleUnderTest, startConsole } from './console-harness.js';

// Protected mode: TRAFIKLYS_CONSOLE_SECRET is set, and the console believes
// only a signed sign-in link (then the session cookie it was exchanged for).
const secret = 'a-console-secret-of-the-test-that-is-long-enough';
const now = new Date('2026-04-06T06:00:00Z');
const inHours = (hours: number) => new Date(now.getTime() + hours * 60 * 60 * 1000);
const chair = 'chair.hist@demo.example';

let database: Database;
let console_: ConsoleUnderTest;

beforeAll(async () => {
  database = await openTestDatabase();
  console_ = await startConsole({
    database,
    access: { mode: 'protected', secret, publicUrl: null },
    now: () => now,
  });
  await console_.surface.store('@hod.cs@demo.example', 'Trafiklys', textMessage('Copy for your information'));
});
afterAll(async () => {
  await console_?.close();
  await database?.close();
});

const linkFor = (email: string, options: { secret?: string; expiresAt?: Date } = {}) =>
  consoleSignInLink({
    baseUrl: console_.url,
    secret: options.secret ?? secret,
    email,
    expiresAt: options.expiresAt ?? inHours(12),
  });
/** Opens a sign-in link as a browser would, without following the redirect. */
const open = (link: string) => fetch(link, { redirect: 'manual' });
/** The session cookie a good link sets, as the browser sends it back. */
async function signIn(email: string): Promise<string> {
  const response = await open(linkFor(email));
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

describe(`the protected console (${testDatabaseEngine()})`, () => {
  it('without a session, every API route answers 401 and says how to get a link; the bot hears nothing', async () => {
    const anonymous = consoleClient(console_.url, { cookie: '' });

    const state = await anonymous.get('/console/api/state');
    const messages = await anonymous.get('/console/api/messages', { channel: '@hod.cs@demo.example' });
    const command = await anonymous.post('/console/api/command', { channel: 'sn-hist', text: 'remind now' });

    expect([state.status, messages.status, command.status]).toEqual([401, 401, 401]);
    expect(await state.json()).toMatchObject({
      code: 'sign_in_required',
      labels: { signInCommand: 'npx trafiklys console link DIN-E-MAIL' },
    });
    expect(await messages.text()).not.toContain('Copy for your information');
    expect(console_.bot.requests).toEqual([]);
  });

  it('a good link sets an HttpOnly, SameSite=Strict session cookie, leads to /console, and the viewer sees only what is theirs', async () => {
    const response = await open(linkFor(chair));

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/console');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(
      /^trafiklys_console=[^;]+; Path=\/console; HttpOnly; SameSite=Strict; Max-Age=43200$/,
    );

    const signedIn = consoleClient(console_.url, { cookie: cookie.split(';')[0] ?? '' });
    const state = (await (await signedIn.get('/console/api/state')).json()) as Record<string, unknown>;
    expect(state).toMatchObject({
      access: 'protected',
      people: [],
      viewer: { email: chair },
      channels: [{ id: 'sn-hist' }],
      direct: { id: `@${chair}` },
    });
    expect((await signedIn.get('/console/api/messages', { channel: '@hod.cs@demo.example' })).status).toBe(
      403,
    );
    expect((await signedIn.get('/console/api/messages', { channel: 'sn-dat' })).status).toBe(403);
    expect(await signedIn.messagesIn('sn-hist')).toEqual([]);
  });

  it('a link signed with another secret, changed by hand, or expired is refused, and no cookie is set', async () => {
    const good = linkFor(chair);
    const otherSecret = linkFor(chair, { secret: 'another-secret-that-is-also-long-enough-1234' });
    // Someone else's address with the expiry and signature of the chair's link.
    const [, expiry, signature] = (new URL(good).searchParams.get('token') ?? '').split('.');
    const someoneElse = Buffer.from('hod.cs@demo.example').toString('base64url');
    const changed = `${console_.url}/console/sign-in?token=${someoneElse}.${expiry}.${signature}`;
    const expired = linkFor(chair, { expiresAt: inHours(-1) });

    for (const link of [otherSecret, changed, expired, `${console_.url}/console/sign-in?token=nonsense`]) {
      const response = await open(link);
      expect(response.status, link).toBe(401);
      expect(response.headers.get('set-cookie'), link).toBeNull();
      expect(await response.text()).toContain('login-link er ikke gyldigt');
    }
    expect((await open(good)).status).toBe(302);
  });

  it('a refused link is explained in the language the browser asks for first: Bokmål for nb, no or nn', async () => {
    const expired = linkFor(chair, { expiresAt: inHours(-1) });

    for (const language of ['nb-NO,nb;q=0.9,en;q=0.8', 'no', 'nn-NO,nn;q=0.9']) {
      const response = await fetch(expired, { redirect: 'manual', headers: { 'accept-language': language } });
      const page = await response.text();
      expect(response.status, language).toBe(401);
      expect(page, language).toContain('<html lang="nb">');
      expect(page, language).toContain('Denne innloggingslenken er ikke gyldig');
      expect(page, language).toContain('npx trafiklys console link DIN-E-POST');
    }
  });

  it('a session cookie is no sign-in link, and a sign-in link is no session', async () => {
    const session = signConsoleToken(secret, 'session', { email: chair, expiresAt: inHours(1) });
    const link = signConsoleToken(secret, 'sign-in link', { email: chair, expiresAt: inHours(1) });

    expect((await open(`${console_.url}/console/sign-in?token=${session}`)).status).toBe(401);
    const withLinkAsCookie = consoleClient(console_.url, { cookie: `trafiklys_console=${link}` });
    expect((await withLinkAsCookie.get('/console/api/state')).status).toBe(401);
  });

  it('an expired session is signed out', async () => {
    const ended = signConsoleToken(secret, 'session', { email: chair, expiresAt: inHours(-0.5) });
    const stale = consoleClient(console_.url, { cookie: `trafiklys_console=${ended}` });
    expect((await stale.get('/console/api/state')).status).toBe(401);
  });

  it('a link for someone the configuration no longer names is refused', async () => {
    expect((await open(linkFor('former.chair@demo.example'))).status).toBe(401);
  });

  it('`as` is refused, even next to a good session: the viewer is who the link said', async () => {
    const cookie = await signIn(chair);
    const headers = { origin: console_.url, cookie };

    const state = await fetch(`${console_.url}/console/api/state?as=hod.cs@demo.example`, { headers });
    const messages = await fetch(
      `${console_.url}/console/api/messages?${new URLSearchParams({ as: 'hod.cs@demo.example', channel: '@hod.cs@demo.example' })}`,
      { headers },
    );
    const command = await fetch(`${console_.url}/console/api/command`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ as: 'hod.cs@demo.example', channel: 'sn-dat', text: 'remind now' }),
    });

    expect([state.status, messages.status, command.status]).toEqual([400, 400, 400]);
    expect(await state.json()).toMatchObject({ code: 'as_refused' });
    expect(await messages.text()).not.toContain('Copy for your information');
    expect(console_.bot.requests).toEqual([]);
  });

  it('a signed-in POST from another origin is refused (CSRF); from the console’s own it reaches the bot', async () => {
    const cookie = await signIn(chair);
    const post = (origin: string) =>
      fetch(`${console_.url}/console/api/command`, {
        method: 'POST',
        headers: { origin, cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'sn-hist', text: 'remind now' }),
      });

    const forged = await post('https://evil.example');
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ code: 'origin_refused' });
    expect(console_.bot.requests).toEqual([]);

    expect((await post(console_.url)).status).toBe(200);
    expect(console_.bot.requests).toMatchObject([{ kind: 'command', actor: { email: chair } }]);
  });

  it('behind a proxy at an https PUBLIC_URL the cookie is also Secure, and a POST from that address is the console’s own', async () => {
    const behindProxy = await startConsole({
      database,
      access: { mode: 'protected', secret, publicUrl: 'https://trafiklys.example.dk' },
      now: () => now,
    });
    try {
      const response = await open(
        consoleSignInLink({ baseUrl: behindProxy.url, secret, email: chair, expiresAt: inHours(1) }),
      );
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/; Secure$/);
      const post = await fetch(`${behindProxy.url}/console/api/command`, {
        method: 'POST',
        headers: {
          origin: 'https://trafiklys.example.dk',
          cookie: cookie.split(';')[0] ?? '',
          'content-type': 'application/json',
        },
        body: JSON.stringify({ channel: 'sn-hist', text: 'help' }),
      });
      expect(post.status).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });

  it('signing out clears the cookie', async () => {
    const cookie = await signIn(chair);
    const response = await fetch(`${console_.url}/console/sign-out`, {
      method: 'POST',
      headers: { origin: console_.url, cookie },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/^trafiklys_console=; Path=\/console; .*Max-Age=0/);
  });
});
