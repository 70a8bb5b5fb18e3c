import type { LocaleFormat } from '../../../i18n/locale-format.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { MailLanguage } from '../mail/mail-placeholders.js';
import type { DispatchTemplate, DispatchTexts } from './dispatch-texts.js';

const mailName: Readonly<Record<DispatchTemplate, string>> = {
  yellow: 'Yellow mail (§ 31 stk. 1)',
  red: 'Red mail (§ 31 stk. 2)',
};
const mailLanguageName: Readonly<Record<MailLanguage, string>> = { da: 'Danish', en: 'English' };

/** The dispatch of the § 31 mails in English. */
export function englishDispatch(
  format: LocaleFormat,
  periodName: (period: IdentificationPeriod) => string,
): DispatchTexts {
  const { number, plural } = format;
  const students = (count: number) =>
    plural(count, { one: `${number(count)} student`, other: `${number(count)} students` });
  const templateName = ({ template, language }: { template: DispatchTemplate; language: MailLanguage }) =>
    `${mailName[template]}, ${mailLanguageName[language]}`;
  return {
    formTitle: 'Send the mails',
    heading: ({ period, boardName }) => `Mails to at-risk students – ${periodName(period)} – ${boardName}`,
    openButton: 'Prepare the mails',
    commandDescription: 'Preview and send the § 31 mails to the yellow and red students',
    cancelButton: 'Close',
    sendButton: (mails) => plural(mails, { one: 'Send 1 mail', other: `Send ${number(mails)} mails` }),
    templateName,
    recipientsHeading: 'Who gets which mail',
    students,
    noRecipients: 'No student gets a mail: nobody red or yellow with an e-mail address is left.',
    withoutEmail: ({ count, names }) =>
      `Without an e-mail address (${number(count)}), follow them up yourself: ${names}`,
    excludedHeading: 'Excluded, with the reason given',
    excludedLine: ({ name, studentNumber, reason, note }) =>
      `${name} (${studentNumber}): ${reason}${note ? `, “${note}”` : ''}`,
    noExclusions: 'Nobody is excluded.',
    mandatoryContactExcluded: ({ count, names }) =>
      `${plural(count, { one: '1 excluded student is', other: `${number(count)} excluded students are` })} more than 12 months delayed: ${names}. Under § 31 stk. 2 the university must offer them a meeting. Confirm below that they are excluded on purpose.`,
    confirmMandatoryLabel: 'I confirm these students are excluded on purpose',
    confirmMandatoryRequired:
      'Confirm the exclusion of the students more than 12 months delayed, or undo it in the review list.',
    sampleHeading: 'What the students will read',
    sampleSubject: (subject) => `Subject: ${subject}`,
    testButton: (params) => `Send me a test: ${templateName(params)}`,
    testSent: ({ address, ...params }) => `Test sent to ${address}: ${templateName(params)}.`,
    testFailed: (reason) => `The test mail could not be sent: ${reason}`,
    testNeedsAddress: 'Your platform did not give your e-mail address, so there is nowhere to send a test.',
    onlyDeciders: 'Only the chair or a delegate of the study board can send the mails.',
    noMailServer: 'No mail server is set up (SMTP_URL), so the mails cannot be sent. Ask the operator.',
    alreadyDispatched: (date) => `The mails were sent on ${date}; the list can no longer change.`,
    noCycle: 'There is no identification for this period yet: share the export first.',
    progress: ({ period, boardName, sent, failed, pending }) =>
      `Mails for ${boardName}, ${periodName(period)}: ${number(sent)} sent, ${number(failed)} failed, ${number(pending)} waiting.`,
    failedLine: ({ address, problem }) => `${address}: ${problem}`,
    manualFollowUp: 'Follow these up by hand:',
    confirmedBy: (name) => `Sent by ${name}.`,
    exclusionReason: {
      personal_circumstances: 'personal circumstances',
      change_of_specialisation: 'change of specialisation',
      elite_athlete: 'elite athlete',
      agreed_study_plan: 'agreed study plan',
      leave_being_registered: 'leave being registered (§ 31 stk. 3)',
      other: 'other',
    },
  };
}
