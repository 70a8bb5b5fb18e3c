import { describe, expect, it } from 'vitest';
import type { Block, ImageRef } from '../../../../src/messages/message-model.js';
import {
  renderTeamsMessage,
  type TeamsActivityPage,
} from '../../../../src/surfaces/teams/adaptive-card/index.js';
import {
  TEAMS_ACTIVITY_MAX_BYTES,
  TEAMS_MESSAGE_MAX_BYTES,
} from '../../../../src/surfaces/teams/adaptive-card/teams-limits.js';
import { anna, cardOf, chart, messageOf, studentTable, teamsContext } from './teams-fixtures.js';

const bytes = (page: TeamsActivityPage) => Buffer.byteLength(JSON.stringify(page));

/** The text of every cell of every data row (header rows left out), page after page. */
function dataRows(pages: readonly TeamsActivityPage[]): string[][] {
  return pages.flatMap((page) =>
    cardOf(page).body.flatMap((element) =>
      element.type === 'Table'
        ? element.rows.slice(1).map((row) => row.cells.map((cell) => cell.items[0]?.text ?? ''))
        : [],
    ),
  );
}

describe('Teams limits: split under 40 KB, never truncate', () => {
  it("a study board's 2,000-student table fits every page under 40 KB, each row once, the header on every page", () => {
    const table = studentTable(2000);
    const pages = renderTeamsMessage(
      messageOf({ type: 'heading', text: 'Biology: all students' }, table),
      teamsContext,
    );

    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(bytes(page)).toBeLessThanOrEqual(TEAMS_ACTIVITY_MAX_BYTES);
      expect(bytes(page)).toBeLessThan(TEAMS_MESSAGE_MAX_BYTES);
      const tables = cardOf(page).body.filter((element) => element.type === 'Table');
      expect(tables).toHaveLength(1);
      expect(
        tables[0]?.type === 'Table' ? tables[0].rows[0]?.cells.map((cell) => cell.items[0]?.text) : null,
      ).toEqual(['Name', 'Student no.', 'Programme', 'ECTS']);
    }
    expect(dataRows(pages)).toEqual(table.rows.map((row) => row.map((cell) => cell.replaceAll('_', '\\_'))));
    expect(pages.map((page) => page.text)).toEqual(
      pages.map((_, index) => `Trafiklys (${index + 1}/${pages.length})`),
    );
  });

  it('a long text splits into several TextBlocks between words, keeping every word', () => {
    const words = Array.from({ length: 12_000 }, (_, index) => `w${index}`);
    const pages = renderTeamsMessage(messageOf({ type: 'text', content: [words.join(' ')] }), teamsContext);
    const texts = pages.flatMap((page) =>
      cardOf(page).body.flatMap((element) => (element.type === 'TextBlock' ? [element.text] : [])),
    );
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join(' ')).toBe(words.join(' '));
    for (const page of pages) expect(bytes(page)).toBeLessThanOrEqual(TEAMS_ACTIVITY_MAX_BYTES);
  });

  it('mentions stay with the page whose text names them', () => {
    const blocks: Block[] = [
      { type: 'text', content: ['x'.repeat(30_000)] },
      { type: 'text', content: ['y'.repeat(30_000)] },
      { type: 'text', content: ['Chair: ', { kind: 'mention', person: anna }] },
    ];
    const pages = renderTeamsMessage(messageOf(...blocks), teamsContext);
    expect(pages.map((page) => cardOf(page).msteams?.entities?.length ?? 0)).toEqual(
      pages.map((_, index) => (index === pages.length - 1 ? 1 : 0)),
    );
  });

  it('a row of buttons and its confirmation panels always share a card, so every toggle finds its panel', () => {
    const confirm = { title: 'Sure?', text: 'y'.repeat(2_000), confirmLabel: 'Yes', denyLabel: 'No' };
    const elements = Array.from({ length: 60 }, (_, index) => ({
      type: 'button' as const,
      actionId: `student.exclude-${index}`,
      label: `Exclude ${index}`,
      confirm,
    }));
    const pages = renderTeamsMessage(
      messageOf({ type: 'text', content: ['x'.repeat(20_000)] }, { type: 'actions', elements }),
      teamsContext,
    );
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) {
      cardOf(page);
      expect(bytes(page)).toBeLessThanOrEqual(TEAMS_ACTIVITY_MAX_BYTES);
    }
  });

  it('an image too large for a message without a URL is refused, asking for a URL', () => {
    const large: ImageRef = { ...chart, png: new Uint8Array(40_000) };
    expect(() =>
      renderTeamsMessage(messageOf({ type: 'image', image: large, altText: 'Big chart' }), teamsContext),
    ).toThrow(
      'Image "Big chart" is 53405 bytes in the card, more than a Teams message holds (38000 bytes); imageUrlFor must give a URL for it.',
    );
  });

  it('the same image with a URL from the surface is fine', () => {
    const large: ImageRef = { ...chart, png: new Uint8Array(40_000) };
    const pages = renderTeamsMessage(messageOf({ type: 'image', image: large, altText: 'Big chart' }), {
      ...teamsContext,
      imageUrlFor: () => 'https://trafiklys.uni.example/images/big.png',
    });
    expect(pages).toHaveLength(1);
  });

  it('two images that fit one message each become two pages', () => {
    const medium: ImageRef = { ...chart, png: new Uint8Array(20_000) };
    const pages = renderTeamsMessage(
      messageOf(
        { type: 'image', image: medium, altText: 'First' },
        { type: 'image', image: medium, altText: 'Second' },
      ),
      teamsContext,
    );
    expect(
      pages.map((page) => cardOf(page).body.map((element) => element.type === 'Image' && element.altText)),
    ).toEqual([['First'], ['Second']]);
  });
});
