import type { StudyBoard } from '../../../config/institution-config.js';
import type { ExclusionActor, MatchedExclusion } from '../exclusions/exclude-students.js';
import { decidesFor, matchExclusions } from '../exclusions/exclude-students.js';
import type { ExclusionStore } from '../exclusions/exclusion-store.js';
import type { IdentificationPeriod } from '../identification-period.js';
import type { CycleRecord } from '../identification-store.js';
import type { BoardMailTemplates, StudentMail } from '../mail/mail-templates.js';
import type { DispatchRecipient, DispatchStore } from './dispatch-store.js';
import type { AtRiskMailDraft, AtRiskMailOutbox, AtRiskMailTemplate } from './outbox-mail.js';

/** What a dispatch of one board's cycle will do, before anyone confirms it. */
export interface DispatchPlan {
  readonly cycle: CycleRecord;
  /** Each student with an address, and the template her category gives her. */
  readonly mails: readonly { readonly recipient: DispatchRecipient; readonly template: AtRiskMailTemplate }[];
  /** Red and yellow students without an address: the chair follows them up by hand. */
  readonly withoutEmail: readonly DispatchRecipient[];
  /** The period's exclusions, each with the student as the cycle holds her now (null: no longer at risk). */
  readonly excluded: readonly MatchedExclusion[];
  /**
   * § 31 stk. 2: excluded students more than 12 months delayed, whom the
   * university must otherwise contact. Named again at dispatch; the chair
   * confirms she means it.
   */
  readonly excludedMandatoryContact: readonly MatchedExclusion[];
  /** Recipients per template and language, e.g. red/da 12. */
  readonly groups: readonly {
    readonly template: AtRiskMailTemplate;
    readonly language: 'da' | 'en';
    readonly count: number;
  }[];
}

export interface DispatchStores {
  readonly dispatch: DispatchStore;
  readonly exclusions: ExclusionStore;
}

export type DispatchRefusal = 'not_allowed' | 'no_cycle';

/**
 * Spec step 4: yellow students get the § 31 stk. 1 mail, red ones the § 31
 * stk. 2 offer of a meeting; excluded students get none; the home board's
 * side-subject students are the side-subject board's to mail.
 */
export async function planDispatch(
  stores: DispatchStores,
  board: StudyBoard,
  period: IdentificationPeriod,
): Promise<
  | { readonly kind: 'plan'; readonly plan: DispatchPlan }
  | { readonly kind: 'refused'; readonly reason: 'no_cycle' }
> {
  const cycle = await stores.dispatch.findCycle(board.code, period);
  if (!cycle) return { kind: 'refused', reason: 'no_cycle' };
  const [recipients, excluded] = await Promise.all([
    stores.dispatch.recipientsOf(cycle.id),
    matchExclusions(stores.exclusions, board.code, period),
  ]);
  const excludedNumbers = new Set(excluded.map(({ exclusion }) => exclusion.studentNumber));
  const contacted = recipients.filter((recipient) => !excludedNumbers.has(recipient.studentNumber));
  const mails = contacted
    .filter((recipient) => recipient.email !== null)
    .map((recipient) => ({ recipient, template: recipient.category }));
  const groups = new Map<string, { template: AtRiskMailTemplate; language: 'da' | 'en'; count: number }>();
  for (const { recipient, template } of mails) {
    const key = `${template}/${recipient.language}`;
    const group = groups.get(key) ?? { template, language: recipient.language, count: 0 };
    group.count += 1;
    groups.set(key, group);
  }
  return {
    kind: 'plan',
    plan: {
      cycle,
      mails,
      withoutEmail: contacted.filter((recipient) => recipient.email === null),
      excluded,
      excludedMandatoryContact: excluded.filter(
        ({ exclusion, now }) => (now ?? exclusion.snapshot).mandatoryContact,
      ),
      groups: [...groups.values()].sort(
        (a, b) => b.template.localeCompare(a.template) || a.language.localeCompare(b.language),
      ),
    },
  };
}

