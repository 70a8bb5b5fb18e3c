import { z } from 'zod';
import { auditActorOf } from '../../../bot/audit-actor.js';
import type { BotActor, FormAction } from '../../../bot/bot-requests.js';
import { mayDecideFor, mayFollowBoard } from '../../../bot/permissions.js';
import type { InstitutionConfig, StudyBoard } from '../../../config/institution-config.js';
import type { Translator } from '../../../i18n/translator.js';
import type { FormValues } from '../../../messages/message-model.js';
import { todayIn } from '../../../shared/calendar-date.js';
import {
  type ExclusionActor,
  type ExclusionOutcome,
  excludeStudents,
  type MatchedExclusion,
  matchExclusions,
  undoExclusions,
} from '../exclusions/exclude-students.js';
import { exclusionNoteMaxLength, exclusionReasons } from '../exclusions/exclusion.js';
import type { ExclusionStore } from '../exclusions/exclusion-store.js';
import type { CycleRecord } from '../identification-store.js';
import type { ExclusionMode, ExclusionsView } from './presenters/exclusion-controls.js';
import { exclusionFieldIds, type ReviewState, reviewActions } from './review-state.js';

/** What the exclusion controls need besides the review list's own dependencies. */
export interface ExclusionDependencies {
  readonly config: InstitutionConfig;
  readonly exclusions: ExclusionStore;
  readonly now: () => Date;
}

/** What became of a click on "Exclude selected" or "Undo exclusion", for the list to show. */
export type ExclusionDecision =
  /** Done, refused for a board person who does not decide, or the list is read-only now: the list again, with these notices. */
  | { readonly kind: 'notices'; readonly notices: readonly string[] }
  /** What the chair filled in does not do: said under the fields. */
  | { readonly kind: 'errors'; readonly errors: Readonly<Record<string, string>> }
  /** Someone who may not see the list at all: refused without showing it. */
  | { readonly kind: 'refused' }
  | { readonly kind: 'out_of_date' };

export function isExclusionAction(actionId: string): boolean {
  return actionId === reviewActions.exclude || actionId === reviewActions.undoExclusion;
}

/**
 * Spec step 3 from the review list: the chair or a delegate excludes the
 * chosen students with a reason, or undoes exclusions. The core checks the
 * permission, the cycle and the input; anyone else is refused there (and
 * audited, without personal data) and nothing changes.
 */
export async function decideExclusion(
  deps: ExclusionDependencies,
  reader: Translator,
  actor: BotActor,
  board: StudyBoard,
  state: ReviewState,
  action: FormAction,
): Promise<ExclusionDecision> {
  const { t } = reader;
  const who: ExclusionActor = { email: actor.email, actor: auditActorOf(actor) };
  const target = { board, period: state.period };
  const excluding = action.actionId === reviewActions.exclude;
  const reason = textOf(action.values[exclusionFieldIds.reason]);
  const outcome: ExclusionOutcome = excluding
    ? await excludeStudents(
        deps.exclusions,
        who,
        { ...target, studentNumbers: chosenOf(action.values[exclusionFieldIds.students]) },
        { reason, note: textOf(action.values[exclusionFieldIds.note]) },
        deps.now(),
      )
    : await undoExclusions(deps.exclusions, who, {
        ...target,
        studentNumbers: chosenOf(action.values[exclusionFieldIds.undo]),
      });
  switch (outcome.kind) {
    case 'excluded': {
      const reasonLabel = t.exclusions.reason[z.enum(exclusionReasons).parse(reason)];
      const notices = [
        t.exclusions.excluded({
          added: outcome.added,
          reason: reasonLabel,
          alreadyExcluded: outcome.alreadyExcluded,
        }),
      ];
      // § 31 stk. 2: the university must contact a student this far behind; excluding her is named again at dispatch.
      if (outcome.mandatoryContact > 0) {
        notices.push(
          t.exclusions.mandatoryContactExcluded({
            count: outcome.mandatoryContact,
            months: deps.config.thresholds.mandatoryContactMonths,
          }),
        );
      }
      return { kind: 'notices', notices };
    }
    case 'undone':
      return { kind: 'notices', notices: [t.exclusions.undone(outcome.removed)] };
    case 'refused':
      switch (outcome.reason) {
        case 'not_allowed':
          // The secretary and managers see the list, and are told; anyone else sees nothing of it.
          return mayFollowBoard(actor.email, board, deps.config)
            ? { kind: 'notices', notices: [t.exclusions.refused] }
            : { kind: 'refused' };
        case 'dispatched':
          // The list shows it read-only now, with the date the mails were sent.
          return { kind: 'notices', notices: [] };
        case 'no_cycle':
          return { kind: 'out_of_date' };
      }
      break;
    case 'invalid': {
      const fieldOf = {
        students: excluding ? exclusionFieldIds.students : exclusionFieldIds.undo,
        reason: exclusionFieldIds.reason,
        note: exclusionFieldIds.note,
      } as const;
      const errors: Record<string, string> = {};
      for (const [field, problem] of Object.entries(outcome.problems)) {
        if (problem)
          errors[fieldOf[field as keyof typeof fieldOf]] = t.exclusions.problem(
            problem,
            exclusionNoteMaxLength,
          );
      }
      return { kind: 'errors', errors };
    }
  }
  return { kind: 'out_of_date' };
}

