/**
 * A generated study-progress export for an institution's own configuration,
 * so that a newcomer can try identify and import (and the bot's first start
 * has something to show) before a real export exists. The study boards and
 * programmes are the configuration's; students, CPR numbers, names and
 * addresses are made up.
 */
import type { InstitutionConfig, Programme, StudyBoard } from '../config/institution-config.js';
import type { TeachingLanguage } from '../procedures/at-risk/progress-export/progress-row.js';
import type { CalendarDate } from '../shared/calendar-date.js';
import {
  type ExportProgramme,
  type ExportStudyBoard,
  type GeneratedExport,
  generateProgressExport,
} from './progress-export-generator.js';
import { type ExportVariantName, progressExportBytes } from './progress-export-writer.js';

export interface DemoExportOptions {
  /** The date the export is meant to be identified as of: the students' lights hold on this day. */
  readonly referenceDate: CalendarDate;
  /** Students in the file; default 1,500. */
  readonly count?: number;
  readonly seed?: number;
  /** Default `utf8`. */
  readonly variant?: ExportVariantName;
}

export const defaultDemoExportCount = 1_500;
export const defaultDemoExportSeed = 1;

/** What the export needs of a configuration. */
export type DemoExportConfig = Pick<InstitutionConfig, 'boards' | 'programmes'>;

/** The export's bytes; the same configuration and options give the same bytes. */
export function demoExportFor(config: DemoExportConfig, options: DemoExportOptions): Uint8Array {
  return progressExportBytes(demoStudentsFor(config, options).students, options.variant ?? 'utf8');
}

/** The students of `demoExportFor`, each with the category it was drawn for. */
export function demoStudentsFor(config: DemoExportConfig, options: DemoExportOptions): GeneratedExport {
  return generateProgressExport({
    boards: demoExportBoards(config),
    referenceDate: options.referenceDate,
    count: options.count ?? defaultDemoExportCount,
    seed: options.seed ?? defaultDemoExportSeed,
  });
}

/**
 * Every board of the configuration with its programmes. A board's share of
 * the students grows with its number of programmes, so each programme gets
 * about as many; a board without programmes gets one made up for it.
 */
export function demoExportBoards(config: DemoExportConfig): ExportStudyBoard[] {
  return config.boards.map((board) => {
    const configured = config.programmes.filter((programme) => programme.board === board.code);
    const programmes = configured.length > 0 ? configured.map(exportProgrammeOf) : [standInProgramme(board)];
    return { code: board.code, programmes, weight: programmes.length };
  });
}

function exportProgrammeOf(programme: Programme): ExportProgramme {
  return {
    code: programme.code,
    name: programme.name,
    normEcts: normEctsOf(programme),
    teachingLanguage: teachingLanguageOf(programme.name),
  };
}

function standInProgramme(board: StudyBoard): ExportProgramme {
  return {
    code: `${board.code}-DEMO`,
    name: `Demouddannelse, ${board.name}`,
    normEcts: masterEcts,
    teachingLanguage: 'da',
  };
}

const bachelorEcts = 180;
/** Masters (MSc, MA, kandidat) and anything the code and name do not tell: a two-year programme. */
const masterEcts = 120;
const bachelorCodeWords: ReadonlySet<string> = new Set(['BSC', 'BA', 'BACH', 'BACHELOR']);

/** The configuration has no ECTS norm, so it is read off the code (`DAT-BSC`, `HIST-BA`) or the name. */
export function normEctsOf(programme: Pick<Programme, 'code' | 'name'>): number {
  const codeWords = programme.code.toUpperCase().split(/[^\p{L}\p{N}]+/u);
  const bachelorLike =
    codeWords.some((word) => bachelorCodeWords.has(word)) ||
    /bachelor|\bB\.?Sc\b|\bBA\b/i.test(programme.name);
  return bachelorLike ? bachelorEcts : masterEcts;
}

const englishNameStart = /^(Master of|Bachelor of|M\.?Sc\b|B\.?Sc\b|MA in|BA in)/i;

/** English where the name is ("Master of Science in …", "MSc in …", "MA in …"); Danish otherwise. */
export function teachingLanguageOf(programmeName: string): TeachingLanguage {
  return englishNameStart.test(programmeName) || /\bScience\b/.test(programmeName) ? 'en' : 'da';
}
