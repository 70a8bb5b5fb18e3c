import type { z } from 'zod';
import type { IssueSink } from './config-references.js';

/**
 * A procedure's section of the configuration file: the top-level keys it
 * owns with their schemas, the cross-references of those keys with the
 * institution's units, and what they take from the institution once parsed.
 * Declared in the procedure's folder, listed in procedure-config-sections.ts.
 */
export interface ConfigSection {
  readonly procedure: string;
  readonly keys: Readonly<Record<string, z.ZodType>>;
  /** Runs on the whole file's value even when entries are malformed, so one pass reports every problem. */
  checkReferences(config: unknown, ctx: IssueSink): void;
  /** Keys completed from the rest of the parsed configuration (e.g. a default time zone). */
  complete(config: never): Readonly<Record<string, unknown>>;
  /** Its keys with every folder they name made absolute, relative to the configuration file's folder. */
  resolvePaths(config: never, resolvePath: (path: string) => string): Readonly<Record<string, unknown>>;
  /**
   * Its part of `trafiklys config check`: lines as a person reads them
   * (`aligned` lays out label/value rows at an indent).
   */
  describe?(
    config: never,
    aligned: (rows: readonly (readonly [string, string | readonly string[]])[], indent: number) => string[],
  ): string[];
  /**
   * The people its keys name, by e-mail (a procedure's report owners): like
   * the boards' people and the managers, the console knows them, so they can
   * be picked there and reached there.
   */
  people?(config: never): readonly string[];
}
