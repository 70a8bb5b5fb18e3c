import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cachedRoot: string | undefined;

/**
 * The folder holding Trafiklys' package.json. Code runs from `src/` (tests) and
 * from `dist/src/` (built), while data files (migrations, the demo config) stay
 * where they are in the checkout, so they are found from the root.
 */
export function packageRoot(): string {
  if (cachedRoot) return cachedRoot;
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && isTrafiklysManifest(manifest)) {
      cachedRoot = folder;
      return folder;
    }
    const parent = dirname(folder);
    if (parent === folder) throw new Error('cannot find the trafiklys package root');
    folder = parent;
  }
}

function isTrafiklysManifest(path: string): boolean {
  try {
    const manifest: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return (
      typeof manifest === 'object' && manifest !== null && 'name' in manifest && manifest.name === 'trafiklys'
    );
  } catch {
    return false;
  }
}
