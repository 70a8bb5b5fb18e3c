// Runs `prisma generate` as usual. Prisma's CLI downloads a schema-engine
// binary first; where that download cannot work (an offline machine, CI
// without internet) generation itself does not need the engine, so we retry
// with PRISMA_SCHEMA_ENGINE_BINARY pointing at an existing file, which makes
// the CLI skip the download. Online, the first attempt succeeds and Prisma
// behaves exactly as documented.
import { spawnSync } from 'node:child_process';

const prismaArgs = ['prisma', 'generate'];

function runPrisma(env) {
  return spawnSync('npx', ['--no-install', ...prismaArgs], {
    env,
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
}

const first = runPrisma(process.env);
if (first.status === 0) {
  process.stdout.write(first.stdout);
  process.exit(0);
}
const output = `${first.stdout}\n${first.stderr}`;
const engineDownloadFailed =
  /binaries\.prisma\.sh|schema-engine|ENOTFOUND|ECONNREFUSED|EAI_AGAIN|fetch failed/i.test(output);
if (!engineDownloadFailed || process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  process.stderr.write(output);
  process.exit(first.status ?? 1);
}
process.stderr.write(
  'prisma: the schema-engine download is unavailable (offline?); generating the client without it.\n',
);
const second = runPrisma({ ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath });
process.stdout.write(second.stdout);
process.stderr.write(second.stderr);
process.exit(second.status ?? 1);
