import { boardOfChannel, mayFollowBoard } from '../../../bot/permissions.js';
import type { ModuleRequest } from '../../../bot/procedure-module.js';
import type { InstitutionConfig, StudyBoard } from '../../../config/institution-config.js';
import { todayIn } from '../../../shared/calendar-date.js';
import { type IdentificationPeriod, periodOf } from '../identification-period.js';

/** A board's channel means that board; elsewhere, the boards the person follows. */
export function followedBoards({ actor, conversation, config }: ModuleRequest): StudyBoard[] {
  const channelBoard = boardOfChannel(config, conversation.surface, conversation.conversationId);
  const candidates = channelBoard ? [channelBoard] : config.boards;
  return candidates.filter((board) => mayFollowBoard(actor.email, board, config));
}

/** The identification period today falls in, in the institution's time zone. */
export function currentPeriod(config: InstitutionConfig, now: Date): IdentificationPeriod {
  return periodOf(todayIn(config.institution.timeZone, now));
}
