import type { Language } from '../../../../i18n/languages.js';
import type { SurfaceName } from '../../../../surfaces/chat-surface.js';
import type { DeviationsConfig } from '../../deviation-config.js';

/**
 * The procedure's command as the reader types it on her platform: `/avvik
 * status` on Slack and the console, `@Trafiklys avvik status` on Teams (Teams
 * has no slash commands for bots). The name is the reader's language's;
 * every configured name works for everybody.
 */
export function deviationCommandAsTyped(
  surface: SurfaceName,
  section: DeviationsConfig,
  language: Language,
  words = '',
): string {
  const name = section.commandNames[language];
  const typed = surface === 'teams' ? `@Trafiklys ${name}` : `/${name}`;
  return words === '' ? typed : `${typed} ${words}`;
}
