import type { ActionElement, ButtonElement, Form, SelectElement } from '../../../messages/message-model.js';
import type {
  ActionExecute,
  ActionSet,
  ActionSubmit,
  ActionToggleVisibility,
  CardAction,
  CardElement,
  Container,
  InputChoiceSet,
} from './adaptive-card-types.js';
import { TEAMS_ACTIONS_PER_SET, TEAMS_SELECT_SUBMIT_TITLE } from './teams-limits.js';
import { escapeTeamsMarkdown } from './teams-markdown.js';

/** How one button's click is sent: the action behind its title. */
type ClickAction = (button: ButtonElement, title: string) => ActionExecute | ActionSubmit;

/** What a menu's "OK" sends; the choice itself travels under the menu's id. */
type MenuAction = (select: SelectElement) => ActionExecute | ActionSubmit;

/**
 * Buttons and menus as card elements. On a message every click is an
 * Action.Execute (the Universal Action the Teams SDK routes to `card.action`)
 * with `verb = actionId` and `data = { actionId, value }`, except a button
 * that opens a form: a Universal Action cannot open a dialog, so it is an
 * Action.Submit of type `task/fetch` whose data replays the click (see
 * handlers/dialog-open), and one click shows the dialog.
 *
 * Cards have no confirmation dialog. A button with a confirmation therefore
 * shows, instead of acting, a hidden panel under its row (Action.ToggleVisibility):
 * the title, the text, the real Action.Execute labelled with the confirm
 * label and a deny button that hides the panel again. No round trip to the
 * bot, and the deny label has a real button, as in Slack.
 */
export function actionElements(elements: readonly ActionElement[], blockIndex: number): CardElement[][] {
  return actionGroups(elements, blockIndex, messageClick, messageMenu);
}

/**
 * Buttons and menus inside a dialog: each is an Action.Submit, which Teams
 * sends as `task/submit` with the dialog's inputs merged into its data,
 * `{ formId, state, actionId, actionValue }`; a menu's choice comes under its
 * action id. The answer to `task/submit` is the dialog's next card.
 * (Adaptive Cards 1.5 checks required inputs before any Action.Submit, so
 * such a form marks no field required on the card: see render-teams-form.)
 */
export function formActionElements(
  elements: readonly ActionElement[],
  blockIndex: number,
  form: Form,
): CardElement[][] {
  const common = { formId: form.formId, ...(form.state === undefined ? {} : { state: form.state }) };
  const click: ClickAction = (button, title) => ({
    type: 'Action.Submit',
    title,
    data: {
      ...common,
      actionId: button.actionId,
      ...(button.value === undefined ? {} : { actionValue: button.value }),
    },
    ...styleOf(button.style),
  });
  const menu: MenuAction = (select) => ({
    type: 'Action.Submit',
    title: TEAMS_SELECT_SUBMIT_TITLE,
    data: { ...common, actionId: select.actionId },
  });
  return actionGroups(elements, blockIndex, click, menu);
}

function actionGroups(
  elements: readonly ActionElement[],
  blockIndex: number,
  click: ClickAction,
  menu: MenuAction,
): CardElement[][] {
  const rendered: CardElement[][] = [];
  let buttons: { readonly button: ButtonElement; readonly index: number }[] = [];
  const flushButtons = () => {
    rendered.push(...buttonRows(buttons, blockIndex, click));
    buttons = [];
  };
  elements.forEach((element, index) => {
    if (element.type === 'button') {
      buttons.push({ button: element, index });
      return;
    }
    flushButtons();
    rendered.push(selectElements(element, menu));
  });
  flushButtons();
  return rendered;
}

const messageClick: ClickAction = (button, title) =>
  button.opensForm
    ? {
        type: 'Action.Submit',
        title,
        data: {
          msteams: { type: 'task/fetch' },
          trafiklysForm: { source: 'action', actionId: button.actionId, value: button.value ?? null },
        },
        ...styleOf(button.style),
      }
    : execute(button, title);

const messageMenu: MenuAction = (select) => ({
  type: 'Action.Execute',
  title: TEAMS_SELECT_SUBMIT_TITLE,
  verb: select.actionId,
  data: { actionId: select.actionId },
});

/** Rows of at most six buttons, each row with its confirmation panels: a row and its panels stay on one card. */
function buttonRows(
  buttons: readonly { readonly button: ButtonElement; readonly index: number }[],
  blockIndex: number,
  click: ClickAction,
): CardElement[][] {
  const rows: CardElement[][] = [];
  for (let start = 0; start < buttons.length; start += TEAMS_ACTIONS_PER_SET) {
    const row = buttons.slice(start, start + TEAMS_ACTIONS_PER_SET);
    const panels: Container[] = [];
    const actions = row.map(({ button, index }): CardAction => {
      if (button.confirm === undefined) return click(button, button.label);
      const panelId = `confirm-${blockIndex}-${index}`;
      panels.push(confirmationPanel(button, panelId, click));
      return toggle(button.label, panelId, button.style);
    });
    rows.push([{ type: 'ActionSet', actions } satisfies ActionSet, ...panels]);
  }
  return rows;
}

function execute(button: ButtonElement, title: string): ActionExecute {
  return {
    type: 'Action.Execute',
    title,
    verb: button.actionId,
    data: { actionId: button.actionId, ...(button.value === undefined ? {} : { value: button.value }) },
    ...styleOf(button.style),
  };
}

function toggle(title: string, panelId: string, style: ButtonElement['style']): ActionToggleVisibility {
  return { type: 'Action.ToggleVisibility', title, targetElements: [panelId], ...styleOf(style) };
}

function confirmationPanel(button: ButtonElement, panelId: string, click: ClickAction): Container {
  const confirm = button.confirm;
  if (confirm === undefined) throw new Error(`Button "${button.actionId}" has no confirmation.`);
  return {
    type: 'Container',
    id: panelId,
    isVisible: false,
    style: 'emphasis',
    items: [
      { type: 'TextBlock', text: escapeTeamsMarkdown(confirm.title), wrap: true, weight: 'Bolder' },
      { type: 'TextBlock', text: escapeTeamsMarkdown(confirm.text), wrap: true },
      {
        type: 'ActionSet',
        actions: [click(button, confirm.confirmLabel), toggle(confirm.denyLabel, panelId, undefined)],
      },
    ],
  };
}

function styleOf(style: ButtonElement['style']): { style?: 'positive' | 'destructive' } {
  if (style === 'primary') return { style: 'positive' };
  if (style === 'danger') return { style: 'destructive' };
  return {};
}

/**
 * A menu: a compact choice set whose id is the action id, and a button that
 * sends it. The choice arrives merged into the button's data under that id
 * (`data[actionId]`); `readTeamsCardAction` reads both shapes.
 */
function selectElements(select: SelectElement, menu: MenuAction): CardElement[] {
  if (select.actionId === 'actionId' || select.actionId === 'value') {
    throw new Error(
      `Select "${select.actionId}": that action id would collide with the action's own data keys.`,
    );
  }
  if (
    select.initialValue !== undefined &&
    !select.options.some((option) => option.value === select.initialValue)
  ) {
    throw new Error(
      `Select "${select.actionId}": the initial value "${select.initialValue}" is not one of the options.`,
    );
  }
  const choices: InputChoiceSet = {
    type: 'Input.ChoiceSet',
    id: select.actionId,
    style: 'compact',
    placeholder: select.placeholder,
    choices: select.options.map((option) => ({ title: option.label, value: option.value })),
    ...(select.initialValue === undefined ? {} : { value: select.initialValue }),
  };
  return [choices, { type: 'ActionSet', actions: [menu(select)] }];
}
