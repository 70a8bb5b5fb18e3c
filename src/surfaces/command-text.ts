import type { SurfaceName } from './chat-surface.js';

/**
 * A Trafiklys command as a person types it on a platform: a slash command on
 * Slack and the console, a mention of the bot on Teams (Teams has no slash
 * commands for bots).
 */
export function commandAsTyped(surface: SurfaceName, words: string): string {
  return surface === 'teams' ? `@Trafiklys ${words}` : `/trafiklys ${words}`;
}
