import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { MailLanguage } from '../mail/mail-placeholders.js';
import type { DispatchTemplate, DispatchTexts } from './dispatch-texts.js';

const mailName: Readonly<Record<DispatchTemplate, string>> = {
  yellow: 'Gul e-post (§ 31 stk. 1)',
  red: 'Rød e-post (§ 31 stk. 2)',
};
// The § 31 letters are Danish ones, written in the student's teaching language: Danish or English.
const mailLanguageName: Readonly<Record<MailLanguage, string>> = { da: 'dansk', en: 'engelsk' };

/** The dispatch of the § 31 mails in Norwegian Bokmål. */
export function norwegianDispatch(
  format: LocaleFormat,
  periodName: (period: IdentificationPeriod) => string,
): DispatchTexts {
  const { number, plural } = format;
  const students = (count: number) =>
    plural(count, { one: `${number(count)} student`, other: `${number(count)} studenter` });
  const templateName = ({ template, language }: { template: DispatchTemplate; language: MailLanguage }) =>
    `${mailName[template]}, ${mailLanguageName[language]}`;
  return {
    formTitle: 'Send e-postene',
    heading: ({ period, boardName }) =>
      `E-post til studenter i risiko for frafall – ${periodName(period)} – ${boardName}`,
    openButton: 'Forbered e-postene',
    commandDescription: 'Se over og send § 31-e-postene til de gule og røde studentene',
    cancelButton: 'Lukk',
    sendButton: (mails) => plural(mails, { one: 'Send 1 e-post', other: `Send ${number(mails)} e-poster` }),
    templateName,
    recipientsHeading: 'Hvem får hvilken e-post',
    students,
    noRecipients: 'Ingen studenter får e-post: det er ingen røde eller gule med e-postadresse igjen.',
    withoutEmail: ({ count, names }) => `Uten e-postadresse (${number(count)}), følg opp selv: ${names}`,
    excludedHeading: 'Unntatt, med begrunnelse',
    excludedLine: ({ name, studentNumber, reason, note }) =>
      `${name} (${studentNumber}): ${reason}${note ? `, «${note}»` : ''}`,
    noExclusions: 'Ingen er unntatt.',
    mandatoryContactExcluded: ({ count, names }) =>
      `${plural(count, { one: '1 unntatt student er', other: `${number(count)} unntatte studenter er` })} forsinket mer enn 12 måneder: ${names}. Etter § 31 stk. 2 skal universitetet tilby dem en samtale. Bekreft nedenfor at de er unntatt med vilje.`,
    confirmMandatoryLabel: 'Jeg bekrefter at disse studentene er unntatt med vilje',
    confirmMandatoryRequired:
      'Bekreft unntaket av studentene som er forsinket mer enn 12 måneder, eller angre det i listen.',
    sampleHeading: 'Dette får studentene å lese',
    sampleSubject: (subject) => `Emne: ${subject}`,
    testButton: (params) => `Send meg en test: ${templateName(params)}`,
    testSent: ({ address, ...params }) => `Test sendt til ${address}: ${templateName(params)}.`,
    testFailed: (reason) => `Test-e-posten kunne ikke sendes: ${reason}`,
    testNeedsAddress:
      'Plattformen din oppga ikke e-postadressen din, så det finnes ingen adresse å sende en test til.',
    onlyDeciders: 'Bare studieutvalgets leder eller en stedfortreder kan sende e-postene.',
    noMailServer:
      'Det er ikke satt opp noen e-postserver (SMTP_URL), så e-postene kan ikke sendes. Spør driftsansvarlig.',
    alreadyDispatched: (date) => `E-postene ble sendt den ${date}; listen kan ikke lenger endres.`,
    noCycle: 'Det finnes ennå ingen identifisering for denne perioden: del eksporten først.',
    progress: ({ period, boardName, sent, failed, pending }) =>
      `E-post for ${boardName}, ${periodName(period)}: ${number(sent)} sendt, ${number(failed)} feilet, ${number(pending)} venter.`,
    failedLine: ({ address, problem }) => `${address}: ${problem}`,
    manualFollowUp: 'Følg opp disse manuelt:',
    confirmedBy: (name) => `Sendt av ${name}.`,
    exclusionReason: {
      personal_circumstances: 'personlige forhold',
      change_of_specialisation: 'bytte av spesialisering',
      elite_athlete: 'toppidrettsutøver',
      agreed_study_plan: 'avtalt studieplan',
      leave_being_registered: 'permisjon under registrering (§ 31 stk. 3)',
      other: 'annet',
    },
  };
}
