import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

// `npm ci` installs exactly what package-lock.json lists. A package with
// native builds per platform (Biome, @napi-rs/canvas, Rolldown…) names them
// as optional dependencies; the lock must list every one, or a clean clone on
// another platform (a macOS or Windows developer, an ARM server) fails.
const lockSchema = z.object({
  lockfileVersion: z.number(),
  packages: z.record(
    z.string(),
    z.object({ optionalDependencies: z.record(z.string(), z.string()).optional() }).loose(),
  ),
});
const lock = lockSchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package-lock.json'), 'utf8')),
);

/** Where Node would find `dependency` for the package at `from`: its own node_modules, then each parent's. */
function resolves(from: string, dependency: string): boolean {
  let base = from;
  for (;;) {
    if (lock.packages[`${base ? `${base}/` : ''}node_modules/${dependency}`]) return true;
    if (base === '') return false;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent < 0 ? '' : base.slice(0, parent);
  }
}

describe('package-lock.json', () => {
  it('lists every optional platform package of every dependency, so npm ci works on any platform', () => {
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((dependency) => !resolves(path, dependency))
        .map((dependency) => `${path || 'the project'} → ${dependency}`),
    );
    expect(missing).toEqual([]);
  });

  it('has entries for the platforms our developers and servers use, for each native package', () => {
    for (const name of [
      '@biomejs/cli-darwin-arm64',
      '@biomejs/cli-win32-x64',
      '@napi-rs/canvas-darwin-arm64',
      '@napi-rs/canvas-win32-x64-msvc',
      '@napi-rs/canvas-linux-arm64-gnu',
    ]) {
      expect(lock.packages[`node_modules/${name}`], name).toBeDefined();
    }
  });
});
