import { z } from 'zod';

/**
 * The configuration's `journal:` key: where the cycle's cases go (procedure
 * step 6). Left out, nothing is journalised. The token of an HTTP records
 * system is a secret and comes from the environment (JOURNAL_TOKEN), never
 * from this file.
 *
 *   journal: { kind: folder, folder: ./journal }      relative to the config file
 *   journal: { kind: http, url: https://records.example.dk/cases }
 */
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

const recordsSystemUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL, like https://records.example.dk/cases' })
  .superRefine((text, ctx) => {
    const url = new URL(text);
    if (url.username !== '' || url.password !== '') {
      ctx.addIssue({
        code: 'custom',
        message:
          'must not hold a user name or password: put the token in the environment variable JOURNAL_TOKEN',
      });
    }
    // Case titles hold CPR numbers: they cross the network encrypted or not at all.
    if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname) && !url.hostname.startsWith('127.')) {
      ctx.addIssue({
        code: 'custom',
        message:
          'must be https:// (the cases hold CPR numbers); plain http:// only to this machine (localhost)',
      });
    }
  });

const wholeNumber = z.number().refine(Number.isInteger, 'must be a whole number');

/** The keys of each kind: a key of the other kind is a mistake worth naming as such. */
const keysOfKind = { folder: ['folder'], http: ['url', 'timeoutSeconds', 'attempts'] } as const;
const defaultTimeoutSeconds = 30;
const defaultAttempts = 6;

// One object for both kinds rather than a discriminated union, so a misplaced
// key is told which kind it belongs to, and the keys allowed are all listed.
export const journalConfigSchema = z
  .strictObject({
    kind: z.enum(['folder', 'http'], {
      error: () => 'must be folder (a directory per case) or http (POST each case to a URL)',
    }),
    /** kind folder: relative to the config file's folder; `parseConfigText` makes it absolute. */
    folder: z.string().trim().min(1).optional(),
    /** kind http: where each case is POSTed. */
    url: recordsSystemUrl.optional(),
    /** kind http: how long one request may take. */
    timeoutSeconds: z.number().min(1).max(600).optional(),
    /** kind http: tries per case before it counts as failed (the first included). */
    attempts: wholeNumber.min(1).max(20).optional(),
  })
  .superRefine((journal, ctx) => {
    const required = journal.kind === 'folder' ? 'folder' : 'url';
    if (journal[required] === undefined)
      ctx.addIssue({ code: 'custom', path: [required], message: 'required' });
    const otherKind = journal.kind === 'folder' ? 'http' : 'folder';
    for (const key of keysOfKind[otherKind]) {
      if (journal[key] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `belongs to kind: ${otherKind}, not kind: ${journal.kind}`,
        });
      }
    }
  })
  .transform((journal) =>
    journal.kind === 'folder'
      ? { kind: 'folder' as const, folder: journal.folder ?? '' }
      : {
          kind: 'http' as const,
          url: journal.url ?? '',
          timeoutSeconds: journal.timeoutSeconds ?? defaultTimeoutSeconds,
          attempts: journal.attempts ?? defaultAttempts,
        },
  );

export type JournalConfig = z.output<typeof journalConfigSchema>;
