import type { IncomingMessage } from 'node:http';
import { boardOfChannel, mayFollowBoard } from '../../bot/permissions.js';
import type { InstitutionConfig, StudyBoard } from '../../config/institution-config.js';
import { type ConsoleAccess, isLoopbackHost } from './console-access.js';
import { directChannel } from './console-surface.js';
import { readConsoleToken } from './console-token.js';

/** The person looking at the console, by their address as the configuration spells it. */
export interface ConsoleViewer {
  readonly email: string;
}

/** Why the console API refused a request: a stable code for the page, and words for a developer. */
export interface ConsoleRefusal {
  readonly status: 400 | 401 | 403 | 405;
  readonly code:
    | 'method_not_allowed'
    | 'host_not_loopback'
    | 'origin_refused'
    | 'as_refused'
    | 'as_missing'
    | 'sign_in_required'
    | 'unknown_person'
    | 'not_yours';
  readonly error: string;
}

export type ViewerOutcome =
  | { readonly kind: 'viewer'; readonly viewer: ConsoleViewer }
  | { readonly kind: 'refused'; readonly refusal: ConsoleRefusal };

export const consoleSessionCookie = 'trafiklys_console';

/**
 * Who is asking and what they may see, for every console request in either
 * mode. A viewer sees their own direct chat and the channels of the study
 * boards they follow: its chair, secretary and delegates, and the managers
 * whose scope covers it (the bot's own rule, `mayFollowBoard`).
 */
export class ConsoleGate {
  constructor(
    private readonly access: ConsoleAccess,
    private readonly config: InstitutionConfig,
    private readonly people: () => ReadonlySet<string>,
    private readonly now: () => Date,
  ) {}

  get mode(): ConsoleAccess['mode'] {
    return this.access.mode;
  }

  /**
   * What every request must pass before its route reads it. Local mode answers
   * only to a loopback Host (a web page whose name an attacker points at
   * 127.0.0.1 could otherwise read the console). A POST changes something, so
   * it must come from the console's own page: its Origin is the console's
   * (another site's form or script cannot set that header).
   */
  refusalOf(request: IncomingMessage, method: 'GET' | 'POST'): ConsoleRefusal | null {
    if (request.method !== method)
      return { status: 405, code: 'method_not_allowed', error: `only ${method} is allowed here` };
    const host = request.headers.host ?? '';
    if (this.access.mode === 'local' && !isLoopbackName(host)) {
      return {
        status: 403,
        code: 'host_not_loopback',
        error: 'the console without TRAFIKLYS_CONSOLE_SECRET answers only at localhost or a loopback address',
      };
    }
    if (method === 'POST' && !this.isOwnOrigin(request.headers.origin, host)) {
      return {
        status: 403,
        code: 'origin_refused',
        error: 'this request did not come from the console page',
      };
    }
    return null;
  }

  /** Local mode: the person `as` names. Protected mode: the person the session cookie names, and `as` is refused. */
  viewerOf(request: IncomingMessage, claimed: string | null | undefined): ViewerOutcome {
    if (this.access.mode === 'local') {
      if (!claimed)
        return refused({
          status: 400,
          code: 'as_missing',
          error: 'as: required (the address of who you are)',
        });
      return this.configuredPerson(claimed);
    }
    if (claimed !== null && claimed !== undefined) {
      return refused({
        status: 400,
        code: 'as_refused',
        error: 'as: not accepted here; you are the person your sign-in link named',
      });
    }
    const token = cookieValue(request.headers.cookie, consoleSessionCookie);
    const identity = token ? readConsoleToken(this.access.secret, 'session', token, this.now()) : null;
    if (!identity) {
      return refused({
        status: 401,
        code: 'sign_in_required',
        error: 'sign in with a link from: npx trafiklys console link EMAIL',
      });
    }
    return this.configuredPerson(identity.email);
  }

  /** The viewer's own direct chat, or the channel of a board they follow; nothing else. */
  mayView(viewer: ConsoleViewer, channel: string): boolean {
    if (channel.startsWith('@')) return channel.toLowerCase() === directChannel(viewer.email).toLowerCase();
    const board = boardOfChannel(this.config, 'console', channel);
    return board !== null && mayFollowBoard(viewer.email, board, this.config);
  }

  visibleBoards(viewer: ConsoleViewer): StudyBoard[] {
    return this.config.boards.filter((board) => mayFollowBoard(viewer.email, board, this.config));
  }

  /** The person as the configuration spells their address; null for anyone it does not name. */
  personNamed(email: string): ConsoleViewer | null {
    const address = email.toLowerCase();
    const person = [...this.people()].find((candidate) => candidate.toLowerCase() === address);
    return person ? { email: person } : null;
  }

  private configuredPerson(email: string): ViewerOutcome {
    const viewer = this.personNamed(email);
    if (!viewer)
      return refused({ status: 403, code: 'unknown_person', error: 'not a person of the configuration' });
    return { kind: 'viewer', viewer };
  }

  private isOwnOrigin(origin: string | undefined, host: string): boolean {
    if (!origin || origin === 'null') return false;
    try {
      const url = new URL(origin);
      if (url.host === host) return true;
      return this.access.mode === 'protected' && this.access.publicUrl !== null
        ? url.origin === new URL(this.access.publicUrl).origin
        : false;
    } catch {
      return false;
    }
  }
}

export const notYours: ConsoleRefusal = {
  status: 403,
  code: 'not_yours',
  error: 'this conversation is not yours to see: only your own direct chat and your study boards’ channels',
};

function refused(refusal: ConsoleRefusal): ViewerOutcome {
  return { kind: 'refused', refusal };
}

/** A Host header's name (without the port) is a loopback one. */
function isLoopbackName(host: string): boolean {
  try {
    return isLoopbackHost(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | null {
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === name) return pair.slice(separator + 1).trim();
  }
  return null;
}
