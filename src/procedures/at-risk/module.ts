import type { ModuleEnvironment, ProcedureModuleFactory } from '../../bot/module-environment.js';
import type { ModuleRequest, ProcedureModule } from '../../bot/procedure-module.js';
import type { InstitutionConfig } from '../../config/institution-config.js';
import type { Translator } from '../../i18n/translator.js';
import type { AnyJob } from '../../scheduling/scheduled-job.js';
import { CodedError } from '../../shared/coded-error.js';
import { PrismaDispatch } from '../../storage/prisma-dispatch.js';
import { PrismaDispatchReminders } from '../../storage/prisma-dispatch-reminders.js';
import { PrismaExclusions } from '../../storage/prisma-exclusions.js';
import { PrismaReminderDeliveries } from '../../storage/prisma-reminder-deliveries.js';
import { afterDispatchSweepJob } from './after-dispatch/after-dispatch-sweep.js';
import { afterDispatchWork } from './after-dispatch/after-dispatch-work.js';
import { boardStatus } from './chat/board-status.js';
import type { AtRiskChatDependencies } from './chat/chat-dependencies.js';
import { dispatchButton, dispatchCommand, dispatchFormAction, submitDispatch } from './chat/dispatch-flow.js';
import { remindNow } from './chat/remind-now.js';
import { sharedExportHandler } from './chat/shared-export.js';
import { atRiskCommandWords } from './command-words.js';
import { atRiskConfigSection } from './config-section.js';
import { dispatchFormId, dispatchOpenActionId } from './dispatch/presenters/dispatch-preview.js';
import type { IdentificationPeriod } from './identification-period.js';
import { sharedExportImporter } from './import-shared-export.js';
import { dispatchReminderJob } from './jobs/dispatch-reminder-job.js';
import { reminderJobs } from './jobs/exam-period-reminder-job.js';
import { importFolderHealth, importFolderJob } from './jobs/import-folder-job.js';
import { MailTemplates } from './mail/mail-templates.js';
import { ReminderMessageComposer, reviewActionId } from './reminder/presenters/reminder-message.js';
import { sendExamPeriodReminders } from './reminder/send-exam-period-reminders.js';
import { tellSecretariesReminderFailed } from './reminder/tell-secretaries.js';
import { reviewFormId } from './review/review-state.js';
import {
  openReview,
  reviewFormAction,
  reviewSearchSubmitted,
  reviewTargetOf,
} from './review/review-students.js';

/** Action and form ids of the at-risk procedure start with this (`at-risk.review`). */
const prefix = 'at-risk.';

/**
 * The at-risk procedure's chat side (Aalborg University, § 31): `remind now`,
 * `status`, `dispatch`, the reminder's "Review students" button with its view
 * (exclusions), the mails' preview and shared exports. The bot routes to it;
 * the same procedure's jobs are added by `atRisk.create`.
 */
export function atRiskChat(
  dependencies: AtRiskChatDependencies,
  extras: Pick<ProcedureModule, 'jobs' | 'healthChecks'> = { jobs: [] },
): ProcedureModule {
  const { dispatch } = dependencies;
  const reviewDependencies = ({ config }: { readonly config: InstitutionConfig }) => ({
    config,
    storage: dependencies.storage,
    exclusions: dependencies.exclusions,
    now: dependencies.now,
  });
  return {
    name: 'at-risk',
    actionPrefix: prefix,
    formPrefix: prefix,
    commands: [
      {
        words: atRiskCommandWords.remindNow,
        describe: (reader) => reader.t.commands.description.remindNow,
        run: (request) => remindNow(dependencies, request),
      },
      {
        words: atRiskCommandWords.status,
        describe: (reader) => reader.t.commands.description.status,
        run: (request) => boardStatus(dependencies, request),
      },
      ...(dispatch
        ? [
            {
              words: atRiskCommandWords.dispatch,
              describe: (reader: Translator) => reader.t.dispatch.commandDescription,
              run: (request: ModuleRequest) => dispatchCommand(dispatch, request),
            },
          ]
        : []),
    ],
    async action(request, action) {
      if (action.actionId === reviewActionId)
        return openReview(reviewDependencies(request), request.actor, reviewTargetOf(action.value));
      if (dispatch && action.actionId === dispatchOpenActionId)
        return dispatchButton(dispatch, request, action.value);
      return null;
    },
    async submitForm(request, submission) {
      // The review list's submit button is its search.
      if (submission.formId === reviewFormId)
        return reviewSearchSubmitted(reviewDependencies(request), request.actor, submission);
      if (dispatch && submission.formId === dispatchFormId)
        return submitDispatch(dispatch, request, submission);
      return null;
    },
    async formAction(request, action) {
      if (action.formId === reviewFormId)
        return reviewFormAction(reviewDependencies(request), request.actor, action);
      if (dispatch && action.formId === dispatchFormId) return dispatchFormAction(dispatch, request, action);
      return null;
    },
    sharedFiles: sharedExportHandler(dependencies),
    ...extras,
  };
}

