import { demoExportFor } from '../demo/demo-export.js';
import type { Logger } from '../logging/logger.js';
import { importIdentification } from '../procedures/at-risk/import-identification.js';
import { readProgressExport } from '../procedures/at-risk/progress-export/read-progress-export.js';
import { todayIn } from '../shared/calendar-date.js';
import type { Runtime } from './runtime.js';

/**
 * So that a newcomer's first `npm start` has something to show: with the
 * built-in demo configuration and an empty database, a generated export of
 * the demo university is imported as of today. The generated CPR numbers are
 * left out, so the demo needs no encryption key.
 */
export async function loadDemoDataOnFirstStart(runtime: Runtime, now: Date, logger: Logger): Promise<void> {
  const { config, isDemo } = runtime.loadedConfig;
  if (!isDemo) return;
  if ((await runtime.identificationStorage.listCycles({})).length > 0) return;
  const asOf = todayIn(config.institution.timeZone, now);
  const progressExport = await readProgressExport(demoExportFor(config, { referenceDate: asOf }), {
    fileName: 'demo-university-export.csv',
  });
  const report = await importIdentification(runtime.identificationStorage, {
    progressExport: {
      ...progressExport,
      rows: progressExport.rows.map((row) => ({ ...row, nationalId: null })),
    },
    asOf,
    rules: config.thresholds,
    knownBoards: new Set(config.boards.map((board) => board.code)),
    actor: 'demo',
    cipher: null,
  });
  logger.info(
    { boards: report.boards.length, students: report.students },
    'demo export imported (first start)',
  );
}
