import type { DispatchPlan } from '../../procedures/at-risk/dispatch/dispatch-cycle.js';
import type { DispatchRecipient } from '../../procedures/at-risk/dispatch/dispatch-store.js';
import type { MatchedExclusion } from '../../procedures/at-risk/exclusions/exclude-students.js';
import { describePeriod } from '../../procedures/at-risk/identification-period.js';
import type { StudentMail } from '../../procedures/at-risk/mail/mail-templates.js';
import { maskCprShapes } from '../../security/cpr-shape.js';
import { textTable } from './text-table.js';

const languageNames = { da: 'Danish', en: 'English' } as const;

/** `--period spring-2026`, as the command reads it back. */
export function periodArgument(period: { readonly term: string; readonly year: number }): string {
  return `${period.term}-${period.year}`;
}

/** The command that sends this plan: with the § 31 stk. 2 confirmation when it needs one. */
export function sendCommand(boardCode: string, plan: DispatchPlan): string {
  const overdue = plan.excludedMandatoryContact.length > 0 ? ' --confirm-excluded-overdue' : '';
  return `trafiklys dispatch --board ${boardCode} --period ${periodArgument(plan.cycle)} --confirm${overdue}`;
}

/**
 * The chair's preview on the command line (issue 8 part 3): recipients per
 * template and language, one rendered sample of each, the students without
 * e-mail, the excluded ones with reasons and (§ 31 stk. 2) the excluded ones
 * the university must otherwise contact. Names and student numbers only: no
 * CPR number (and whatever is printed is masked for CPR shapes besides).
 */
export function dispatchPreview(
  boardCode: string,
  plan: DispatchPlan,
  samples: readonly StudentMail[],
): string {
  const sections: string[] = [];
  const cycle = plan.cycle;
  sections.push(
    `Dispatch of ${boardCode}, ${describePeriod(cycle)} (as of ${cycle.referenceDate}, imported from ${cycle.sourceFileName}).`,
  );
  if (plan.mails.length === 0)
    sections.push('No mail to send: no red or yellow student with an e-mail address.');
  else
    sections.push(
      `Mails to send: ${plan.mails.length}.\n\n${textTable(
        ['Template', 'Language', 'Recipients'],
        plan.groups.map((group) => [group.template, languageNames[group.language], group.count]),
      )}`,
    );
  for (const sample of samples) sections.push(sampleSection(sample));
  if (plan.withoutEmail.length > 0)
    sections.push(
      `Without e-mail (${plan.withoutEmail.length}): no mail; follow them up by hand.\n\n${recipientTable(plan.withoutEmail)}`,
    );
  sections.push(
    plan.excluded.length === 0
      ? 'Excluded: none.'
      : `Excluded (${plan.excluded.length}): no mail.\n\n${exclusionTable(plan.excluded)}`,
  );
  if (plan.excludedMandatoryContact.length > 0) sections.push(overdueSection(plan.excludedMandatoryContact));
  if (cycle.status === 'draft')
    sections.push(`Nothing is sent yet. To send: ${sendCommand(boardCode, plan)}`);
  return `${sections.map(maskCprShapes).join('\n\n')}\n`;
}

/**
 * § 31 stk. 2: the university must contact a student more than 12 months
 * delayed; an exclusion of one is named again and needs its own confirmation.
 */
export function overdueSection(excluded: readonly MatchedExclusion[]): string {
  return maskCprShapes(
    `§ 31 stk. 2: ${excluded.length} excluded ${excluded.length === 1 ? 'student is' : 'students are'} more than 12 months delayed; ` +
      'the university must otherwise offer them an individual meeting. ' +
      `Sending needs --confirm-excluded-overdue as well.\n\n${exclusionTable(excluded)}`,
  );
}

function sampleSection(sample: StudentMail): string {
  const body = sample.text
    .trimEnd()
    .split('\n')
    .map((line) => (line ? `  | ${line}` : '  |'))
    .join('\n');
  return `Sample: ${sample.template}, ${languageNames[sample.language]}\n  Subject: ${sample.subject}\n${body}`;
}

function recipientTable(recipients: readonly DispatchRecipient[]): string {
  return textTable(
    ['Student', 'Name', 'Category', 'Programme', 'Delay (months)'],
    recipients.map((recipient) => [
      recipient.studentNumber,
      recipient.name,
      recipient.category,
      recipient.programmeName,
      recipient.delayMonths,
    ]),
  );
}

function exclusionTable(excluded: readonly MatchedExclusion[]): string {
  return textTable(
    ['Student', 'Name', 'Category', 'Delay (months)', 'Reason', 'Note', 'By'],
    excluded.map(({ exclusion, now }) => {
      const student = now ?? exclusion.snapshot;
      return [
        exclusion.studentNumber,
        student.name,
        now ? student.category : `${exclusion.snapshot.category} (no longer at risk)`,
        student.delayMonths,
        exclusion.reason.replaceAll('_', ' '),
        exclusion.note ?? '–',
        exclusion.excludedBy,
      ];
    }),
  );
}