/** One rendered sample per template and language the plan sends, for the chair's preview. */
export function sampleMails(plan: DispatchPlan, templates: BoardMailTemplates): StudentMail[] {
  return plan.groups.flatMap((group) => {
    const first = plan.mails.find(
      ({ recipient, template }) => template === group.template && recipient.language === group.language,
    );
    return first ? [templates.compose(group.template, mailStudentOf(first.recipient))] : [];
  });
}

export type DispatchOutcome =
  | {
      readonly kind: 'queued';
      readonly plan: DispatchPlan;
      /** Mails queued by this confirmation; 0 when a dispatch is resumed after a crash. */
      readonly newlyQueued: number;
      /** The cycle was dispatched before: its mails are queued again where missing, and sent. */
      readonly resumed: boolean;
    }
  | { readonly kind: 'needs_confirmation'; readonly plan: DispatchPlan }
  | { readonly kind: 'refused'; readonly reason: DispatchRefusal };

export interface DispatchDependencies extends DispatchStores {
  readonly outbox: AtRiskMailOutbox;
  readonly templates: BoardMailTemplates;
  /** The domain of SMTP_FROM: Message-IDs are `<uuid@domain>`. */
  readonly messageIdDomain: string;
  readonly now: () => Date;
}

/**
 * The chair confirms: the cycle becomes dispatched (no exclusion lands after
 * it, a re-import is refused) and each mail is queued once, rendered, with
 * its Message-ID; the outbox sends them. Confirming again, after a crash,
 * queues only what is missing. Only the chair or a delegate dispatches.
 */
export async function confirmDispatch(
  dependencies: DispatchDependencies,
  who: ExclusionActor,
  target: { readonly board: StudyBoard; readonly period: IdentificationPeriod },
  options: { readonly mandatoryContactExclusionsConfirmed: boolean },
): Promise<DispatchOutcome> {
  const { board, period } = target;
  if (!decidesFor(who, board)) {
    await dependencies.dispatch.recordAudit({
      actor: who.actor,
      action: 'dispatch.refused',
      boardCode: board.code,
      cycleId: null,
      details: { period: `${period.term}-${period.year}` },
    });
    return { kind: 'refused', reason: 'not_allowed' };
  }
  const planned = await planDispatch(dependencies, board, period);
  if (planned.kind === 'refused') return planned;
  const { plan } = planned;
  const resumed = plan.cycle.status !== 'draft';
  if (!resumed) {
    // § 31 stk. 2: the duty to contact these students is the university's; the chair says she means it.
    if (plan.excludedMandatoryContact.length > 0 && !options.mandatoryContactExclusionsConfirmed)
      return { kind: 'needs_confirmation', plan };
    const now = dependencies.now();
    const marked = await dependencies.dispatch.markDispatched(
      plan.cycle.id,
      {
        actor: who.actor,
        action: 'dispatch.confirmed',
        boardCode: board.code,
        cycleId: plan.cycle.id,
        details: {
          period: `${period.term}-${period.year}`,
          mails: plan.mails.length,
          withoutEmail: plan.withoutEmail.length,
          excluded: plan.excluded.length,
          mandatoryContactExcluded: plan.excludedMandatoryContact.length,
        },
      },
      now,
    );
    // Another confirmation won the race: its exclusions are final as well, so the same plan stands.
    if (!marked) return confirmDispatch(dependencies, who, target, options);
  }
  const drafts: AtRiskMailDraft[] = plan.mails.map(({ recipient, template }) => {
    const mail = dependencies.templates.compose(template, mailStudentOf(recipient));
    return {
      cycleId: plan.cycle.id,
      studentId: recipient.studentId,
      template,
      recipient: recipient.email ?? '',
      language: mail.language,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    };
  });
  const newlyQueued = await dependencies.outbox.enqueue(drafts, {
    messageIdDomain: dependencies.messageIdDomain,
    now: dependencies.now(),
  });
  return { kind: 'queued', plan, newlyQueued, resumed };
}

function mailStudentOf(recipient: DispatchRecipient) {
  return {
    name: recipient.name,
    programmeName: recipient.programmeName,
    language: recipient.language,
    ectsBehind: recipient.ectsBehind,
    delayMonths: recipient.delayMonths,
  };
}
