/**
 * The subset of Adaptive Cards 1.5 this renderer emits (adaptivecards.io
 * schema explorer), plus Teams' `msteams` card extension for width and
 * mentions. Optional keys are left out rather than set to undefined.
 */

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_VERSION = '1.5';

interface ElementBase {
  readonly id?: string;
  /** A line above the element: how a divider is drawn. */
  readonly separator?: true;
  readonly isVisible?: false;
}

export interface TextBlock extends ElementBase {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly style?: 'heading';
  readonly size?: 'Small' | 'Medium' | 'Large';
  readonly weight?: 'Bolder';
  readonly color?: 'Attention';
  readonly isSubtle?: true;
}

export interface Fact {
  readonly title: string;
  readonly value: string;
}

export interface FactSet extends ElementBase {
  readonly type: 'FactSet';
  readonly facts: readonly Fact[];
}

export interface TableColumnDefinition {
  readonly width: number;
  readonly horizontalCellContentAlignment?: 'Right';
}

export interface TableCell {
  readonly type: 'TableCell';
  readonly items: readonly TextBlock[];
}

export interface TableRow {
  readonly type: 'TableRow';
  readonly cells: readonly TableCell[];
}

export interface Table extends ElementBase {
  readonly type: 'Table';
  readonly columns: readonly TableColumnDefinition[];
  /** The first row is the header (`firstRowAsHeader` defaults to true). */
  readonly rows: readonly TableRow[];
}

export interface Image extends ElementBase {
  readonly type: 'Image';
  /** An https URL or a `data:image/png;base64,…` URI. */
  readonly url: string;
  readonly altText: string;
}

export interface Container extends ElementBase {
  readonly type: 'Container';
  readonly style?: 'emphasis';
  readonly items: readonly CardElement[];
}

export interface ActionExecute {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: string;
  readonly data: TeamsActionData;
  readonly style?: 'positive' | 'destructive';
}

export interface ActionToggleVisibility {
  readonly type: 'Action.ToggleVisibility';
  readonly title: string;
  readonly targetElements: readonly string[];
  readonly style?: 'positive' | 'destructive';
}

export interface ActionSubmit {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly style?: 'positive' | 'destructive';
  readonly data: TeamsSubmitData;
}

/**
 * What an Action.Submit we render carries (with the card's inputs merged in):
 * a dialog's submission; a click inside a dialog (`actionId`, and a button's
 * `actionValue`; a menu's choice comes under its action id); or, on a message,
 * a button that opens a dialog (`task/fetch`) replaying the click.
 */
export type TeamsSubmitData =
  | { readonly formId: string; readonly state?: string }
  | {
      readonly formId: string;
      readonly state?: string;
      readonly actionId: string;
      readonly actionValue?: string;
    }
  | {
      readonly msteams: { readonly type: 'task/fetch' };
      readonly trafiklysForm: {
        readonly source: 'action';
        readonly actionId: string;
        readonly value: string | null;
      };
    };

export type CardAction = ActionExecute | ActionToggleVisibility | ActionSubmit;

export interface ActionSet extends ElementBase {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

interface InputBase extends ElementBase {
  readonly id: string;
  readonly label?: string;
  readonly isRequired?: boolean;
  readonly errorMessage?: string;
}

export interface InputText extends InputBase {
  readonly type: 'Input.Text';
  readonly style?: 'Email';
  readonly isMultiline?: true;
  readonly placeholder?: string;
  readonly value?: string;
  readonly maxLength?: number;
}

export interface Choice {
  readonly title: string;
  readonly value: string;
}

export interface InputChoiceSet extends InputBase {
  readonly type: 'Input.ChoiceSet';
  /** `filtered`: a dropdown the person types into to narrow the choices (Adaptive Cards 1.5). */
  readonly style: 'compact' | 'expanded' | 'filtered';
  readonly isMultiSelect?: true;
  readonly placeholder?: string;
  readonly choices: readonly Choice[];
  /** A multiselect's values, comma-separated. */
  readonly value?: string;
}

export interface InputDate extends InputBase {
  readonly type: 'Input.Date';
  readonly placeholder?: string;
  readonly value?: string;
}

export interface InputToggle extends InputBase {
  readonly type: 'Input.Toggle';
  readonly title: string;
  readonly valueOn: 'true';
  readonly valueOff: 'false';
  readonly value: 'true' | 'false';
}

export type CardInput = InputText | InputChoiceSet | InputDate | InputToggle;

export type CardElement = TextBlock | FactSet | Table | Image | Container | ActionSet | CardInput;

/** What an Action.Execute we render carries back in `action.data` (with any card inputs merged in). */
export interface TeamsActionData {
  readonly actionId: string;
  readonly value?: string;
}

export interface MentionEntity {
  readonly type: 'mention';
  /** Exactly the `<at>…</at>` text in the card. */
  readonly text: string;
  readonly mentioned: { readonly id: string; readonly name: string };
}

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: typeof ADAPTIVE_CARD_SCHEMA;
  readonly version: typeof ADAPTIVE_CARD_VERSION;
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
  readonly msteams?: { readonly width: 'Full'; readonly entities?: readonly MentionEntity[] };
}

export interface AdaptiveCardAttachment {
  readonly contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  readonly content: AdaptiveCard;
}

/** One activity's worth of a message: a Message splits into several when Teams' size limit demands. */
export interface TeamsActivityPage {
  /** Notification text; Teams also shows it above the card. */
  readonly text: string;
  readonly attachments: readonly [AdaptiveCardAttachment];
}
