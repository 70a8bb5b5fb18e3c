import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeDatabase } from '../../../app/runtime.js';
import { parseCommandArguments, singlePositional } from '../../../cli/arguments.js';
import { type CliCommand, exitCodes } from '../../../cli/cli-io.js';
import { textTable } from '../../../cli/format/text-table.js';
import { describeRuntimeConfig, withRuntime } from '../../../cli/with-runtime.js';
import { CodedError } from '../../../shared/coded-error.js';
import type { CatalogueProblem } from '../use-cases/catalogue/course-catalogue-file.js';
import { importCourseCatalogue } from '../use-cases/catalogue/import-course-catalogue.js';
import { deviationsOfRuntime } from './deviations-section.js';

const usage = 'trafiklys deviations courses import FILE [--config FILE]';

/** Past this many problems the rest are counted: a wrong file would otherwise fill the screen. */
const shownProblems = 50;

/** Replaces the course catalogue the report form offers with a CSV file's courses, whole or not at all. */
export const deviationsCoursesImportCommand: CliCommand = {
  words: ['deviations', 'courses', 'import'],
  usage,
  summary:
    'replace the course catalogue of the deviation form with a CSV file (code;name;faculty;department)',
  async run(args, io) {
    const { values, positionals } = parseCommandArguments(args, { config: { type: 'string' } }, usage);
    const file = singlePositional(positionals, 'course catalogue file', usage);
    const bytes = await readFile(resolve(io.cwd, file)).catch((error: unknown) => {
      const reason =
        error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : String(error);
      throw new CodedError('file.unreadable', `cannot read ${file}: ${reason}`);
    });
    return withRuntime(io, values.config, async (runtime) => {
      const deviations = deviationsOfRuntime(runtime, io);
      if (deviations === null) return exitCodes.failed;
      const outcome = await importCourseCatalogue(
        deviations.store,
        bytes,
        runtime.loadedConfig.config,
        deviations.section,
      );
      if (!outcome.ok) {
        const listed = outcome.problems.slice(0, shownProblems).map((problem) => problemLine(file, problem));
        const more = outcome.problems.length - listed.length;
        io.stderr.write(
          [
            `error: ${file} cannot be imported; nothing was stored:`,
            ...listed,
            ...(more > 0 ? [`… and ${more} more.`] : []),
            '',
          ].join('\n'),
        );
        return exitCodes.failed;
      }
      io.stdout.write(
        [
          describeRuntimeConfig(runtime),
          `Imported ${outcome.courses} ${outcome.courses === 1 ? 'course' : 'courses'} from ${file} into ${describeDatabase(runtime.database)}, replacing the course catalogue:`,
          '',
          textTable(
            ['Faculty', 'Courses'],
            outcome.perFaculty.map((row) => [row.faculty, row.courses]),
          ),
          '',
          ...(outcome.withoutReportOwners.length > 0
            ? [
                `The courses of ${outcome.withoutReportOwners.join(', ')} are stored but not offered in the report form: the faculty has no reportOwners under deviations:.`,
                '',
              ]
            : []),
        ].join('\n'),
      );
      return exitCodes.ok;
    });
  },
};

/** `courses.csv:4:3: faculty: no faculty has the code "XX"` (the place, as the config check writes it). */
function problemLine(file: string, problem: CatalogueProblem): string {
  const place =
    problem.column === null ? `${file}:${problem.line}` : `${file}:${problem.line}:${problem.column}`;
  return `${place}: ${problem.columnName === null ? '' : `${problem.columnName}: `}${problem.message}`;
}
