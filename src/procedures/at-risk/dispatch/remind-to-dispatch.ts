import { type InstitutionConfig, nameIn, type StudyBoard } from '../../../config/institution-config.js';
import { translatorForLocale } from '../../../i18n/translator.js';
import type { Message } from '../../../messages/message-model.js';
import type { ChatSurface } from '../../../surfaces/chat-surface.js';
import { scopeCovers } from '../reminder/reminder-recipients.js';
import type {
  DispatchReminderKey,
  DispatchReminderStage,
  DispatchReminders,
  UndispatchedCycle,
} from './dispatch-reminders.js';

const dayMs = 24 * 60 * 60 * 1000;

/** What one run did, in counts (stored as the job's summary: no personal data). */
export interface DispatchReminderReport {
  readonly cycles: number;
  readonly posted: number;
  /** Sent before, or being sent by another instance. */
  readonly alreadyDone: number;
  /** The person is not known on a surface (no account there): nothing to send there. */
  readonly unknownOnSurface: number;
  readonly failed: number;
}

export interface RemindToDispatchDependencies {
  readonly config: InstitutionConfig;
  readonly reminders: DispatchReminders;
  readonly surfaces: readonly ChatSurface[];
  readonly now: () => Date;
}

/**
 * Spec "Board meeting": if the chair has not dispatched N days after the
 * exam-period reminder was posted in the board's channel, she gets a direct
 * message on every surface she is known on; after M days the head(s) of
 * studies whose scope covers the board are told. Each message once per
 * cycle (claimed before it is posted); a dispatched cycle is left alone.
 */
export async function remindToDispatch(
  dependencies: RemindToDispatchDependencies,
): Promise<DispatchReminderReport> {
  const { config, reminders } = dependencies;
  const { remindChairAfterDays: chairDays, tellHeadOfStudiesAfterDays: headDays } = config.dispatch;
  const report = { cycles: 0, posted: 0, alreadyDone: 0, unknownOnSurface: 0, failed: 0 };
  const firstDays = Math.min(...[chairDays, headDays].filter((days) => days !== null));
  if (!Number.isFinite(firstDays)) return report;
  const now = dependencies.now();
  const cycles = await reminders.undispatched(new Date(now.getTime() - firstDays * dayMs));
  for (const cycle of cycles) {
    const board = config.boards.find((candidate) => candidate.code === cycle.boardCode);
    if (!board) continue;
    report.cycles += 1;
    const elapsedDays = Math.floor((now.getTime() - cycle.remindedAt.getTime()) / dayMs);
    const due: { stage: DispatchReminderStage; people: readonly string[] }[] = [];
    if (chairDays !== null && elapsedDays >= chairDays) due.push({ stage: 'chair', people: [board.chair] });
    if (headDays !== null && elapsedDays >= headDays)
      due.push({ stage: 'head_of_studies', people: headsOfStudies(config, board) });
    for (const { stage, people } of due) {
      for (const email of people) {
        for (const surface of dependencies.surfaces) {
          const outcome = await remindOnce(dependencies, {
            cycle,
            board,
            stage,
            email,
            surface,
            elapsedDays,
            now,
          });
          report[outcome] += 1;
        }
      }
    }
  }
  return report;
}

function headsOfStudies(config: InstitutionConfig, board: StudyBoard): string[] {
  const emails = config.managers
    .filter((manager) => manager.role === 'head_of_studies' && scopeCovers(manager.scope, board))
    .map((manager) => manager.email);
  return [...new Set(emails)];
}

async function remindOnce(
  dependencies: RemindToDispatchDependencies,
  target: {
    readonly cycle: UndispatchedCycle;
    readonly board: StudyBoard;
    readonly stage: DispatchReminderStage;
    readonly email: string;
    readonly surface: ChatSurface;
    readonly elapsedDays: number;
    readonly now: Date;
  },
): Promise<keyof DispatchReminderReport> {
  const { cycle, stage, email, surface, now } = target;
  const person = await surface.resolveUser(email, { locale: true });
  if (!person) return 'unknownOnSurface';
  const key: DispatchReminderKey = { cycleId: cycle.cycleId, stage, surface: surface.name, recipient: email };
  if (!(await dependencies.reminders.claim(key, now))) return 'alreadyDone';
  try {
    await surface.postMessage(
      { kind: 'direct', email },
      reminderMessage(dependencies.config, target, person.locale),
    );
    await dependencies.reminders.recordPosted(key, now);
    return 'posted';
  } catch (error) {
    await dependencies.reminders.recordFailed(key, error instanceof Error ? error.message : String(error));
    return 'failed';
  }
}

function reminderMessage(
  config: InstitutionConfig,
  target: {
    readonly cycle: UndispatchedCycle;
    readonly board: StudyBoard;
    readonly stage: DispatchReminderStage;
    readonly elapsedDays: number;
  },
  locale: string | null,
): Message {
  const { cycle, board, stage } = target;
  const { t, language } = translatorForLocale(locale, config.institution.language);
  const texts = t.dispatchReminder;
  const facts = {
    boardName: nameIn(board, language),
    period: cycle.period,
    days: target.elapsedDays,
    red: cycle.red,
    yellow: cycle.yellow,
  };
  const heading = stage === 'chair' ? texts.chairHeading(facts) : texts.headOfStudiesHeading(facts);
  const body =
    stage === 'chair'
      ? texts.chairBody({
          ...facts,
          dispatchCommand: `npx trafiklys dispatch --board ${board.code} --period ${cycle.period.term}-${cycle.period.year}`,
        })
      : texts.headOfStudiesBody({ ...facts, chair: board.chair });
  return {
    fallbackText: heading,
    blocks: [
      { type: 'heading', text: heading },
      { type: 'text', content: [body] },
    ],
  };
}
