export type {
  AdaptiveCard,
  AdaptiveCardAttachment,
  CardElement,
  MentionEntity,
  TeamsActionData,
  TeamsActivityPage,
} from './adaptive-card-types.js';
export { renderTeamsForm, type TeamsFormContext } from './render-teams-form.js';
export { renderTeamsMessage, type TeamsRenderContext } from './render-teams-message.js';
export { readTeamsCardAction, readTeamsFormAction, readTeamsFormValues } from './teams-form-values.js';
export { escapeTeamsMarkdown } from './teams-markdown.js';
