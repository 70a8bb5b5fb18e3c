import type { SurfaceName } from '../surfaces/chat-surface.js';

/** The bot's own command: `/trafiklys …` on Slack and the console, `@Trafiklys …` on Teams. */
export const mainCommandName = 'trafiklys';

/**
 * A Trafiklys command as a person types it on a platform: a slash command on
 * Slack and the console, a mention of the bot on Teams (Teams has no slash
 * commands for bots).
 */
export function commandAsTyped(surface: SurfaceName, words: string): string {
  return surface === 'teams' ? `@Trafiklys ${words}` : `/${mainCommandName} ${words}`;
}
