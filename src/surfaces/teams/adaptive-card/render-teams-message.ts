import type { Message } from '../../../messages/message-model.js';
import { type PageGroup, paginate } from '../../../messages/paginate.js';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  ADAPTIVE_CARD_SCHEMA,
  ADAPTIVE_CARD_VERSION,
  type AdaptiveCard,
  type CardElement,
  type MentionEntity,
  type TeamsActivityPage,
} from './adaptive-card-types.js';
import { actionElements } from './teams-actions.js';
import {
  assemble,
  type Piece,
  roleOf,
  sameFactSet,
  sameTable,
  type TeamsRenderContext,
  teamsPieces,
  withSeparator,
} from './teams-card-pieces.js';
import { byteLength, TEAMS_ACTIVITY_MAX_BYTES, TEAMS_PAGE_SUFFIX_RESERVE } from './teams-limits.js';
import type { MentionRegistry } from './teams-markdown.js';

export type { TeamsRenderContext };

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
    const pieces = teamsPieces(block, index, context, mentions, actionElements);
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
