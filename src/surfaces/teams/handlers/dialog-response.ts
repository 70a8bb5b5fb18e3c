import type { TaskModuleResponse } from '@microsoft/teams.api';
import type { AdaptiveCard } from '../adaptive-card/index.js';

/** The dialog shows this card (task module "continue"). */
export function dialogCard(title: string, card: AdaptiveCard): TaskModuleResponse {
  return {
    task: {
      type: 'continue',
      value: {
        title,
        width: 'medium',
        height: 'medium',
        card: { contentType: 'application/vnd.microsoft.card.adaptive', content: card },
      },
    },
  };
}

/** The dialog shows a short text instead of a card (task module "message"). */
export function dialogMessage(text: string): TaskModuleResponse {
  return { task: { type: 'message', value: text } };
}
