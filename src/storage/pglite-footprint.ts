import { setFlagsFromString } from 'node:v8';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';

/**
 * PGlite is PostgreSQL compiled to WebAssembly. V8 compiles each function
 * first with its baseline compiler (Liftoff) and later recompiles the ones
 * that run often with its optimizing compiler (TurboFan). Among those is
 * PostgreSQL's SQL parser (`raw_parser`, one 105 KB function that holds the
 * whole grammar), which every statement runs through: TurboFan needs about
 * 600 MB and several seconds of CPU for it, so every start of the bot peaked
 * near 1 GB a few seconds after it was ready. So WebAssembly stays on the
 * baseline compiler. The price is CPU
 * in heavy work: the first 50,000-student import in a process takes about
 * as much as before (there is no compile to pay for), a second one about a
 * quarter more; what the bot asks of PostgreSQL otherwise is small. A
 * function that the baseline compiler cannot compile still goes to TurboFan:
 * unlike `--liftoff-only`, nothing fails.
 *
 * The flags are process-wide and V8 reads them when it compiles a function,
 * so this must run before PGlite's module is compiled; it only affects
 * WebAssembly (PGlite's, and Prisma's query compiler's), not JavaScript.
 */
export function compileWebAssemblyWithBaselineOnly(): void {
  setFlagsFromString('--no-wasm-dynamic-tiering');
  setFlagsFromString('--no-wasm-tier-up');
}

/**
 * PostgreSQL's buffer cache lives in PGlite's WebAssembly memory and is
 * resident from the start: the default 128 MB was a third of the bot's
 * settled memory. The bot's data is a few MB per exam period, and what does
 * not fit is read back from the data folder through the operating system's
 * file cache, so 32 MB is plenty (a 50,000-student import takes the same CPU
 * time with either).
 */
export const sharedBuffers = '32MB';

/** Options for every PGlite the bot opens: PGlite's own start parameters plus ours. */
export function pgliteOptions(): PGliteOptions {
  return { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] };
}
