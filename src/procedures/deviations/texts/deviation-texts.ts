import type { LocaleFormat } from '../../../i18n/locale-format.js';
import { type CatalogueTexts, catalogueTexts } from './catalogue-texts.js';
import { type CommonDeviationTexts, commonDeviationTexts } from './common-texts.js';
import { type HandlingTexts, handlingTexts } from './handling-texts.js';
import { type IntakeTexts, intakeTexts } from './intake-texts.js';
import { type StatsTexts, statsTexts } from './stats-texts.js';
import type { DeviationTextLanguage } from './text-languages.js';
import { type TimersTexts, timersTexts } from './timers-texts.js';
import { type TriageTexts, triageTexts } from './triage-texts.js';

/**
 * The deviations procedure's catalogue section: `t.deviations…`, every text
 * it shows, in one language. Each part (intake, triage, handling, timers,
 * statistics, the catalogue search) declares its texts in its own file; this joins them.
 */
export interface DeviationTexts {
  readonly deviations: CommonDeviationTexts & {
    readonly intake: IntakeTexts;
    readonly triage: TriageTexts;
    readonly handling: HandlingTexts;
    readonly timers: TimersTexts;
    readonly stats: StatsTexts;
    readonly catalogue: CatalogueTexts;
  };
}

export const deviationTexts: Readonly<
  Record<DeviationTextLanguage, (format: LocaleFormat) => DeviationTexts>
> = {
  nb: (format) => textsIn('nb', format),
  da: (format) => textsIn('da', format),
  en: (format) => textsIn('en', format),
};

function textsIn(language: DeviationTextLanguage, format: LocaleFormat): DeviationTexts {
  return {
    deviations: {
      ...commonDeviationTexts[language](format),
      intake: intakeTexts[language](format),
      triage: triageTexts[language](format),
      handling: handlingTexts[language](format),
      timers: timersTexts[language](format),
      stats: statsTexts[language](format),
      catalogue: catalogueTexts[language](format),
    },
  };
}
