import type { Block, ImageRef, Message, RichText, TableColumn } from '../../../messages/message-model.js';
import { type GroupRole, type PageGroup, paginate } from '../../../messages/paginate.js';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  type AdaptiveCard,
  type CardElement,
  type Fact,
  type FactSet,
  type MentionEntity,
  type Table,
  type TableRow,
  type TeamsActivityPage,
  type TextBlock,
} from './adaptive-card-types.js';
import { actionElements } from './teams-actions.js';
import { byteLength, TEAMS_ACTIVITY_MAX_BYTES, TEAMS_PAGE_SUFFIX_RESERVE } from './teams-limits.js';
import {
  escapeTeamsMarkdown,
  type MentionRegistry,
  markdownOf,
  markdownRuns,
  splitMarkdown,
  type TeamsMentionResolver,
} from './teams-markdown.js';

export interface TeamsRenderContext extends TeamsMentionResolver {
  /** An https URL for the image when the surface has one; else the card carries the PNG as a data URI. */
  imageUrlFor(image: ImageRef): string | null;
}

/**
 * A piece of a card body as the paginator sees it: elements that must share
 * a card (a button row and its confirmation panels, a menu and its button),
 * or one row of a table or one fact of a fact set, which may continue on the
 * next page (where the table's header row is repeated).
 */
type Piece =
  | { readonly kind: 'elements'; readonly elements: readonly [CardElement, ...CardElement[]] }
  | { readonly kind: 'row'; readonly table: TableShape; readonly row: TableRow }
  | { readonly kind: 'fact'; readonly factSet: FactSetShape; readonly fact: Fact };

/** A table without its data rows: columns and the header row. */
interface TableShape {
  readonly empty: Table;
}
interface FactSetShape {
  readonly empty: FactSet;
}

/**
 * A message as activities with one Adaptive Card 1.5 each, in order. A
 * message over Teams' 40 KB is split between cards at element boundaries,
 * tables and fact lists between rows; nothing is cut.
 */
export function renderTeamsMessage(message: Message, context: TeamsRenderContext): TeamsActivityPage[] {
  const mentions: MentionRegistry = new Map();
  const groups: PageGroup<Piece>[] = [];
  let separatorPending = false;
  message.blocks.forEach((block, index) => {
    if (block.type === 'divider') {
      separatorPending = true;
      return;
    }
    const pieces = teamsPieces(block, index, context, mentions);
    if (pieces.length === 0) return;
    if (separatorPending) pieces[0] = withSeparator(pieces[0]);
    separatorPending = false;
    groups.push({ role: roleOf(block), items: pieces });
  });

  const emptyPage = page(message.fallbackText + TEAMS_PAGE_SUFFIX_RESERVE, [], []);
  const room = TEAMS_ACTIVITY_MAX_BYTES - byteLength(emptyPage) - byteLength({ entities: [] });
  for (const group of groups) {
    for (const piece of group.items) checkFits(piece, room, mentions);
  }
  const pages = paginate(groups, {
    limits: [room],
    cost: (piece, previous) => [pieceBytes(piece, previous, mentions)],
  });

  const rendered = (pages.length === 0 ? [[]] : pages).map((pieces, index, all) => {
    const body = assemble(pieces);
    const suffix = all.length > 1 ? ` (${index + 1}/${all.length})` : '';
    return page(message.fallbackText + suffix, body, mentionsInJson(JSON.stringify(body), mentions));
  });
  for (const [index, activity] of rendered.entries()) {
    const size = byteLength(activity);
    if (size > TEAMS_ACTIVITY_MAX_BYTES) {
      throw new Error(`Teams page ${index + 1} measures ${size} bytes, over ${TEAMS_ACTIVITY_MAX_BYTES}.`);
    }
  }
  return rendered;
}

function page(text: string, body: CardElement[], entities: MentionEntity[]): TeamsActivityPage {
  const card: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body,
    msteams: { width: 'Full', ...(entities.length === 0 ? {} : { entities }) },
  };
  return { text, attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }] };
}

function roleOf(block: Block): GroupRole {
  if (block.type === 'heading') return 'heading';
  if (block.type === 'actions') return 'actions';
  return 'content';
}

function teamsPieces(
  block: Block,
  index: number,
  context: TeamsRenderContext,
  mentions: MentionRegistry,
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
    case 'actions':
      return actionElements(block.elements, index).flatMap(([first, ...rest]): Piece[] =>
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
function withSeparator(piece: Piece | undefined): Piece {
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

/** Bytes a piece adds to a page's body (with its comma), plus the mention entities it brings. */
function pieceBytes(piece: Piece, previous: Piece | undefined, mentions: MentionRegistry): number {
  switch (piece.kind) {
    case 'elements':
      return piece.elements.reduce(
        (sum, element) => sum + byteLength(element) + 1 + entityBytes(JSON.stringify(element), mentions),
        0,
      );
    case 'row': {
      const continues = previous?.kind === 'row' && sameTable(previous.table, piece.table);
      return byteLength(piece.row) + 1 + (continues ? 0 : byteLength(piece.table.empty) + 1);
    }
    case 'fact': {
      const continues = previous?.kind === 'fact' && sameFactSet(previous.factSet, piece.factSet);
      const own = byteLength(piece.fact) + 1 + entityBytes(JSON.stringify(piece.fact), mentions);
      return own + (continues ? 0 : byteLength(piece.factSet.empty) + 1);
    }
  }
}

function entityBytes(json: string, mentions: MentionRegistry): number {
  return mentionsInJson(json, mentions).reduce((sum, entity) => sum + byteLength(entity) + 1, 0);
}

/** The entities whose `<at>` text occurs in serialised card JSON (where the text is JSON-escaped). */
function mentionsInJson(json: string, mentions: MentionRegistry): MentionEntity[] {
  return [...mentions.values()].filter((entity) => json.includes(JSON.stringify(entity.text).slice(1, -1)));
}

/** Pieces of one table or fact list keep their identity through `withSeparator`: they share the arrays. */
function sameTable(a: TableShape, b: TableShape): boolean {
  return a.empty.rows === b.empty.rows;
}
function sameFactSet(a: FactSetShape, b: FactSetShape): boolean {
  return a.empty.facts === b.empty.facts;
}

/** Pieces of one page as card elements: consecutive rows of one table become one Table, facts one FactSet. */
function assemble(pieces: readonly Piece[]): CardElement[] {
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

/** One piece larger than a page: only an image can be; say what the caller must do. */
function checkFits(piece: Piece, room: number, mentions: MentionRegistry): void {
  if (pieceBytes(piece, undefined, mentions) <= room) return;
  const image =
    piece.kind === 'elements' ? piece.elements.find((element) => element.type === 'Image') : undefined;
  if (image?.type === 'Image') {
    throw new Error(
      `Image "${image.altText}" is ${byteLength(image)} bytes in the card, more than a Teams ` +
        `message holds (${TEAMS_ACTIVITY_MAX_BYTES} bytes); imageUrlFor must give a URL for it.`,
    );
  }
  throw new Error(
    `A card element of ${pieceBytes(piece, undefined, mentions)} bytes does not fit a Teams message.`,
  );
}
