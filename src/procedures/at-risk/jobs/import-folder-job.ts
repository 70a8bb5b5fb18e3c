import { constants, existsSync } from 'node:fs';
import { access, mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { z } from 'zod';
import type { HealthCheck } from '../../../bot/procedure-module.js';
import type { InstitutionConfig } from '../../../config/institution-config.js';
import { translator } from '../../../i18n/translator.js';
import type { ScheduledJob } from '../../../scheduling/scheduled-job.js';
import type { CprCipher } from '../../../security/cpr-cipher.js';
import { maskCprShapes } from '../../../security/cpr-shape.js';
import { todayIn } from '../../../shared/calendar-date.js';
import { CodedError, isCodedError } from '../../../shared/coded-error.js';
import { describePeriod } from '../identification-period.js';
import type { IdentificationStorage } from '../identification-store.js';
import { importIdentification } from '../import-identification.js';
import { ProgressExportError, rejectionReport } from '../progress-export/export-problem.js';
import { exportFile } from '../progress-export/export-source.js';
import { openProgressExport } from '../progress-export/read-progress-export.js';

/** How often the folder is looked at: a dropped export is picked up within five minutes. */
export const importFolderCron = '*/5 * * * *';
const exportExtensions = new Set(['.csv', '.xlsx']);

/**
 * The configured import folder (config `importFolder`): each CSV/XLSX dropped
 * there is imported as of today and moved to `imported/`, or, when rejected,
 * to `rejected/` with a `.problems.txt` beside it saying what to fix, in the
 * institution's language (config `institution.language`): no one reader is
 * known, and whoever keeps the folder works in that language. Moving
 * the file matters: left in place, April's export would be read again in
 * October as if it were October's.
 */
export function importFolderJob(options: {
  readonly folder: string;
  readonly config: InstitutionConfig;
  readonly storage: IdentificationStorage;
  readonly cipher: CprCipher | null;
  readonly now?: () => Date;
}): ScheduledJob<null> {
  const { folder, config, storage, cipher } = options;
  const now = options.now ?? (() => new Date());
  return {
    name: 'import-folder',
    cron: importFolderCron,
    timeZone: config.institution.timeZone,
    params: z.null(),
    // Looked at once at start-up too, so an export placed there while the bot was down is not left waiting.
    missedRun: (at) => at,
    async run({ logger }) {
      // A folder that is not there is not an empty one: say so (the run fails and is logged).
      const problem = describeImportFolderState(folder, await importFolderState(folder));
      if (problem) throw new CodedError('import_folder.unusable', problem);
      const entries = await readdir(folder, { withFileTypes: true });
      const files = entries
        .filter((entry) => entry.isFile() && exportExtensions.has(extname(entry.name).toLowerCase()))
        .map((entry) => entry.name)
        .sort();
      let imported = 0;
      let rejected = 0;
      for (const name of files) {
        const asOf = todayIn(config.institution.timeZone, now());
        const path = join(folder, name);
        try {
          const progressExport = await openProgressExport(exportFile(path), {
            fileName: name,
            columnAliases: config.columnAliases,
          });
          const report = await importIdentification(storage, {
            progressExport,
            asOf,
            rules: config.thresholds,
            knownBoards: new Set(config.boards.map((board) => board.code)),
            actor: 'import-folder',
            cipher,
          });
          await moveInto(folder, 'imported', name, asOf);
          imported += 1;
          logger.info(
            {
              file: name,
              period: describePeriod(report.period),
              boards: report.boards.length,
              students: report.students,
            },
            'export imported from the import folder',
          );
        } catch (error) {
          if (!isCodedError(error)) throw error;
          const target = await moveInto(folder, 'rejected', name, asOf);
          // Other coded errors (a missing CPR key) are the operator's business and stay English.
          const whatToFix =
            error instanceof ProgressExportError
              ? rejectionReport(translator(config.institution.language).t, name, error.problems)
              : maskCprShapes(error.message);
          await writeFile(`${target}.problems.txt`, `${whatToFix}\n`);
          rejected += 1;
          // The problems name cell values; they go to the file beside the export, not to the log.
          const problems = error instanceof ProgressExportError ? error.problems.length : 1;
          logger.warn({ file: name, code: error.code, problems }, 'export in the import folder was rejected');
        }
      }
      return { summary: { files: files.length, imported, rejected }, value: null };
    },
  };
}

/** Whether the bot can use the import folder: read it, and move files out of it. */
export type ImportFolderState = 'ok' | 'missing' | 'not_a_folder' | 'not_accessible';

const folderProblem: Readonly<Record<Exclude<ImportFolderState, 'ok'>, string>> = {
  missing: 'does not exist: exports placed there cannot be imported',
  not_a_folder: 'is a file, not a folder',
  not_accessible: 'cannot be read and written by the bot (check its permissions)',
};

export async function importFolderState(folder: string): Promise<ImportFolderState> {
  try {
    if (!(await stat(folder)).isDirectory()) return 'not_a_folder';
  } catch {
    return 'missing';
  }
  try {
    await access(folder, constants.R_OK | constants.W_OK | constants.X_OK);
    return 'ok';
  } catch {
    return 'not_accessible';
  }
}

/** The folder's problem in words for the operator, or null when it is usable. */
export function describeImportFolderState(folder: string, state: ImportFolderState): string | null {
  return state === 'ok' ? null : `the import folder ${folder} ${folderProblem[state]}`;
}

/**
 * Moves the file aside under a dated name; a second file of the same name
 * that day is numbered, never overwritten. A file we name carries no
 * CPR-shaped value, even when the export's own name did.
 */
async function moveInto(folder: string, subfolder: string, name: string, asOf: string): Promise<string> {
  await mkdir(join(folder, subfolder), { recursive: true });
  const safeName = maskCprShapes(name);
  for (let copy = 1; ; copy++) {
    const target = join(
      folder,
      subfolder,
      copy === 1 ? `${asOf}_${safeName}` : `${asOf}_${copy}_${safeName}`,
    );
    if (existsSync(target)) continue;
    await rename(join(folder, name), target);
    return target;
  }
}

/** The import folder as /healthz shows it: the bot is degraded while it cannot use the folder. */
export function importFolderHealth(folder: string): HealthCheck {
  return {
    key: 'importFolder',
    async report() {
      const state = await importFolderState(folder);
      return {
        degraded: state !== 'ok',
        details: { path: folder, state },
        problem: describeImportFolderState(folder, state),
      };
    },
  };
}
