import { loadConfig } from '../../config/load-config.js';
import { defaultIdentificationRules } from '../../procedures/at-risk/identification-rules.js';
import { identifyExport } from '../../procedures/at-risk/identify-students.js';
import { parseCommandArguments, referenceDateOption, singlePositional } from '../arguments.js';
import { type CliCommand, exitCodes } from '../cli-io.js';
import {
  identificationJson,
  identificationTable,
  type StudentLine,
  studentLineOf,
} from '../format/identification-output.js';
import { openExportFile } from '../read-export-file.js';

const usage = 'trafiklys identify FILE [--as-of YYYY-MM-DD] [--json] [--config FILE]';

/**
 * Classifies an export without a database and, unless one is named, without a
 * config: board codes come from the file and the thresholds are the defaults.
 */
export const identifyCommand: CliCommand = {
  words: ['identify'],
  usage,
  summary: 'classify every student of an export (stores nothing)',
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(
      args,
      { 'as-of': { type: 'string' }, json: { type: 'boolean' }, config: { type: 'string' } },
      usage,
    );
    const file = singlePositional(positionals, 'export file', usage);
    const namedConfig = values.config ?? io.env.TRAFIKLYS_CONFIG;
    const config = namedConfig
      ? (await loadConfig({ explicitPath: values.config, env: io.env, cwd: io.cwd })).config
      : null;
    const asOf = referenceDateOption(
      values['as-of'],
      config?.institution.timeZone ?? 'Europe/Copenhagen',
      io.now(),
    );
    const progressExport = await openExportFile(file, io.cwd, config?.columnAliases);
    // Only --json lists every student; the table needs the per-board figures alone.
    const students: StudentLine[] = [];
    const identification = await identifyExport(
      progressExport,
      asOf,
      config?.thresholds ?? defaultIdentificationRules,
      values.json ? (student) => students.push(studentLineOf(student)) : undefined,
    );
    io.stdout.write(
      values.json
        ? `${JSON.stringify(identificationJson(identification, students))}\n`
        : identificationTable(identification),
    );
    return exitCodes.ok;
  },
};
