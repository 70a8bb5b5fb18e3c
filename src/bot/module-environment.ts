import type { ConfigSection } from '../config/config-section.js';
import type { InstitutionConfig } from '../config/institution-config.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Logger } from '../logging/logger.js';
import type { OutboxSending } from '../mail/outbox-sending.js';
import type { Metrics } from '../observability/metrics.js';
import type { Job } from '../scheduling/scheduled-job.js';
import type { RunOutcome } from '../scheduling/scheduler.js';
import type { CprCipher } from '../security/cpr-cipher.js';
import type { PrismaIdentificationStorage } from '../storage/prisma-identification-storage.js';
import type { ChatSurface } from '../surfaces/chat-surface.js';
import type { ProcedureModule } from './procedure-module.js';

/**
 * What src/app hands every procedure module when it creates it: storage,
 * the surfaces to post on, the scheduler, the clock. A module builds its
 * jobs, commands and handlers from these and nothing else.
 */
export interface ModuleEnvironment {
  readonly config: InstitutionConfig;
  readonly prisma: PrismaClient;
  readonly identificationStorage: PrismaIdentificationStorage;
  readonly cprCipher: CprCipher | null;
  /** Every surface that is on; filled as the platforms start, read when a job runs. */
  readonly surfaces: readonly ChatSurface[];
  /** This instance's lease id: every claim it makes names it. */
  readonly instanceId: string;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly now: () => Date;
  /** The mail outbox and its SMTP sender; null when SMTP_URL is not set (no mail can be sent). */
  readonly mail: OutboxSending | null;
  /** Bearer token of the journal's HTTP records system (JOURNAL_TOKEN); never in the config file. */
  readonly journalToken?: string | null;
  /** Runs one of the module's jobs now, as a recorded run another instance finishes if this one dies. */
  requestRun<Params, Value>(job: Job<Params, Value>, params: Params): Promise<RunOutcome<Value>>;
}

/** A procedure as src/app lists it: a name, its configuration section, and how to build it. */
export interface ProcedureModuleFactory {
  readonly name: string;
  /**
   * Its keys in the configuration file, if it has any. The configuration is
   * read before modules are made, so src/config/procedure-config-sections.ts
   * lists the same objects (a test holds the two together).
   */
  readonly configSection?: ConfigSection;
  create(environment: ModuleEnvironment): Promise<ProcedureModule> | ProcedureModule;
}
