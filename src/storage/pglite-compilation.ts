import { setFlagsFromString } from 'node:v8';

/**
 * PGlite is PostgreSQL compiled to WebAssembly. V8 compiles each function
 * first with its baseline compiler (Liftoff) and later recompiles the ones
 * that run often with its optimizing compiler (TurboFan). Among those is
 * PostgreSQL's SQL parser (`raw_parser`, one 105 KB function that holds the
 * whole grammar), which every statement runs through: TurboFan needs about
 * 600 MB and several seconds of CPU for it, so every start of the bot peaked
 * near 1 GB a few seconds after it was ready, and a first start (initdb
 * parses the catalogue's SQL) at 1.2 GB. What the bot asks of PostgreSQL is
 * small, and the baseline code does it with no more CPU than the optimized
 * code plus its compilation (bench/pglite-memory.ts), so WebAssembly stays on
 * the baseline compiler. A function that the baseline compiler cannot
 * compile still goes to TurboFan: unlike `--liftoff-only`, nothing fails.
 *
 * The flags are process-wide and V8 reads them when it compiles a function,
 * so this must run before PGlite's module is compiled; it only affects
 * WebAssembly (PGlite's, and Prisma's query compiler's), not JavaScript.
 */
export function compileWebAssemblyWithBaselineOnly(): void {
  setFlagsFromString('--no-wasm-dynamic-tiering');
  setFlagsFromString('--no-wasm-tier-up');
}