/**
 * The at-risk procedure as src/app lists it: its chat side, its reminder and
 * import-folder jobs. Its texts are not declared here but in `texts/`, listed
 * in src/i18n/catalogue/procedure-texts.ts: the translator needs them before
 * any module is created.
 */
export const atRisk: ProcedureModuleFactory = {
  name: 'at-risk',
  configSection: atRiskConfigSection,
  create(environment: ModuleEnvironment): ProcedureModule {
    const { config, identificationStorage: storage, cprCipher: cipher, now, metrics, surfaces } = environment;
    const deliveries = new PrismaReminderDeliveries(environment.prisma, environment.instanceId);
    const composer = new ReminderMessageComposer(
      config.institution.language,
      config.thresholds.mandatoryContactMonths,
    );
    const reminders = reminderJobs({
      config,
      async send(boardCodes, period) {
        const reports = await sendExamPeriodReminders(
          { config, storage, deliveries, surfaces, composer, now },
          { period, boardCodes },
        );
        for (const report of reports) metrics.reminderDelivery(report.surface, report.outcome);
        return reports;
      },
      tellSecretaries: (failure) => tellSecretariesReminderFailed({ config, deliveries, surfaces }, failure),
    });
    const dispatchReminders = new PrismaDispatchReminders(environment.prisma, environment.instanceId);
    // Procedure steps 6 and 7 after a dispatch: the journal and the board-meeting pack, once the mails have settled.
    const afterDispatch = afterDispatchWork(environment);
    const jobs: AnyJob[] = [
      reminders.scheduled,
      reminders.requested,
      dispatchReminderJob({ config, reminders: dispatchReminders, surfaces, now }),
      afterDispatch.job,
      afterDispatchSweepJob({
        prisma: environment.prisma,
        timeZone: config.institution.timeZone,
        request: (cycleId) => afterDispatch.request(cycleId),
      }),
    ];
    const { importFolder } = config;
    if (importFolder) jobs.push(importFolderJob({ folder: importFolder, config, storage, cipher, now }));
    // Every reminder someone asks for is a recorded run: if this instance dies
    // during it, another one finishes it.
    const remind = async (boardCodes: readonly string[], period: IdentificationPeriod) => {
      const outcome = await environment.requestRun(reminders.requested, {
        boardCodes: [...boardCodes],
        period,
      });
      if (outcome.kind === 'ran') return outcome.result.value;
      throw new CodedError(
        'reminder.failed',
        `the reminder could not be sent (${outcome.kind === 'failed' ? outcome.problem : 'not run'})`,
      );
    };
    const importShared = sharedExportImporter({ config, storage, cipher, now, metrics });
    const exclusions = new PrismaExclusions(environment.prisma, storage);
    const dispatch = {
      dispatch: new PrismaDispatch(environment.prisma, storage),
      exclusions,
      templates: MailTemplates.fromConfig(config),
      mail: environment.mail,
      surfaces,
      logger: environment.logger,
      now,
      afterDispatch: async (cycleId: string) => {
        await afterDispatch.request(cycleId);
      },
    };
    return atRiskChat(
      { storage, exclusions, remind, importShared, now, dispatch },
      { jobs, healthChecks: importFolder ? [importFolderHealth(importFolder)] : [] },
    );
  },
};
