/**
 * A small structural check of an Adaptive Card against what Teams renders:
 * version at most 1.5, and only element and action types that 1.5 defines.
 * Returns the problems with their JSON paths; an empty list is a pass.
 */

const elementTypes = new Set([
  'TextBlock',
  'RichTextBlock',
  'Image',
  'Media',
  'Container',
  'ColumnSet',
  'FactSet',
  'ImageSet',
  'ActionSet',
  'Table',
  'Input.Text',
  'Input.Number',
  'Input.Date',
  'Input.Time',
  'Input.Toggle',
  'Input.ChoiceSet',
]);

const actionTypes = new Set([
  'Action.OpenUrl',
  'Action.Submit',
  'Action.ShowCard',
  'Action.ToggleVisibility',
  'Action.Execute',
]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function adaptiveCardProblems(card: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(card)) return ['$: not an object'];
  if (card.type !== 'AdaptiveCard') problems.push('$.type: not AdaptiveCard');
  if (typeof card.version !== 'string' || !/^1\.[0-5]$/.test(card.version)) {
    problems.push(`$.version: ${String(card.version)} is not 1.0–1.5`);
  }
  checkElements(card.body, '$.body', problems);
  if (card.actions !== undefined) checkActions(card.actions, '$.actions', problems);
  return problems;
}

function checkElements(elements: unknown, path: string, problems: string[]): void {
  if (!Array.isArray(elements)) {
    problems.push(`${path}: not an array`);
    return;
  }
  for (const [index, element] of elements.entries()) checkElement(element, `${path}[${index}]`, problems);
}

function checkElement(element: unknown, path: string, problems: string[]): void {
  if (!isRecord(element) || typeof element.type !== 'string') {
    problems.push(`${path}: not an element`);
    return;
  }
  if (!elementTypes.has(element.type)) {
    problems.push(`${path}.type: ${element.type} is not an Adaptive Card 1.5 element`);
    return;
  }
  if (element.type === 'TextBlock' && typeof element.text !== 'string')
    problems.push(`${path}.text: missing`);
  if (element.type.startsWith('Input.') && typeof element.id !== 'string')
    problems.push(`${path}.id: inputs need one`);
  if (element.items !== undefined) checkElements(element.items, `${path}.items`, problems);
  if (element.type === 'ActionSet') checkActions(element.actions, `${path}.actions`, problems);
  if (element.type === 'ColumnSet' && Array.isArray(element.columns)) {
    for (const [index, column] of element.columns.entries()) {
      if (isRecord(column)) checkElements(column.items, `${path}.columns[${index}].items`, problems);
      else problems.push(`${path}.columns[${index}]: not a column`);
    }
  }
  if (element.type === 'Table') checkRows(element.rows, `${path}.rows`, problems);
}

function checkRows(rows: unknown, path: string, problems: string[]): void {
  if (!Array.isArray(rows)) {
    problems.push(`${path}: not an array`);
    return;
  }
  for (const [rowIndex, row] of rows.entries()) {
    if (!isRecord(row) || row.type !== 'TableRow' || !Array.isArray(row.cells)) {
      problems.push(`${path}[${rowIndex}]: not a TableRow`);
      continue;
    }
    for (const [cellIndex, cell] of row.cells.entries()) {
      const cellPath = `${path}[${rowIndex}].cells[${cellIndex}]`;
      if (isRecord(cell) && cell.type === 'TableCell')
        checkElements(cell.items, `${cellPath}.items`, problems);
      else problems.push(`${cellPath}: not a TableCell`);
    }
  }
}

function checkActions(actions: unknown, path: string, problems: string[]): void {
  if (!Array.isArray(actions)) {
    problems.push(`${path}: not an array`);
    return;
  }
  for (const [index, action] of actions.entries()) {
    if (!isRecord(action) || typeof action.type !== 'string' || !actionTypes.has(action.type)) {
      problems.push(`${path}[${index}]: not an Adaptive Card 1.5 action`);
      continue;
    }
    if (action.type === 'Action.Execute' && typeof action.verb !== 'string') {
      problems.push(`${path}[${index}].verb: missing`);
    }
  }
}
