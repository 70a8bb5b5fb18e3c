import { describeDatabase } from '../../app/runtime.js';
import { describePeriod } from '../../procedures/at-risk/identification-period.js';
import { importIdentification } from '../../procedures/at-risk/import-identification.js';
import { parseCommandArguments, referenceDateOption, singlePositional } from '../arguments.js';
import { type CliCommand, exitCodes } from '../cli-io.js';
import { importReportTable } from '../format/import-output.js';
import { openExportFile } from '../read-export-file.js';
import { describeRuntimeConfig, withRuntime } from '../with-runtime.js';

const usage = 'trafiklys import FILE [--as-of YYYY-MM-DD] [--config FILE]';

/** Stores an export's identification as one cycle per study board. */
export const importCommand: CliCommand = {
  words: ['import'],
  usage,
  summary: 'store an export as the period’s identification cycles, one per study board',
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(
      args,
      { 'as-of': { type: 'string' }, config: { type: 'string' } },
      usage,
    );
    const file = singlePositional(positionals, 'export file', usage);
    return withRuntime(io, values.config, async (runtime) => {
      const { config } = runtime.loadedConfig;
      const asOf = referenceDateOption(values['as-of'], config.institution.timeZone, io.now());
      const progressExport = await openExportFile(file, io.cwd, config.columnAliases);
      const report = await importIdentification(runtime.identificationStorage, {
        progressExport,
        asOf,
        rules: config.thresholds,
        knownBoards: new Set(config.boards.map((board) => board.code)),
        actor: 'cli',
        cipher: runtime.cprCipher,
      });
      io.stdout.write(
        [
          describeRuntimeConfig(runtime),
          `Imported ${file} as of ${report.asOf} (${describePeriod(report.period)}) into ${describeDatabase(runtime.database)}:`,
          `${report.students} students, ${report.outOfScope} out of scope.`,
          '',
          importReportTable(report),
          '',
        ].join('\n'),
      );
      return exitCodes.ok;
    });
  },
};
