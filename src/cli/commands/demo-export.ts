import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadConfig } from '../../config/load-config.js';
import { demoExportFor } from '../../demo/demo-export.js';
import { exportVariants } from '../../demo/progress-export-writer.js';
import { CodedError } from '../../shared/coded-error.js';
import { parseCommandArguments, referenceDateOption, singlePositional } from '../arguments.js';
import { type CliCommand, exitCodes } from '../cli-io.js';

const usage = 'trafiklys demo export FILE [--rows N] [--as-of YYYY-MM-DD] [--danish] [--config FILE]';

const defaultRows = 1_500;
/** Enough for any trial; a file this size is already some 150 MB. */
const maxRows = 1_000_000;

/**
 * Writes a made-up export of the configuration's study boards and programmes
 * (the same configuration `import` will check the boards against), so that
 * identify and import can be tried before a real export exists.
 */
export const demoExportCommand: CliCommand = {
  words: ['demo', 'export'],
  usage,
  summary: 'write a made-up export of the configured boards, to try identify and import',
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(
      args,
      {
        rows: { type: 'string' },
        'as-of': { type: 'string' },
        danish: { type: 'boolean' },
        config: { type: 'string' },
      },
      usage,
    );
    const file = singlePositional(positionals, 'file to write', usage);
    const rows = rowsOption(values.rows);
    const loaded = await loadConfig({ explicitPath: values.config, env: io.env, cwd: io.cwd });
    const { config } = loaded;
    const asOf = referenceDateOption(values['as-of'], config.institution.timeZone, io.now());
    const variant = exportVariants[values.danish ? 'danish-excel' : 'utf8'];
    const bytes = demoExportFor(config, { referenceDate: asOf, count: rows, variant: variant.name });
    try {
      await writeFile(resolve(io.cwd, file), bytes);
    } catch (error) {
      io.stderr.write(`error: ${file}: cannot write the file (${writeProblem(error)})\n`);
      return exitCodes.failed;
    }
    const source = loaded.isDemo ? 'the built-in demo configuration' : loaded.path;
    const configFlag = values.config === undefined ? '' : ` --config ${shellWord(values.config)}`;
    io.stdout.write(
      [
        `Wrote ${file}: ${rows.toLocaleString('en-US')} made-up students of ${config.institution.name} (${source}),`,
        `${config.boards.length} study boards, meant to be identified as of ${asOf}; ${variant.description}.`,
        'Try:',
        `  trafiklys identify ${shellWord(file)} --as-of ${asOf}${configFlag}`,
        `  trafiklys import ${shellWord(file)} --as-of ${asOf}${configFlag}`,
        '',
      ].join('\n'),
    );
    io.stderr.write(
      'Note: the CPR numbers in the file are fake, only CPR-shaped (a real birth date and a random serial, ' +
        "DDMMYY-XXXX); one may by chance equal a real person's number, so keep the file out of real systems. " +
        'Importing it needs TRAFIKLYS_CPR_KEY (trafiklys key generate).\n',
    );
    return exitCodes.ok;
  },
};

function rowsOption(value: string | undefined): number {
  if (value === undefined) return defaultRows;
  const rows = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(rows >= 1 && rows <= maxRows)) {
    throw new CodedError(
      'cli.usage',
      `--rows: "${value}" is not a whole number from 1 to ${maxRows.toLocaleString('en-US')}\nusage: ${usage}`,
    );
  }
  return rows;
}

function writeProblem(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    if (error.code === 'ENOENT') return 'no such folder';
    if (error.code === 'EISDIR') return 'it is a folder';
    if (error.code === 'EACCES') return 'permission denied';
  }
  return error instanceof Error ? error.message : String(error);
}

/** The path as a shell word, for the commands to copy. */
function shellWord(text: string): string {
  return /^[\w./:@+-]+$/.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
