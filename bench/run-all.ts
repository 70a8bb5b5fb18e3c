/**
 * `npm run bench`: every benchmark, one after the other, each in its own Node
 * process so one's memory does not weigh on the next: the identification
 * (bench/identify.ts), posting reminders to Slack (bench/slack-reminders.ts),
 * acknowledging Slack's commands under load (bench/slack-ack-latency.ts), a
 * dispatch of 2,000 mails through the outbox beside a bare nodemailer loop
 * (bench/mail-dispatch.ts), then the memory of `npm start` on PGlite and
 * PostgreSQL (bench/pglite-memory.ts).
 *
 *   --quick               each benchmark's smoke run
 *   --only identify       just one of them (identify, slack-reminders, slack-ack-latency, mail-dispatch, pglite-memory)
 *
 * For a benchmark's own options (--rows, --boards, --json…) run its script
 * after `npm run build`, e.g. `node dist/bench/slack-reminders.js --boards 40`;
 * each file lists its options at the top.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const benchmarks = [
  'identify',
  'slack-reminders',
  'slack-ack-latency',
  'mail-dispatch',
  'pglite-memory',
] as const;
type BenchmarkName = (typeof benchmarks)[number];

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
  strict: true,
});
const only = values.only;
if (only !== undefined && !isBenchmark(only)) {
  process.stderr.write(`bench: --only takes one of ${benchmarks.join(', ')}\n`);
  process.exit(2);
}

let failed = 0;
for (const name of benchmarks) {
  if (only !== undefined && only !== name) continue;
  const code = await run(name, values.quick ? ['--quick'] : []);
  if (code !== 0) {
    failed += 1;
    process.stderr.write(`bench: ${name} ended with code ${code}\n`);
  }
  process.stdout.write('\n');
}
process.exitCode = failed === 0 ? 0 : 1;

function run(name: BenchmarkName, args: readonly string[]): Promise<number> {
  const script = fileURLToPath(new URL(`./${name}.js`, import.meta.url));
  const child = spawn(process.execPath, [script, ...args], { stdio: 'inherit' });
  return new Promise((resolve) => {
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

function isBenchmark(name: string): name is BenchmarkName {
  return (benchmarks as readonly string[]).includes(name);
}
