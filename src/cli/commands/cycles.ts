import { describeDatabase } from '../../app/runtime.js';
import { describePeriod } from '../../procedures/at-risk/identification-period.js';
import { parseCommandArguments } from '../arguments.js';
import { type CliCommand, exitCodes } from '../cli-io.js';
import { textTable } from '../format/text-table.js';
import { withRuntime } from '../with-runtime.js';

const usage = 'trafiklys cycles [--board CODE] [--config FILE]';

export const cyclesCommand: CliCommand = {
  words: ['cycles'],
  usage,
  summary: 'list the stored identification cycles, newest first per board',
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(
      args,
      { board: { type: 'string' }, config: { type: 'string' } },
      usage,
    );
    if (positionals.length > 0) {
      io.stderr.write(`error: unexpected argument "${positionals[0]}"\nusage: ${usage}\n`);
      return exitCodes.usage;
    }
    return withRuntime(io, values.config, async (runtime) => {
      const cycles = await runtime.identificationStorage.listCycles(
        values.board ? { boardCode: values.board } : {},
      );
      const where = describeDatabase(runtime.database);
      if (cycles.length === 0) {
        io.stdout.write(
          values.board
            ? `No cycles stored for study board ${values.board} in ${where}.\n`
            : `No cycles stored in ${where} yet.\n`,
        );
        return exitCodes.ok;
      }
      const rows = cycles.map((cycle) => [
        cycle.boardCode,
        describePeriod(cycle),
        cycle.referenceDate,
        cycle.status,
        cycle.counts.green,
        cycle.counts.yellow,
        cycle.counts.red,
        cycle.counts.blue,
        cycle.counts.out_of_scope,
        cycle.importedAt.toISOString().slice(0, 16).replace('T', ' '),
        cycle.sourceFileName,
      ]);
      io.stdout.write(
        `${cycles.length} cycle${cycles.length === 1 ? '' : 's'} in ${where}:\n\n${textTable(
          [
            'Board',
            'Period',
            'As of',
            'Status',
            'Green',
            'Yellow',
            'Red',
            'Blue',
            'Out of scope',
            'Imported (UTC)',
            'File',
          ],
          rows,
        )}\n`,
      );
      return exitCodes.ok;
    });
  },
};
