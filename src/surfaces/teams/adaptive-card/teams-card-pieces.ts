import type {
  ActionElement,
  Block,
  FileRef,
  ImageRef,
  RichText,
  TableColumn,
} from '../../../messages/message-model.js';
import type { GroupRole } from '../../../messages/paginate.js';
import type { CardElement, Fact, FactSet, Table, TableRow, TextBlock } from './adaptive-card-types.js';
import {
  escapeTeamsMarkdown,
  type MentionRegistry,
  markdownOf,
  markdownRuns,
  splitMarkdown,
  type TeamsMentionResolver,
} from './teams-markdown.js';

/**
 * Model blocks as the pieces of an Adaptive Card body, shared by messages
 * (which paginate them into cards of Teams' size) and dialogs (one card).
 */

export interface TeamsRenderContext extends TeamsMentionResolver {
  /** An https URL for the image when the surface has one; else the card carries the PNG as a data URI. */
  imageUrlFor(image: ImageRef): string | null;
  /**
   * Where the bot serves a file posted with a message: a Teams bot cannot
   * attach a file in a channel, so the card links to it. Null: not served
   * (the card names the file only).
   */
  fileUrlFor(file: FileRef): string | null;
}

/**
 * A piece of a card body as the paginator sees it: elements that must share
 * a card (a button row and its confirmation panels, a menu and its button),
 * or one row of a table or one fact of a fact set, which may continue on the
 * next page (where the table's header row is repeated).
 */
export type Piece =
  | { readonly kind: 'elements'; readonly elements: readonly [CardElement, ...CardElement[]] }
  | { readonly kind: 'row'; readonly table: TableShape; readonly row: TableRow }
  | { readonly kind: 'fact'; readonly factSet: FactSetShape; readonly fact: Fact };

/** A table without its data rows: columns and the header row. */
export interface TableShape {
  readonly empty: Table;
}
export interface FactSetShape {
  readonly empty: FactSet;
}

export function roleOf(block: Block): GroupRole {
  if (block.type === 'heading') return 'heading';
  if (block.type === 'actions') return 'actions';
  return 'content';
}

/** How an `actions` block's buttons and menus become card elements: groups that must share a card. */
export type ActionRenderer = (elements: readonly ActionElement[], blockIndex: number) => CardElement[][];

/**
 * One model block as pieces: a message's (paginated) or a dialog's (one card).
 * `actions` renders buttons and menus, which act on a message or inside a form.
 */
export function teamsPieces(
  block: Block,
  index: number,
  context: TeamsRenderContext,
  mentions: MentionRegistry,
  actions: ActionRenderer,
): Piece[] {
  const element = (rendered: CardElement): Piece => ({ kind: 'elements', elements: [rendered] });
  switch (block.type) {
    case 'heading':
      return splitMarkdown([{ text: block.text, render: escapeTeamsMarkdown }], mentions).map((text) =>
        element({ type: 'TextBlock', text, wrap: true, style: 'heading', size: 'Medium', weight: 'Bolder' }),
      );
    case 'text':
      return splitMarkdown(markdownRuns(block.content, context, mentions), mentions).map((text) =>
        element({ type: 'TextBlock', text, wrap: true }),
      );
    case 'context':
      return splitMarkdown(markdownRuns(block.content, context, mentions), mentions).map((text) =>
        element({ type: 'TextBlock', text, wrap: true, size: 'Small', isSubtle: true }),
      );
    case 'facts':
      return factPieces(block.facts, context, mentions);
    case 'table':
      return tablePieces(block.columns, block.rows);
    case 'image': {
      const url = context.imageUrlFor(block.image) ?? dataUri(block.image);
      const image: CardElement = { type: 'Image', url, altText: block.altText };
      if (block.title === undefined) return [{ kind: 'elements', elements: [image] }];
      const title: TextBlock = {
        type: 'TextBlock',
        text: escapeTeamsMarkdown(block.title),
        wrap: true,
        weight: 'Bolder',
      };
      return [{ kind: 'elements', elements: [title, image] }];
    }
    case 'file': {
      const url = context.fileUrlFor(block.file);
      const title = escapeTeamsMarkdown(block.file.title);
      const name = escapeTeamsMarkdown(block.file.fileName);
      const text = url === null ? `📎 ${title} (${name})` : `📎 [${title}](${url}) (${name})`;
      return [element({ type: 'TextBlock', text, wrap: true })];
    }
    case 'actions':
      return actions(block.elements, index).flatMap(([first, ...rest]): Piece[] =>
        first === undefined ? [] : [{ kind: 'elements', elements: [first, ...rest] }],
      );
    case 'divider':
      return [];
  }
}

