import { parseCommandArguments } from '../../../cli/arguments.js';
import { type CliCommand, exitCodes } from '../../../cli/cli-io.js';
import { describeRuntimeConfig, withRuntime } from '../../../cli/with-runtime.js';
import { translator } from '../../../i18n/translator.js';
import { CodedError } from '../../../shared/coded-error.js';
import { statisticsCsv } from '../presenters/stats/statistics-csv.js';
import { UnitDirectory } from '../unit-directory.js';
import { statisticsReport } from '../use-cases/stats/statistics-report.js';
import {
  defaultPeriod,
  maxPeriodMonths,
  parsePeriod,
  type StatsPeriod,
} from '../use-cases/stats/stats-period.js';
import { deviationsOfRuntime } from './deviations-section.js';
import { statisticsText } from './statistics-text.js';

const usage =
  'trafiklys deviations stats [--faculty CODE] [--period PERIOD] [--json | --csv] [--config FILE]';

/**
 * The statistics for the faculty's quality report and the quality
 * department: as text, as the statistics object (`--json`), or one row per
 * case (`--csv`). For operators: no chat permission applies; whoever can run
 * the command can read the database anyway.
 */
export const deviationsStatsCommand: CliCommand = {
  words: ['deviations', 'stats'],
  usage,
  summary:
    'deviation statistics of a faculty (or all) and a period (2026, 2026-03, 2026-01..2026-06, spring-2026)',
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(
      args,
      {
        faculty: { type: 'string' },
        period: { type: 'string' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
        config: { type: 'string' },
      },
      usage,
    );
    if (positionals.length > 0)
      throw new CodedError('cli.usage', `unexpected argument "${positionals[0]}"\nusage: ${usage}`);
    if (values.json && values.csv)
      throw new CodedError('cli.usage', `choose one of --json and --csv\nusage: ${usage}`);
    const requestedPeriod = values.period === undefined ? null : periodOption(values.period);
    return withRuntime(io, values.config, async (runtime) => {
      const deviations = deviationsOfRuntime(runtime, io);
      if (deviations === null) return exitCodes.failed;
      const { config } = runtime.loadedConfig;
      const facultyCode =
        values.faculty === undefined
          ? null
          : facultyOption(
              values.faculty,
              config.faculties.map((faculty) => faculty.code),
            );
      const now = io.now();
      const { timeZone } = config.institution;
      const units = new UnitDirectory(config, deviations.section, await deviations.store.catalogue());
      const report = await statisticsReport(deviations.store, {
        facultyCode,
        period: requestedPeriod ?? defaultPeriod(now, timeZone),
        faculties: facultyCode === null ? units.facultiesWithOwners() : [facultyCode],
        timeZone,
        now,
      });
      if (values.json) io.stdout.write(`${JSON.stringify(report.statistics)}\n`);
      else if (values.csv) io.stdout.write(statisticsCsv(report.cases, now, timeZone));
      else
        io.stdout.write(
          `${describeRuntimeConfig(runtime)}\n${statisticsText(translator('en'), report.statistics, config)}`,
        );
      return exitCodes.ok;
    });
  },
};

function periodOption(value: string): StatsPeriod {
  const parsed = parsePeriod(value);
  if (parsed.ok) return parsed.period;
  const texts = translator('en').t.deviations.stats;
  const problem =
    parsed.problem === 'reversed'
      ? texts.periodReversed({ argument: value })
      : parsed.problem === 'too_long'
        ? texts.periodTooLong({ argument: value, months: maxPeriodMonths })
        : texts.badPeriod({ argument: value });
  throw new CodedError('cli.usage', `--period: ${problem}\nusage: ${usage}`);
}

function facultyOption(value: string, codes: readonly string[]): string {
  const code = codes.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase());
  if (code !== undefined) return code;
  throw new CodedError(
    'cli.usage',
    `--faculty: no faculty has the code "${value}" (known: ${codes.join(', ')})`,
  );
}
