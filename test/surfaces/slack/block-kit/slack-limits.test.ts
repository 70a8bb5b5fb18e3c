import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../src/messages/message-model.js';
import {
  renderSlackMessage,
  type SlackBlock,
  type SlackMessagePage,
} from '../../../../src/surfaces/slack/block-kit/index.js';
import {
  SLACK_MESSAGE_MAX_BLOCKS,
  SLACK_MESSAGE_MAX_TEXT_CHARACTERS,
  SLACK_SECTION_TEXT_MAX_CHARACTERS,
} from '../../../../src/surfaces/slack/block-kit/slack-limits.js';
import { messageOf, slackContext, studentTable } from './slack-fixtures.js';

const paragraph = (text: string): Block => ({ type: 'text', content: [text] });
const sectionTexts = (pages: readonly SlackMessagePage[]) =>
  pages.flatMap((page) =>
    page.blocks.flatMap((block) => (block.type === 'section' && block.text ? [block.text.text] : [])),
  );

/** Every text a block shows, as counted against a message's text budget. */
function shownCharacters(block: SlackBlock): number {
  if (block.type === 'section') {
    return (
      (block.text?.text.length ?? 0) + (block.fields ?? []).reduce((sum, field) => sum + field.text.length, 0)
    );
  }
  if (block.type === 'header') return block.text.text.length;
  if (block.type === 'context') return block.elements.reduce((sum, element) => sum + element.text.length, 0);
  return 0;
}