/**
 * The exclusions part of a page: what the person may do, the period's
 * exclusions matched against the cycle as it is now (a re-import may have
 * left some without their student), and what the last click did.
 */
export async function exclusionsView(
  deps: ExclusionDependencies,
  actor: BotActor,
  board: StudyBoard,
  cycle: CycleRecord,
  notices: readonly string[],
): Promise<Omit<ExclusionsView, 'shown'>> {
  const timeZone = deps.config.institution.timeZone;
  const mode: ExclusionMode =
    cycle.status !== 'draft'
      ? {
          kind: 'dispatched',
          sentOn: cycle.mailsSentAt === null ? null : todayIn(timeZone, cycle.mailsSentAt),
        }
      : mayDecideFor(actor.email, board)
        ? { kind: 'decide' }
        : { kind: 'read_only' };
  const matched = await matchExclusions(deps.exclusions, board.code, { term: cycle.term, year: cycle.year });
  return { mode, matched, notices, timeZone };
}

/** The Excluded category filtered like the list (programme, search) and cut to the page. */
export function excludedMatching(
  matched: readonly MatchedExclusion[],
  filter: { readonly programme: string | null; readonly search: string | null },
): MatchedExclusion[] {
  const search = filter.search === null ? null : folded(filter.search);
  return matched.filter(({ exclusion, now }) => {
    const student = now ?? exclusion.snapshot;
    if (filter.programme !== null && student.programmeCode !== filter.programme) return false;
    if (search === null) return true;
    return folded(student.name).includes(search) || folded(exclusion.studentNumber).includes(search);
  });
}

/** As the list's search folds (src/storage/prisma-review-queries.ts): case and accents ignored. */
function folded(text: string): string {
  return text
    .normalize('NFD')
    .replaceAll(/\p{M}/gu, '')
    .replaceAll(/[æÆ]/g, 'a')
    .replaceAll(/[øØ]/g, 'o')
    .toLowerCase();
}

const chosenSchema = z
  .union([z.array(z.string().max(100)).max(200), z.string().max(100), z.null()])
  .optional();
const textSchema = z.union([z.string(), z.null()]).optional();

/** The students chosen in a multiselect, as the surface gave them (a list; a lone string on some). */
function chosenOf(value: FormValues[string] | undefined): string[] {
  const parsed = chosenSchema.safeParse(value);
  if (!parsed.success || parsed.data === undefined || parsed.data === null) return [];
  return typeof parsed.data === 'string' ? [parsed.data] : parsed.data;
}

function textOf(value: FormValues[string] | undefined): string | null {
  const parsed = textSchema.safeParse(value);
  return parsed.success ? (parsed.data ?? null) : null;
}