function factPieces(
  facts: readonly { readonly label: string; readonly value: RichText }[],
  people: TeamsMentionResolver,
  mentions: MentionRegistry,
): Piece[] {
  const factSet: FactSetShape = { empty: { type: 'FactSet', facts: [] } };
  return facts.map((fact) => ({
    kind: 'fact',
    factSet,
    fact: { title: escapeTeamsMarkdown(fact.label), value: markdownOf(fact.value, people, mentions) },
  }));
}

function tablePieces(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): Piece[] {
  const row = (cells: readonly string[], header: boolean): TableRow => ({
    type: 'TableRow',
    cells: cells.map((cell) => ({
      type: 'TableCell',
      items: [
        {
          type: 'TextBlock',
          text: escapeTeamsMarkdown(cell),
          wrap: true,
          ...(header ? { weight: 'Bolder' } : {}),
        },
      ],
    })),
  });
  const table: TableShape = {
    empty: {
      type: 'Table',
      columns: columns.map((column) => ({
        width: 1,
        ...(column.align === 'right' ? { horizontalCellContentAlignment: 'Right' as const } : {}),
      })),
      rows: [
        row(
          columns.map((column) => column.header),
          true,
        ),
      ],
    },
  };
  if (rows.length === 0) return [{ kind: 'elements', elements: [table.empty] }];
  return rows.map((cells, index) => {
    if (cells.length > columns.length) {
      throw new Error(`Table row ${index + 1} has ${cells.length} cells for ${columns.length} columns.`);
    }
    return {
      kind: 'row',
      table,
      row: row(
        columns.map((_, column) => cells[column] ?? ''),
        false,
      ),
    };
  });
}

function dataUri(image: ImageRef): string {
  return `data:image/png;base64,${Buffer.from(image.png).toString('base64')}`;
}

/** A divider is the next element's separator line; only the first piece of a split table or fact list carries it. */
export function withSeparator(piece: Piece | undefined): Piece {
  if (piece === undefined) throw new Error('No piece to separate.');
  switch (piece.kind) {
    case 'elements': {
      const [first, ...rest] = piece.elements;
      return { kind: 'elements', elements: [{ ...first, separator: true }, ...rest] };
    }
    case 'row':
      return { ...piece, table: { empty: { ...piece.table.empty, separator: true } } };
    case 'fact':
      return { ...piece, factSet: { empty: { ...piece.factSet.empty, separator: true } } };
  }
}

/** Pieces of one table or fact list keep their identity through `withSeparator`: they share the arrays. */
export function sameTable(a: TableShape, b: TableShape): boolean {
  return a.empty.rows === b.empty.rows;
}
export function sameFactSet(a: FactSetShape, b: FactSetShape): boolean {
  return a.empty.facts === b.empty.facts;
}

/** Pieces of one page as card elements: consecutive rows of one table become one Table, facts one FactSet. */
export function assemble(pieces: readonly Piece[]): CardElement[] {
  const body: CardElement[] = [];
  let previous: Piece | undefined;
  for (const piece of pieces) {
    if (piece.kind === 'elements') {
      body.push(...piece.elements);
    } else if (piece.kind === 'row') {
      const last = body[body.length - 1];
      if (previous?.kind === 'row' && sameTable(previous.table, piece.table) && last?.type === 'Table') {
        body[body.length - 1] = { ...last, rows: [...last.rows, piece.row] };
      } else {
        body.push({ ...piece.table.empty, rows: [...piece.table.empty.rows, piece.row] });
      }
    } else {
      const last = body[body.length - 1];
      if (
        previous?.kind === 'fact' &&
        sameFactSet(previous.factSet, piece.factSet) &&
        last?.type === 'FactSet'
      ) {
        body[body.length - 1] = { ...last, facts: [...last.facts, piece.fact] };
      } else {
        body.push({ ...piece.factSet.empty, facts: [piece.fact] });
      }
    }
    previous = piece;
  }
  return body;
}
