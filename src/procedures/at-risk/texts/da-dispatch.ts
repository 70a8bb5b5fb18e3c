import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { MailLanguage } from '../mail/mail-placeholders.js';
import type { DispatchTemplate, DispatchTexts } from './dispatch-texts.js';

const mailName: Readonly<Record<DispatchTemplate, string>> = {
  yellow: 'Gul mail (§ 31, stk. 1)',
  red: 'Rød mail (§ 31, stk. 2)',
};
const mailLanguageName: Readonly<Record<MailLanguage, string>> = { da: 'dansk', en: 'engelsk' };

/** Udsendelsen af § 31-mails på dansk. */
export function danishDispatch(
  format: LocaleFormat,
  periodName: (period: IdentificationPeriod) => string,
): DispatchTexts {
  const { number, plural } = format;
  const students = (count: number) =>
    plural(count, { one: `${number(count)} studerende`, other: `${number(count)} studerende` });
  const templateName = ({ template, language }: { template: DispatchTemplate; language: MailLanguage }) =>
    `${mailName[template]}, ${mailLanguageName[language]}`;
  return {
    formTitle: 'Send mails',
    heading: ({ period, boardName }) => `Mails til frafaldstruede – ${periodName(period)} – ${boardName}`,
    openButton: 'Forbered mails',
    commandDescription: 'Se og send § 31-mails til de gule og røde studerende',
    cancelButton: 'Luk',
    sendButton: (mails) => plural(mails, { one: 'Send 1 mail', other: `Send ${number(mails)} mails` }),
    templateName,
    recipientsHeading: 'Hvem får hvilken mail',
    students,
    noRecipients: 'Ingen studerende får en mail: der er ingen røde eller gule med en e-mailadresse tilbage.',
    withoutEmail: ({ count, names }) => `Uden e-mailadresse (${number(count)}), følg selv op: ${names}`,
    excludedHeading: 'Frasorteret, med begrundelse',
    excludedLine: ({ name, studentNumber, reason, note }) =>
      `${name} (${studentNumber}): ${reason}${note ? `, “${note}”` : ''}`,
    noExclusions: 'Ingen er frasorteret.',
    mandatoryContactExcluded: ({ count, names }) =>
      `${plural(count, { one: '1 frasorteret studerende er', other: `${number(count)} frasorterede studerende er` })} mere end 12 måneder forsinket: ${names}. Efter § 31, stk. 2 skal universitetet tilbyde dem en samtale. Bekræft herunder, at de er frasorteret med vilje.`,
    confirmMandatoryLabel: 'Jeg bekræfter, at disse studerende er frasorteret med vilje',
    confirmMandatoryRequired:
      'Bekræft frasorteringen af de studerende, der er mere end 12 måneder forsinket, eller fortryd den i listen.',
    sampleHeading: 'Det, de studerende får at læse',
    sampleSubject: (subject) => `Emne: ${subject}`,
    testButton: (params) => `Send mig en test: ${templateName(params)}`,
    testSent: ({ address, ...params }) => `Test sendt til ${address}: ${templateName(params)}.`,
    testFailed: (reason) => `Testmailen kunne ikke sendes: ${reason}`,
    testNeedsAddress: 'Din platform oplyste ikke din e-mailadresse, så der er ingen at sende en test til.',
    onlyDeciders: 'Kun studienævnets formand eller en stedfortræder kan sende mails.',
    noMailServer: 'Der er ikke sat en mailserver op (SMTP_URL), så mails kan ikke sendes. Spørg driften.',
    alreadyDispatched: (date) => `Mails blev sendt den ${date}; listen kan ikke længere ændres.`,
    noCycle: 'Der er endnu ingen identifikation for denne periode: del udtrækket først.',
    progress: ({ period, boardName, sent, failed, pending }) =>
      `Mails for ${boardName}, ${periodName(period)}: ${number(sent)} sendt, ${number(failed)} fejlet, ${number(pending)} venter.`,
    failedLine: ({ address, problem }) => `${address}: ${problem}`,
    manualFollowUp: 'Følg op på disse i hånden:',
    confirmedBy: (name) => `Sendt af ${name}.`,
    exclusionReason: {
      personal_circumstances: 'personlige forhold',
      change_of_specialisation: 'skift af specialisering',
      elite_athlete: 'eliteidrætsudøver',
      agreed_study_plan: 'aftalt studieplan',
      leave_being_registered: 'orlov under registrering (§ 31, stk. 3)',
      other: 'andet',
    },
  };
}
