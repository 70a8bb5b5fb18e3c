// `npm run build` (node build.mjs): generates the Prisma client, compiles to
// dist/ and prepares the embedded database's pristine data folder, then
// records what it built from. `npm start` (node build.mjs --if-changed)
// builds only when something it builds from has changed since, so an
// unchanged checkout starts at once instead of rebuilding for half a minute.
// Plain Node, no dependencies: it runs before anything is compiled.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What the build reads: folders whole (but the client it generates), and single files. */
const inputFolders = ['src', 'bench'];
const generatedFolder = join('src', 'generated');
const inputFiles = [
  'prisma/schema.prisma',
  'prisma/generate.mjs',
  'prisma.config.ts',
  'tsconfig.json',
  'package.json',
  // The installed versions: Prisma's generates the client, PGlite's the pristine data folder.
  'package-lock.json',
  'build.mjs',
];
/** What a finished build leaves; without them the build is not current, whatever was recorded. */
const outputs = ['dist/src/main.js', 'src/generated/prisma/client.ts'];
const recordFile = join('dist', 'build-inputs.json');

const steps = [
  ['node', ['prisma/generate.mjs']],
  ['npx', ['--no-install', 'tsc', '-p', 'tsconfig.json']],
  ['node', ['dist/src/storage/prepare-pristine-data-folder.js']],
];

/** Every input file by its path (with `/`), with the sha256 of its content. */
export async function buildInputs(root) {
  const paths = [];
  for (const folder of inputFolders) paths.push(...(await filesUnder(root, folder)));
  for (const file of inputFiles) if (existsSync(join(root, file))) paths.push(file.split('/').join(sep));
  const inputs = {};
  for (const path of paths.sort()) {
    inputs[path.split(sep).join('/')] = createHash('sha256')
      .update(await readFile(join(root, path)))
      .digest('hex');
  }
  return inputs;
}

/**
 * Whether `root` must be built before it starts, and why, in words: never
 * built, an output missing, or the inputs that changed since the last build.
 */
export async function buildDecision(root) {
  const missing = outputs.filter((output) => !existsSync(join(root, output)));
  if (missing.length > 0) return { build: true, reason: `${missing.join(' and ')} missing` };
  const recorded = await readRecord(root);
  if (recorded === null) return { build: true, reason: 'no record of the last build' };
  const current = await buildInputs(root);
  const changed = [
    ...Object.keys(current).filter((path) => recorded[path] !== current[path]),
    ...Object.keys(recorded).filter((path) => !(path in current)),
  ];
  if (changed.length === 0) return { build: false, reason: 'nothing changed since the last build' };
  const named =
    changed.slice(0, 3).join(', ') + (changed.length > 3 ? ` and ${changed.length - 3} more` : '');
  return { build: true, reason: `changed since the last build: ${named}` };
}

/** Notes the inputs a build started from, once it has finished. */
export async function recordBuild(root, inputs) {
  await mkdir(join(root, dirname(recordFile)), { recursive: true });
  await writeFile(join(root, recordFile), `${JSON.stringify(inputs, null, 2)}\n`);
}

async function readRecord(root) {
  try {
    const record = JSON.parse(await readFile(join(root, recordFile), 'utf8'));
    return typeof record === 'object' && record !== null && !Array.isArray(record) ? record : null;
  } catch {
    return null;
  }
}

async function filesUnder(root, folder) {
  if (!existsSync(join(root, folder))) return [];
  const entries = await readdir(join(root, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((path) => path !== generatedFolder && !path.startsWith(`${generatedFolder}${sep}`));
}

async function build(root) {
  // The inputs as they were when the build began: an edit made while it runs is built next time.
  const inputs = await buildInputs(root);
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    if (result.status !== 0) return result.status ?? 1;
  }
  await recordBuild(root, inputs);
  return 0;
}

async function main() {
  const root = dirname(fileURLToPath(import.meta.url));
  if (process.argv.includes('--if-changed')) {
    const decision = await buildDecision(root);
    if (!decision.build) {
      process.stderr.write(`trafiklys: the build in dist/ is current (${decision.reason}).\n`);
      return 0;
    }
    process.stderr.write(`trafiklys: building (${decision.reason})…\n`);
  }
  return build(root);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main();
}
