import type { InstitutionConfig } from '../../config/institution-config.js';
import type { Logger } from '../../logging/logger.js';
import type { ChatSurface } from '../../surfaces/chat-surface.js';
import type { DeviationsConfig } from './deviation-config.js';
import type { DeviationStore } from './storage/deviation-store.js';
import type { UnitDirectory } from './unit-directory.js';

/** What the deviations procedure's use-cases and chat side work with. */
export interface DeviationDependencies {
  readonly config: InstitutionConfig;
  readonly section: DeviationsConfig;
  readonly store: DeviationStore;
  /** The units reports can be about, read fresh (the course catalogue can be imported while the bot runs). */
  units(): Promise<UnitDirectory>;
  /** Every surface that is on, read when a message goes out. */
  readonly surfaces: readonly ChatSurface[];
  readonly now: () => Date;
  readonly logger: Logger;
}
