import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { DeviationCategory, DeviationState, ReporterRole } from '../deviation-case.js';
import type { DeviationTextLanguage } from './text-languages.js';

/** Texts every part of the deviations procedure shows: names of categories, states, roles, a case. */
export interface CommonDeviationTexts {
  /** What `/avvik` does, in help. */
  readonly commandDescription: string;
  readonly category: Readonly<Record<DeviationCategory, string>>;
  readonly state: Readonly<Record<DeviationState, string>>;
  readonly role: Readonly<Record<ReporterRole, string>>;
  /** `Avvik 2026-0042` */
  caseTitle(params: { readonly number: string }): string;
  readonly field: {
    readonly category: string;
    readonly unit: string;
    readonly whereWhen: string;
    readonly description: string;
    readonly role: string;
    readonly state: string;
    readonly received: string;
    readonly deadline: string;
    readonly handler: string;
    readonly reporter: string;
    readonly faculty: string;
  };
  /** Shown instead of a sensitive case's text to someone who may not read it. */
  readonly sensitiveHidden: string;
  /** Shown where the retention rule removed the text. */
  readonly textRemoved: string;
  /** The answer to someone who may not see or do this with the case (no detail of the case). */
  readonly notAllowed: string;
  /** A button or form naming a case that does not exist (or not any more). */
  readonly unknownCase: string;
  /** A step the case's state no longer allows (someone else was quicker). */
  stepRefused(params: { readonly number: string; readonly state: string }): string;
  /** The procedure is not configured at this institution. */
  readonly notConfigured: string;
}

export const commonDeviationTexts: Readonly<
  Record<DeviationTextLanguage, (format: LocaleFormat) => CommonDeviationTexts>
> = {
  nb: () => ({
    commandDescription: 'Meld et avvik i utdanningen eller læringsmiljøet',
    category: {
      information_flow: 'Informasjonsflyt',
      feedback_guidance: 'Tilbakemelding og veiledning',
      teaching_learning_forms: 'Undervisnings- og læringsformer',
      exam_assessment_forms: 'Eksamens- og vurderingsformer',
      timetabling: 'Timeplanlegging',
      grading_examiners: 'Sensur og sensorer',
      reference_groups: 'Referansegrupper',
      equipment_premises: 'Utstyr og lokaler',
      universal_design_digital: 'Universell utforming og digitalt læringsmiljø',
      other: 'Annet',
    },
    state: {
      received: 'Mottatt',
      in_handling: 'Under behandling',
      closed: 'Lukket',
      rejected: 'Avvist',
      redirected: 'Sendt til varsling',
    },
    role: { student: 'Student', employee: 'Ansatt' },
    caseTitle: ({ number }) => `Avvik ${number}`,
    field: {
      category: 'Kategori',
      unit: 'Studieprogram eller emne',
      whereWhen: 'Hvor og når',
      description: 'Beskrivelse',
      role: 'Rolle',
      state: 'Status',
      received: 'Mottatt',
      deadline: 'Frist',
      handler: 'Behandler',
      reporter: 'Melder',
      faculty: 'Fakultet',
    },
    sensitiveHidden:
      'Teksten inneholder sensitive personopplysninger og vises bare for behandler, meldingsansvarlige og linjeledere.',
    textRemoved: 'Teksten er slettet etter oppbevaringsregelen.',
    notAllowed: 'Du har ikke tilgang til denne saken.',
    unknownCase: 'Finner ikke saken. Den kan være slettet, eller lenken er feil.',
    stepRefused: ({ number, state }) => `Avvik ${number} er nå «${state}», så dette kan ikke gjøres lenger.`,
    notConfigured: 'Avviksmelding er ikke satt opp ved denne institusjonen.',
  }),
  da: () => ({
    commandDescription: 'Meld en afvigelse i uddannelsen eller læringsmiljøet',
    category: {
      information_flow: 'Informationsflow',
      feedback_guidance: 'Feedback og vejledning',
      teaching_learning_forms: 'Undervisnings- og læringsformer',
      exam_assessment_forms: 'Eksamens- og bedømmelsesformer',
      timetabling: 'Skemalægning',
      grading_examiners: 'Bedømmelse og censorer',
      reference_groups: 'Referencegrupper',
      equipment_premises: 'Udstyr og lokaler',
      universal_design_digital: 'Universelt design og digitalt læringsmiljø',
      other: 'Andet',
    },
    state: {
      received: 'Modtaget',
      in_handling: 'Under behandling',
      closed: 'Lukket',
      rejected: 'Afvist',
      redirected: 'Sendt til whistleblowerordningen',
    },
    role: { student: 'Studerende', employee: 'Medarbejder' },
    caseTitle: ({ number }) => `Afvigelse ${number}`,
    field: {
      category: 'Kategori',
      unit: 'Uddannelse eller kursus',
      whereWhen: 'Hvor og hvornår',
      description: 'Beskrivelse',
      role: 'Rolle',
      state: 'Status',
      received: 'Modtaget',
      deadline: 'Frist',
      handler: 'Sagsbehandler',
      reporter: 'Indberetter',
      faculty: 'Fakultet',
    },
    sensitiveHidden:
      'Teksten indeholder følsomme personoplysninger og vises kun for sagsbehandleren, de meldingsansvarlige og lederne.',
    textRemoved: 'Teksten er slettet efter opbevaringsreglen.',
    notAllowed: 'Du har ikke adgang til denne sag.',
    unknownCase: 'Sagen findes ikke. Den kan være slettet, eller linket er forkert.',
    stepRefused: ({ number, state }) =>
      `Afvigelse ${number} er nu »${state}«, så det kan ikke gøres længere.`,
    notConfigured: 'Afvigelsesindberetning er ikke sat op på denne institution.',
  }),
  en: () => ({
    commandDescription: 'Report a deviation in teaching or the learning environment',
    category: {
      information_flow: 'Information flow',
      feedback_guidance: 'Feedback and guidance',
      teaching_learning_forms: 'Teaching and learning forms',
      exam_assessment_forms: 'Exam and assessment forms',
      timetabling: 'Timetabling',
      grading_examiners: 'Grading and examiners',
      reference_groups: 'Reference groups',
      equipment_premises: 'Equipment and premises',
      universal_design_digital: 'Universal design and digital learning environment',
      other: 'Other',
    },
    state: {
      received: 'Received',
      in_handling: 'In handling',
      closed: 'Closed',
      rejected: 'Rejected',
      redirected: 'Redirected to whistleblowing',
    },
    role: { student: 'Student', employee: 'Employee' },
    caseTitle: ({ number }) => `Deviation ${number}`,
    field: {
      category: 'Category',
      unit: 'Programme or course',
      whereWhen: 'Where and when',
      description: 'Description',
      role: 'Role',
      state: 'Status',
      received: 'Received',
      deadline: 'Deadline',
      handler: 'Handler',
      reporter: 'Reporter',
      faculty: 'Faculty',
    },
    sensitiveHidden:
      'The text contains sensitive personal data and is shown only to the handler, the report owners and the line managers.',
    textRemoved: 'The text was removed under the retention rule.',
    notAllowed: 'You do not have access to this case.',
    unknownCase: 'The case cannot be found. It may have been removed, or the link is wrong.',
    stepRefused: ({ number, state }) =>
      `Deviation ${number} is now “${state}”, so this can no longer be done.`,
    notConfigured: 'Deviation reporting is not set up at this institution.',
  }),
};
