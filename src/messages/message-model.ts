/**
 * One platform-neutral model of what the bot says and asks. Procedures build
 * these; the surfaces render them (Slack Block Kit, Teams Adaptive Cards 1.5,
 * the console's HTML). Nothing here knows a platform.
 */

/** A person, always named by e-mail in the core; each surface resolves it to its own id. */
export interface PersonRef {
  readonly email: string;
  /** Shown when the surface cannot resolve the person. */
  readonly displayName: string;
}

export type Inline =
  | string
  | {
      readonly kind: 'styled';
      readonly text: string;
      readonly bold?: boolean;
      readonly italic?: boolean;
      readonly code?: boolean;
    }
  | { readonly kind: 'link'; readonly text: string; readonly url: string }
  | { readonly kind: 'mention'; readonly person: PersonRef };

/** A paragraph of inline pieces; '\n' inside a string is a line break. */
export type RichText = readonly Inline[];

export interface ButtonElement {
  readonly type: 'button';
  /** Routes the click back to the core: `<procedure>.<action>`, e.g. `at-risk.review`. */
  readonly actionId: string;
  readonly label: string;
  /** Opaque to the surface; at most 2,000 characters (Slack's limit). */
  readonly value?: string;
  readonly style?: 'primary' | 'danger';
  readonly confirm?: Confirmation;
  /**
   * The click is answered with a form. Slack and the console open any form a
   * click answers with; Teams can only open a dialog from a button made for
   * it (a Universal Action cannot), so there the button opens the dialog
   * directly instead of posting a card with an Open button.
   */
  readonly opensForm?: true;
}

export interface Confirmation {
  readonly title: string;
  readonly text: string;
  readonly confirmLabel: string;
  readonly denyLabel: string;
}

export interface SelectOption {
  readonly label: string;
  readonly value: string;
}

export interface SelectElement {
  readonly type: 'select';
  readonly actionId: string;
  readonly placeholder: string;
  readonly options: readonly SelectOption[];
  readonly initialValue?: string;
}

export type ActionElement = ButtonElement | SelectElement;

export interface TableColumn {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

export type Block =
  | { readonly type: 'heading'; readonly text: string }
  | { readonly type: 'text'; readonly content: RichText }
  /** Label/value pairs, e.g. counts per category. */
  | {
      readonly type: 'facts';
      readonly facts: readonly { readonly label: string; readonly value: RichText }[];
    }
  | {
      readonly type: 'table';
      readonly columns: readonly TableColumn[];
      readonly rows: readonly (readonly string[])[];
    }
  /** An image the core produced (a chart): PNG bytes, shown by each surface in its own way. */
  | { readonly type: 'image'; readonly image: ImageRef; readonly altText: string; readonly title?: string }
  /**
   * A file posted with the message (the board-meeting pack's PDF): Slack
   * uploads it into the channel; Teams (whose bots cannot attach files in a
   * channel) and the console link to a copy the bot serves.
   */
  | { readonly type: 'file'; readonly file: FileRef }
  | { readonly type: 'actions'; readonly elements: readonly ActionElement[] }
  /** Small print under a message. */
  | { readonly type: 'context'; readonly content: RichText }
  | { readonly type: 'divider' };

/** A PNG the core made; `id` is stable for the same bytes (sha256), so surfaces may cache uploads. */
export interface ImageRef {
  readonly id: string;
  readonly png: Uint8Array;
  readonly width: number;
  readonly height: number;
}

/**
 * A file the core made. `id` is random and unguessable (newFileRef): where a
 * surface serves the file by link, the id is the link's only key.
 */
export interface FileRef {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  /** Shown beside the file (the link text on Teams and the console). */
  readonly title: string;
  readonly bytes: Uint8Array;
}

export interface Message {
  /** Plain text for notifications, screen readers and platforms that show no blocks. */
  readonly fallbackText: string;
  readonly blocks: readonly Block[];
}

export type FormFieldKind = 'text' | 'multiline' | 'select' | 'multiselect' | 'user' | 'date' | 'checkbox';

export interface FormField {
  /** Key of the value in the submission. */
  readonly id: string;
  readonly kind: FormFieldKind;
  readonly label: string;
  readonly hint?: string;
  readonly placeholder?: string;
  readonly optional?: boolean;
  /** select, multiselect */
  readonly options?: readonly SelectOption[];
  /** text/multiline/date (YYYY-MM-DD)/select: a string; multiselect: strings; checkbox: boolean; user: an e-mail */
  readonly initialValue?: string | readonly string[] | boolean;
  readonly maxLength?: number;
  /**
   * select only: a long list the person narrows by typing (a programme or
   * course out of hundreds). Slack's menus in a modal filter as you type
   * anyway; Teams shows a filtered ChoiceSet; the console a filter box above
   * the list.
   */
  readonly searchable?: true;
}

/**
 * A modal (Slack), a task-module/dialog card (Teams), a dialog (console).
 *
 * Besides its fields a form may show `blocks`: content above the fields (or
 * instead of them), read-only except for `actions` blocks, whose buttons and
 * menus act inside the open form (`BotRequests.formAction`): the answer
 * replaces the form in place, so a form can page, filter and refresh itself.
 * A form shows no images (it is kept open as JSON, without picture bytes).
 */
export interface Form {
  /** Routes the submission back to the core, like an action id. */
  readonly formId: string;
  /** Short: Slack shows at most 24 characters (a heading block can say more). */
  readonly title: string;
  readonly submitLabel: string;
  readonly cancelLabel: string;
  /** Opaque state carried through the round trip (e.g. the cycle id). */
  readonly state?: string;
  readonly intro?: RichText;
  /** Shown after the intro and above the fields; see the interface's comment. */
  readonly blocks?: readonly Block[];
  readonly fields: readonly FormField[];
  /** Validation errors to show next to fields, by field id, after a rejected submission. */
  readonly errors?: Readonly<Record<string, string>>;
}

/** What a submitted form carries, per field id. */
export type FormValues = Readonly<Record<string, string | readonly string[] | boolean | null>>;
