import type { BotReply } from '../../../bot/bot-requests.js';
import type { ModuleRequest } from '../../../bot/procedure-module.js';
import { plain, privately } from '../../../bot/replies.js';
import type { Translator } from '../../../i18n/translator.js';
import type { DeviationDependencies } from '../deviation-dependencies.js';
import { statisticsMessage } from '../presenters/stats/statistics-message.js';
import { askForStatistics } from '../use-cases/stats/ask-for-statistics.js';
import type { StatsArgumentProblem } from '../use-cases/stats/stats-arguments.js';
import { maxPeriodMonths } from '../use-cases/stats/stats-period.js';
import type { DeviationChatPart } from './deviation-chat-part.js';

/** `/avvik statistikk [faculty] [period]`: the statistics, privately, to those who may see them. */
export function statsChat(dependencies: DeviationDependencies): DeviationChatPart {
  return {
    subcommands: [
      {
        words: { nb: 'statistikk', da: 'statistik', en: 'stats' },
        describe: (reader) => reader.t.deviations.stats.subcommandDescription,
        run: (request, rest) => showStatistics(dependencies, request, rest),
      },
    ],
  };
}

async function showStatistics(
  dependencies: DeviationDependencies,
  request: ModuleRequest,
  rest: string,
): Promise<BotReply> {
  const { reader } = request;
  const stats = reader.t.deviations.stats;
  const answer = await askForStatistics(dependencies, request.actor.email, rest.split(/\s+/));
  switch (answer.kind) {
    case 'not_allowed':
      return privately(plain(stats.notAllowed));
    case 'not_allowed_for':
      return privately(plain(stats.notAllowedFor({ faculty: answer.facultyCode })));
    case 'choose_faculty':
      return privately(plain(stats.chooseFaculty({ faculties: answer.faculties })));
    case 'problem':
      return privately(plain(problemText(reader, answer.problem)));
    case 'statistics':
      return privately(await statisticsMessage(reader, answer.report.statistics, dependencies.config));
  }
}

function problemText(reader: Translator, problem: StatsArgumentProblem): string {
  const stats = reader.t.deviations.stats;
  const { argument } = problem;
  switch (problem.kind) {
    case 'unknown_faculty':
      return stats.unknownFaculty({ argument, known: problem.known });
    case 'too_many':
      return stats.tooManyArguments({ argument });
    case 'period':
      switch (problem.reason) {
        case 'not_a_period':
          return stats.badPeriod({ argument });
        case 'reversed':
          return stats.periodReversed({ argument });
        case 'too_long':
          return stats.periodTooLong({ argument, months: maxPeriodMonths });
      }
  }
}
