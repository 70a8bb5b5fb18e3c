import { createHash } from 'node:crypto';
import { setTimeout as sleepFor } from 'node:timers/promises';
import { maskCprShapes } from '../../../../security/cpr-shape.js';
import { caseDescription } from '../case-description.js';
import { type JournalAdapter, type JournalCase, JournalFilingError } from '../journal-case.js';

export interface HttpJournalOptions {
  /** Where each case is POSTed as JSON. */
  readonly url: string;
  /** A bearer token, from the environment (JOURNAL_TOKEN) only; null sends none. */
  readonly token: string | null;
  /** How long one request may take before it counts as unanswered. */
  readonly timeoutMs: number;
  /** Tries per case, the first included, before the case fails as unreachable. */
  readonly attempts: number;
  /** The wait before try `n + 1` (n from 1); default 1 s, 2 s, 4 s… at most a minute. */
  readonly backoffMs?: (attempt: number) => number;
}

/** A server's Retry-After is honoured up to this; a longer wait is the next run's. */
const longestRetryAfterMs = 120_000;
/** Enough of a refusal's body to say why, not a page of HTML. */
const reasonLength = 300;

/**
 * The HTTP export of the journal: each case POSTed as one JSON document to a
 * records system's endpoint (or an integration in front of WorkZone).
 *
 * Body: the case's title and metadata (as case.json), and each document with
 * its content, a mail base64 (`"encoding": "base64"`), a list as text
 * (`"encoding": "utf-8"`). Every request for the same case carries the same
 * `Idempotency-Key` (sha256 of the cycle id and the case key) and the same
 * body, so a retry, or a run repeated after a crash, files it once on a
 * server that honours the key. 5xx, 429 and network failures are tried
 * again with back-off (Retry-After honoured); any other 4xx fails the case
 * with the server's reason. Redirects are refused: a case holds a CPR
 * number in its title and goes to the configured address or nowhere.
 */
export function httpJournal(options: HttpJournalOptions): JournalAdapter {
  const backoffMs = options.backoffMs ?? ((attempt: number) => Math.min(60_000, 1000 * 2 ** (attempt - 1)));
  return {
    kind: 'http',
    async file(journalCase) {
      const body = JSON.stringify(caseBody(journalCase));
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'idempotency-key': idempotencyKey(journalCase),
      };
      if (options.token !== null) headers.authorization = `Bearer ${options.token}`;
      let lastProblem = '';
      for (let attempt = 1; attempt <= options.attempts; attempt++) {
        const outcome = await post(options, headers, body);
        if (outcome.kind === 'filed') return;
        if (outcome.kind === 'refused') {
          throw new JournalFilingError(
            'refused',
            `the records system refused the case ${journalCase.caseKey}: ${outcome.reason}`,
          );
        }
        lastProblem = outcome.reason;
        if (attempt < options.attempts) {
          await sleepFor(
            Math.max(backoffMs(attempt), Math.min(outcome.retryAfterMs ?? 0, longestRetryAfterMs)),
          );
        }
      }
      throw new JournalFilingError(
        'unreachable',
        `the records system did not take the case ${journalCase.caseKey} after ${options.attempts} tries: ${lastProblem}`,
      );
    },
  };
}

/** sha256 of the cycle id and the case key: the same for every request of the case, and for no other case. */
export function idempotencyKey(journalCase: JournalCase): string {
  return createHash('sha256').update(`${journalCase.metadata.cycleId}\n${journalCase.caseKey}`).digest('hex');
}

function caseBody(journalCase: JournalCase): Record<string, unknown> {
  const described = caseDescription(journalCase);
  return {
    ...described,
    documents: journalCase.documents.map((document, index) => ({
      ...(described.documents as Record<string, unknown>[])[index],
      ...(document.mediaType === 'message/rfc822'
        ? { encoding: 'base64', content: Buffer.from(document.content).toString('base64') }
        : // TextDecoder drops the byte order mark, which is for spreadsheets, not JSON.
          { encoding: 'utf-8', content: new TextDecoder().decode(document.content) }),
    })),
  };
}

type PostOutcome =
  | { readonly kind: 'filed' }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'retry'; readonly reason: string; readonly retryAfterMs: number | null };

async function post(
  options: HttpJournalOptions,
  headers: Record<string, string>,
  body: string,
): Promise<PostOutcome> {
  let response: Response;
  try {
    response = await fetch(options.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (error) {
    return { kind: 'retry', reason: networkReason(error, options.timeoutMs), retryAfterMs: null };
  }
  if (response.ok) {
    await response.body?.cancel();
    return { kind: 'filed' };
  }
  const reason = `HTTP ${response.status}${await bodyReason(response)}`;
  if (response.status === 429 || response.status >= 500) {
    return { kind: 'retry', reason, retryAfterMs: retryAfterMs(response.headers.get('retry-after')) };
  }
  if (response.status >= 300 && response.status < 400) {
    return { kind: 'refused', reason: `${reason}: a redirect; configure the address it points to` };
  }
  return { kind: 'refused', reason };
}

/** The first words of the server's answer, masked: a server may quote the title it refused. */
async function bodyReason(response: Response): Promise<string> {
  let text: string;
  try {
    text = (await response.text()).replace(/\s+/g, ' ').trim();
  } catch {
    return '';
  }
  if (text === '') return '';
  const short = text.length > reasonLength ? `${text.slice(0, reasonLength)}…` : text;
  return `: ${maskCprShapes(short)}`;
}

function networkReason(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = cause instanceof Error && 'code' in cause ? ` ${String(cause.code)}` : '';
  return `the connection failed${code}`;
}

/** Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
function retryAfterMs(value: string | null): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}
