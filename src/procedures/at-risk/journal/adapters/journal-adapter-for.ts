import type { JournalAdapter } from '../journal-case.js';
import type { JournalConfig } from '../journal-config.js';
import { folderJournal } from './folder-journal.js';
import { httpJournal } from './http-journal.js';

/** The adapter the configuration's `journal:` names; the HTTP token comes from the environment only. */
export function journalAdapterFor(
  config: JournalConfig,
  environment: { readonly JOURNAL_TOKEN?: string | undefined },
): JournalAdapter {
  switch (config.kind) {
    case 'folder':
      return folderJournal({ folder: config.folder });
    case 'http':
      return httpJournal({
        url: config.url,
        token: environment.JOURNAL_TOKEN ?? null,
        timeoutMs: config.timeoutSeconds * 1000,
        attempts: config.attempts,
      });
  }
}
