import type { TaskModuleResponse } from '@microsoft/teams.api';
import type { Form } from '../../../messages/message-model.js';
import type { AdaptiveCard } from '../adaptive-card/index.js';

/** The dialog shows this card (task module "continue"). */
export function dialogCard(
  title: string,
  card: AdaptiveCard,
  size: 'medium' | 'large' = 'medium',
): TaskModuleResponse {
  return {
    task: {
      type: 'continue',
      value: {
        title,
        width: size,
        height: size,
        card: { contentType: 'application/vnd.microsoft.card.adaptive', content: card },
      },
    },
  };
}

/** The dialog shows a short text instead of a card (task module "message"). */
export function dialogMessage(text: string): TaskModuleResponse {
  return { task: { type: 'message', value: text } };
}

/** A form's dialog: a form that shows content (a list, a table) gets Teams' large dialog, an ordinary one the medium. */
export function formDialog(form: Form, card: AdaptiveCard): TaskModuleResponse {
  return dialogCard(form.title, card, (form.blocks ?? []).length > 0 ? 'large' : 'medium');
}
