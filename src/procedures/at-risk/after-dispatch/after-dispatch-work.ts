import type { ModuleEnvironment } from '../../../bot/module-environment.js';
import {
  PrismaAfterDispatchPosts,
  PrismaAfterDispatchReading,
} from '../../../storage/prisma-after-dispatch.js';
import { PrismaExclusions } from '../../../storage/prisma-exclusions.js';
import { PrismaJournalCases } from '../../../storage/prisma-journal-cases.js';
import { PrismaMailOutbox } from '../../../storage/prisma-mail-outbox.js';
import { journalAdapterFor } from '../journal/adapters/journal-adapter-for.js';
import { afterDispatchJob } from './after-dispatch-job.js';

/**
 * The after-dispatch job as the at-risk module makes it from its
 * environment: the journal from config `journal:` (and JOURNAL_TOKEN), the
 * surfaces the bot posts on, the outbox it reads (counts only; it sends
 * nothing), the sender as SMTP_FROM names it.
 */
export function afterDispatchWork(environment: ModuleEnvironment): ReturnType<typeof afterDispatchJob> {
  const { config, prisma, instanceId } = environment;
  const journal = config.journal
    ? {
        adapter: journalAdapterFor(config.journal, {
          JOURNAL_TOKEN: environment.journalToken ?? undefined,
        }),
        store: new PrismaJournalCases(prisma, instanceId),
      }
    : null;
  return afterDispatchJob(
    {
      config,
      storage: environment.identificationStorage,
      reading: new PrismaAfterDispatchReading(prisma),
      exclusions: new PrismaExclusions(prisma, environment.identificationStorage),
      outbox: environment.mail?.outbox ?? new PrismaMailOutbox(prisma, instanceId),
      journal,
      cipher: environment.cprCipher,
      mailFrom: environment.mail?.from ?? null,
      posts: new PrismaAfterDispatchPosts(prisma, instanceId),
      surfaces: environment.surfaces,
      now: environment.now,
      logger: environment.logger.child({ part: 'after-dispatch' }),
    },
    { requestRun: (job, params) => environment.requestRun(job, params) },
  );
}