describe('Slack limits: split, never truncate', () => {
  it('a message of 120 blocks becomes 3 pages of 50, 50 and 20 with every block in order', () => {
    const blocks = Array.from({ length: 120 }, (_, index) => paragraph(`Paragraph ${index + 1}`));
    const pages = renderSlackMessage({ fallbackText: 'Weekly report', blocks }, slackContext);
    expect(pages.map((page) => page.blocks.length)).toEqual([50, 50, 20]);
    expect(sectionTexts(pages)).toEqual(blocks.map((_, index) => `Paragraph ${index + 1}`));
    expect(pages.map((page) => page.text)).toEqual([
      'Weekly report (1/3)',
      'Weekly report (2/3)',
      'Weekly report (3/3)',
    ]);
  });

  it('a 7,000-character text becomes 3 sections, split between words, with every word kept', () => {
    const words = Array.from({ length: 1000 }, (_, index) => `word${String(index).padStart(3, '0')}`);
    const text = words.join(' ');
    expect(text.length).toBe(7999);
    const sevenThousand = `${text.slice(0, 6999)}.`;
    expect(sevenThousand.length).toBe(7000);
    const pages = renderSlackMessage(messageOf(paragraph(sevenThousand)), slackContext);
    const sections = sectionTexts(pages);
    expect(sections).toHaveLength(3);
    expect(sections.every((section) => section.length <= SLACK_SECTION_TEXT_MAX_CHARACTERS)).toBe(true);
    expect(sections.join(' ')).toBe(sevenThousand);
    expect(sections.every((section) => /^word\d{3}\.?$/.test(section.split(' ').at(-1) ?? ''))).toBe(true);
  });

  it('long text prefers to break at a line break', () => {
    const line = 'x'.repeat(1999);
    const pages = renderSlackMessage(messageOf(paragraph(`${line}\n${line}\n${line}`)), slackContext);
    expect(sectionTexts(pages)).toEqual([line, line, line]);
  });

  it('escaping counts against the 3,000 characters: 2,000 ampersands take 10,000 and split accordingly', () => {
    const pages = renderSlackMessage(messageOf(paragraph('&'.repeat(2000))), slackContext);
    const sections = sectionTexts(pages);
    expect(sections.map((section) => section.length)).toEqual([3000, 3000, 3000, 1000]);
    expect(sections.join('')).toBe('&amp;'.repeat(2000));
  });

  it('bold text split across sections stays bold in each', () => {
    const words = Array.from({ length: 800 }, () => 'bold').join(' ');
    const pages = renderSlackMessage(
      messageOf({ type: 'text', content: [{ kind: 'styled', text: words, bold: true }] }),
      slackContext,
    );
    const sections = sectionTexts(pages);
    expect(sections).toHaveLength(2);
    expect(sections.every((section) => section.startsWith('*bold') && section.endsWith('bold*'))).toBe(true);
  });

  it('a heading over 150 characters becomes a bold section, not a cut header', () => {
    const heading = `${'Students without exam registration '.repeat(5).trim()}.`;
    expect(heading.length).toBeGreaterThan(150);
    const [page] = renderSlackMessage(messageOf({ type: 'heading', text: heading }), slackContext);
    expect(page?.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: `*${heading}*` } }]);
  });

  it('30 buttons become two actions blocks of 25 and 5', () => {
    const elements = Array.from({ length: 30 }, (_, index) => ({
      type: 'button' as const,
      actionId: `board.pick-${index}`,
      label: `Board ${index + 1}`,
    }));
    const [page] = renderSlackMessage(messageOf({ type: 'actions', elements }), slackContext);
    expect(page?.blocks.map((block) => (block.type === 'actions' ? block.elements.length : 0))).toEqual([
      25, 5,
    ]);
  });

  it('buttons that would start a new page take the content above them along', () => {
    const blocks: Block[] = [
      ...Array.from({ length: 48 }, (_, index) => paragraph(`Student ${index + 1}`)),
      { type: 'heading', text: 'Anna Berg' },
      paragraph('Two exams missed'),
      { type: 'actions', elements: [{ type: 'button', actionId: 'at-risk.review', label: 'Review' }] },
    ];
    const pages = renderSlackMessage(messageOf(...blocks), slackContext);
    expect(pages.map((page) => page.blocks.length)).toEqual([48, 3]);
    expect(pages[1]?.blocks.map((block) => block.type)).toEqual(['header', 'section', 'actions']);
  });

  it('a heading never ends a page alone', () => {
    const blocks: Block[] = [
      ...Array.from({ length: 49 }, (_, index) => paragraph(`Line ${index + 1}`)),
      { type: 'heading', text: 'Chemistry' },
      paragraph('3 red'),
    ];
    const pages = renderSlackMessage(messageOf(...blocks), slackContext);
    expect(pages.map((page) => page.blocks.map((block) => block.type).at(0))).toEqual(['section', 'header']);
    expect(pages.map((page) => page.blocks.length)).toEqual([49, 2]);
  });

  it('pages also respect the ~12,000 characters Slack takes per message', () => {
    const blocks = Array.from({ length: 10 }, (_, index) => paragraph(`${index}`.repeat(2500)));
    const pages = renderSlackMessage(messageOf(...blocks), slackContext);
    expect(pages.map((page) => page.blocks.length)).toEqual([4, 4, 2]);
  });

  it("a study board's 2,000-student table fits Slack on every page, each row exactly once, header repeated", () => {
    const table = studentTable(2000);
    const pages = renderSlackMessage(
      messageOf({ type: 'heading', text: 'Biology: all students' }, table),
      slackContext,
    );

    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page.blocks.length).toBeLessThanOrEqual(SLACK_MESSAGE_MAX_BLOCKS);
      expect(page.blocks.reduce((sum, block) => sum + shownCharacters(block), 0)).toBeLessThanOrEqual(
        SLACK_MESSAGE_MAX_TEXT_CHARACTERS,
      );
    }
    const sections = sectionTexts(pages);
    for (const section of sections) {
      expect(section.length).toBeLessThanOrEqual(SLACK_SECTION_TEXT_MAX_CHARACTERS);
      expect(section.split('\n').slice(0, 3)).toEqual([
        '```',
        'Name          Student no.  Programme                     ECTS',
        '------------  -----------  ---------------------------  -----',
      ]);
    }
    const rowLines = sections.flatMap((section) => section.split('\n').slice(3, -1));
    expect(rowLines).toHaveLength(2000);
    expect(rowLines.map((line) => line.slice(0, 12))).toEqual(table.rows.map((row) => row[0]));
    expect(rowLines[1]).toBe('Student 0002  s200001      Molecular Biomedicine (MSc)    7.5');
  });

  it('buttons after a table that spans pages take its last section along to their page', () => {
    // Eight full sections: two full pages of table, then 25 long button labels that fit no full page.
    const [firstSection = ''] = sectionTexts(renderSlackMessage(messageOf(studentTable(1000)), slackContext));
    const rowsPerSection = firstSection.split('\n').length - 4;
    const table = studentTable(rowsPerSection * 8);
    const elements = Array.from({ length: 25 }, (_, index) => ({
      type: 'button' as const,
      actionId: `student.open-${index}`,
      label: `${index}`.padEnd(75, '.'),
    }));
    const pages = renderSlackMessage(messageOf(table, { type: 'actions', elements }), slackContext);
    expect(pages.map((page) => page.blocks.map((block) => block.type))).toEqual([
      ['section', 'section', 'section', 'section'],
      ['section', 'section', 'section'],
      ['section', 'actions'],
    ]);
    expect(sectionTexts(pages).flatMap((section) => section.split('\n').slice(3, -1))).toHaveLength(
      table.rows.length,
    );
  });

  it('a button value over 2,000 characters is refused with the action named', () => {
    expect(() =>
      renderSlackMessage(
        messageOf({
          type: 'actions',
          elements: [{ type: 'button', actionId: 'export.csv', label: 'Export', value: 'x'.repeat(2001) }],
        }),
        slackContext,
      ),
    ).toThrow('Button "export.csv": the value is 2001 characters; Slack accepts at most 2000');
  });

  it('a select over 100 options uses option groups of 100, labelled by position', () => {
    const options = Array.from({ length: 250 }, (_, index) => ({
      label: `Student ${index + 1}`,
      value: `s${index + 1}`,
    }));
    const [page] = renderSlackMessage(
      messageOf({
        type: 'actions',
        elements: [{ type: 'select', actionId: 'student.pick', placeholder: 'Student', options }],
      }),
      slackContext,
    );
    const [select] = page?.blocks[0]?.type === 'actions' ? page.blocks[0].elements : [];
    expect(
      select?.type === 'static_select' && 'option_groups' in select
        ? select.option_groups.map((group) => [group.label.text, group.options.length])
        : null,
    ).toEqual([
      ['1–100', 100],
      ['101–200', 100],
      ['201–250', 50],
    ]);
  });

  it('a fallback text past 40,000 characters is shortened at a word, the blocks still carry everything', () => {
    const [page] = renderSlackMessage(
      { fallbackText: 'many words '.repeat(4000), blocks: [paragraph('short')] },
      slackContext,
    );
    expect(page?.text.length).toBeLessThanOrEqual(40_000);
    expect(page?.text.endsWith('words…')).toBe(true);
  });
});
