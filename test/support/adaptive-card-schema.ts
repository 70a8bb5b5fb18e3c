import { z } from 'zod';

/**
 * Adaptive Cards 1.5, as far as our renderers use it (adaptivecards.io schema
 * explorer: TextBlock, FactSet, Table/TableRow/TableCell, Image, Container,
 * ActionSet, Input.*, Action.Execute/Submit/ToggleVisibility), plus Teams'
 * `msteams` extension. Objects are strict: a misspelt property fails, as it
 * would be silently ignored by a real client. `adaptiveCardProblems` adds
 * the rules a schema cannot express: unique ids, toggles that reach an
 * element, mention entities whose text is in the card.
 */

const elementCommon = {
  id: z.string().min(1).optional(),
  separator: z.boolean().optional(),
  isVisible: z.boolean().optional(),
  spacing: z.enum(['None', 'Small', 'Default', 'Medium', 'Large', 'ExtraLarge', 'Padding']).optional(),
};

const textBlock = z.strictObject({
  type: z.literal('TextBlock'),
  text: z.string(),
  wrap: z.boolean().optional(),
  style: z.enum(['default', 'heading']).optional(),
  size: z.enum(['Small', 'Default', 'Medium', 'Large', 'ExtraLarge']).optional(),
  weight: z.enum(['Lighter', 'Default', 'Bolder']).optional(),
  color: z.enum(['Default', 'Dark', 'Light', 'Accent', 'Good', 'Warning', 'Attention']).optional(),
  isSubtle: z.boolean().optional(),
  ...elementCommon,
});

const factSet = z.strictObject({
  type: z.literal('FactSet'),
  facts: z.array(z.strictObject({ title: z.string(), value: z.string() })).min(1),
  ...elementCommon,
});

const image = z.strictObject({
  type: z.literal('Image'),
  url: z.string().regex(/^(https:\/\/|data:image\/png;base64,)/),
  altText: z.string().optional(),
  ...elementCommon,
});

const horizontalAlignment = z.enum(['Left', 'Center', 'Right']);

const actionStyle = z.enum(['default', 'positive', 'destructive']).optional();

const actionExecute = z.strictObject({
  type: z.literal('Action.Execute'),
  title: z.string().min(1),
  verb: z.string().min(1).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  style: actionStyle,
});

const actionSubmit = z.strictObject({
  type: z.literal('Action.Submit'),
  title: z.string().min(1),
  data: z.record(z.string(), z.unknown()).optional(),
  style: actionStyle,
});

const actionToggleVisibility = z.strictObject({
  type: z.literal('Action.ToggleVisibility'),
  title: z.string().min(1),
  targetElements: z.array(z.string().min(1)).min(1),
  style: actionStyle,
});

const action = z.discriminatedUnion('type', [actionExecute, actionSubmit, actionToggleVisibility]);

const inputCommon = {
  ...elementCommon,
  id: z.string().min(1),
  label: z.string().min(1).optional(),
  isRequired: z.boolean().optional(),
  errorMessage: z.string().min(1).optional(),
};

const inputText = z.strictObject({
  type: z.literal('Input.Text'),
  isMultiline: z.boolean().optional(),
  style: z.enum(['Text', 'Tel', 'Url', 'Email', 'Password']).optional(),
  placeholder: z.string().optional(),
  value: z.string().optional(),
  maxLength: z.number().int().positive().optional(),
  ...inputCommon,
});

const inputChoiceSet = z.strictObject({
  type: z.literal('Input.ChoiceSet'),
  choices: z.array(z.strictObject({ title: z.string(), value: z.string() })),
  style: z.enum(['compact', 'expanded', 'filtered']).optional(),
  isMultiSelect: z.boolean().optional(),
  placeholder: z.string().optional(),
  value: z.string().optional(),
  ...inputCommon,
});

const inputDate = z.strictObject({
  type: z.literal('Input.Date'),
  placeholder: z.string().optional(),
  value: z.iso.date().optional(),
  ...inputCommon,
});

const inputToggle = z.strictObject({
  type: z.literal('Input.Toggle'),
  title: z.string().min(1),
  value: z.string().optional(),
  valueOn: z.string().optional(),
  valueOff: z.string().optional(),
  ...inputCommon,
});

type Element = { type: string } & Record<string, unknown>;

const element: z.ZodType<Element> = z.lazy(() =>
  z.discriminatedUnion('type', [
    textBlock,
    factSet,
    image,
    container,
    actionSet,
    table,
    inputText,
    inputChoiceSet,
    inputDate,
    inputToggle,
  ]),
);

const container = z.strictObject({
  type: z.literal('Container'),
  items: z.array(element),
  style: z.enum(['default', 'emphasis', 'good', 'attention', 'warning', 'accent']).optional(),
  ...elementCommon,
});

const actionSet = z.strictObject({
  type: z.literal('ActionSet'),
  actions: z.array(action).min(1),
  ...elementCommon,
});

const tableCell = z.strictObject({ type: z.literal('TableCell'), items: z.array(element) });
const tableRow = z.strictObject({ type: z.literal('TableRow'), cells: z.array(tableCell) });

const table = z.strictObject({
  type: z.literal('Table'),
  columns: z
    .array(
      z.strictObject({
        width: z.union([z.number().positive(), z.string()]).optional(),
        horizontalCellContentAlignment: horizontalAlignment.optional(),
      }),
    )
    .optional(),
  rows: z.array(tableRow).optional(),
  firstRowAsHeader: z.boolean().optional(),
  showGridLines: z.boolean().optional(),
  ...elementCommon,
});

const mentionEntity = z.strictObject({
  type: z.literal('mention'),
  text: z.string().regex(/^<at>[^<>]*<\/at>$/),
  mentioned: z.strictObject({ id: z.string().min(1), name: z.string().min(1) }),
});

export const adaptiveCardSchema = z.strictObject({
  type: z.literal('AdaptiveCard'),
  $schema: z.literal('http://adaptivecards.io/schemas/adaptive-card.json'),
  version: z.literal('1.5'),
  body: z.array(element),
  actions: z.array(action).optional(),
  msteams: z
    .strictObject({ width: z.literal('Full').optional(), entities: z.array(mentionEntity).min(1).optional() })
    .optional(),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Everything wrong with a card: schema issues, then the cross-element rules. Empty when the card is valid. */
export function adaptiveCardProblems(card: unknown): string[] {
  const parsed = adaptiveCardSchema.safeParse(card);
  if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  const problems: string[] = [];
  const ids: string[] = [];
  const targets: string[] = [];
  const texts: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isRecord(value)) return;
    const record = value;
    if (typeof record.id === 'string') ids.push(record.id);
    if (record.type === 'Action.ToggleVisibility' && Array.isArray(record.targetElements)) {
      targets.push(...record.targetElements.filter((target): target is string => typeof target === 'string'));
    }
    if (record.type === 'TextBlock' && typeof record.text === 'string') texts.push(record.text);
    if (typeof record.title === 'string' && typeof record.value === 'string')
      texts.push(record.title, record.value);
    for (const [key, child] of Object.entries(record)) if (key !== 'msteams') visit(child);
  };
  visit(parsed.data.body);
  visit(parsed.data.actions ?? []);
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`duplicate id "${id}"`);
    seen.add(id);
  }
  for (const target of targets)
    if (!seen.has(target)) problems.push(`toggle target "${target}" is not in the card`);
  for (const entity of parsed.data.msteams?.entities ?? []) {
    if (!texts.some((text) => text.includes(entity.text)))
      problems.push(`mention ${entity.text} is not in any text`);
  }
  return problems;
}
