/**
 * Errors of the Teams surface carry a stable code, so the caller (a job that
 * posts a board's reminder, a test) can tell "the bot is not in that channel"
 * from "Teams is down" without reading the message.
 */
export type TeamsErrorCode =
  /** The configured channel has no stored conversation reference: the app was not added to its team. */
  | 'teams.channel_not_installed'
  /** No roster of any conversation the bot is in has that e-mail address. */
  | 'teams.user_not_found'
  /** An update for a conversation the bot has no reference for. */
  | 'teams.conversation_unknown'
  /** The connector refused the call, or kept refusing after the retries. */
  | 'teams.connector_failed'
  /** The login endpoint gave the bot no token for the connector (a wrong secret, an unreachable endpoint). */
  | 'teams.token_failed';

export class TeamsSurfaceError extends Error {
  constructor(
    readonly code: TeamsErrorCode,
    message: string,
    options?: { readonly cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TeamsSurfaceError';
  }
}

export function isTeamsSurfaceError(error: unknown): error is TeamsSurfaceError {
  return error instanceof TeamsSurfaceError;
}
