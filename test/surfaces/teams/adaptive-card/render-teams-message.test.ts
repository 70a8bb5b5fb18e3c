import { describe, expect, it } from 'vitest';
import type { Block } from '../../../../src/messages/message-model.js';
import {
  readTeamsCardAction,
  renderTeamsMessage,
} from '../../../../src/surfaces/teams/adaptive-card/index.js';
import { anna, bo, cardOf, chart, messageOf, teamsContext } from './teams-fixtures.js';

const bodyOf = (...blocks: Block[]) => cardOf(renderTeamsMessage(messageOf(...blocks), teamsContext)[0]).body;

describe('Teams Adaptive Card rendering of each block', () => {
  it('a message is one activity: the fallback as text, one full-width Adaptive Card 1.5', () => {
    const pages = renderTeamsMessage(
      { fallbackText: 'Biology: 3 red', blocks: [{ type: 'heading', text: 'Biology' }] },
      teamsContext,
    );
    expect(pages).toEqual([
      {
        text: 'Biology: 3 red',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
              type: 'AdaptiveCard',
              $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
              version: '1.5',
              body: [
                {
                  type: 'TextBlock',
                  text: 'Biology',
                  wrap: true,
                  style: 'heading',
                  size: 'Medium',
                  weight: 'Bolder',
                },
              ],
              msteams: { width: 'Full' },
            },
          },
        ],
      },
    ]);
    cardOf(pages[0]);
  });

  it('text is a wrapping TextBlock: Markdown characters escaped, styles as **bold** and _italic_, breaks as blank lines', () => {
    expect(
      bodyOf({
        type: 'text',
        content: [
          'Score *not* final [draft] \\ snake_case\n',
          { kind: 'styled', text: ' two exams ', bold: true },
          'and ',
          { kind: 'styled', text: 'a note', italic: true },
          ', ',
          { kind: 'styled', text: 'BIO-101', code: true },
          '\n- not a list\n12. not a list either',
        ],
      }),
    ).toEqual([
      {
        type: 'TextBlock',
        text:
          'Score \\*not\\* final \\[draft\\] \\\\ snake\\_case\n\n **two exams** and _a note_, BIO-101\n\n' +
          '\\- not a list\n\n12\\. not a list either',
        wrap: true,
      },
    ]);
  });

  it('links are Markdown links to web pages only; a parenthesis in the URL is encoded', () => {
    expect(
      bodyOf({
        type: 'text',
        content: [
          { kind: 'link', text: 'Results [2026]', url: 'https://uni.example/r(1)?a=1&b=2' },
          ' ',
          { kind: 'link', text: 'evil', url: 'javascript:alert(1)' },
        ],
      }),
    ).toEqual([
      {
        type: 'TextBlock',
        text: '[Results \\[2026\\]](https://uni.example/r%281%29?a=1&b=2) evil',
        wrap: true,
      },
    ]);
  });

  it('a person Teams knows is an <at> mention with its entity in msteams.entities; an unknown one is bold', () => {
    const [page] = renderTeamsMessage(
      messageOf(
        {
          type: 'text',
          content: [{ kind: 'mention', person: anna }, ' and ', { kind: 'mention', person: bo }],
        },
        { type: 'facts', facts: [{ label: 'Chair', value: [{ kind: 'mention', person: anna }] }] },
      ),
      teamsContext,
    );
    const card = cardOf(page);
    expect(card.body).toEqual([
      { type: 'TextBlock', text: '<at>Anna Berg</at> and **Bo Dahl**', wrap: true },
      { type: 'FactSet', facts: [{ title: 'Chair', value: '<at>Anna Berg</at>' }] },
    ]);
    expect(card.msteams).toEqual({
      width: 'Full',
      entities: [
        { type: 'mention', text: '<at>Anna Berg</at>', mentioned: { id: '29:1anna', name: 'Anna Berg' } },
      ],
    });
  });

  it('a mention reads the name Teams gives, not the configured one, in its text and its entity', () => {
    const [page] = renderTeamsMessage(
      messageOf({
        type: 'text',
        content: [{ kind: 'mention', person: { email: anna.email, displayName: 'ab' } }],
      }),
      teamsContext,
    );
    const card = cardOf(page);
    expect(card.body).toEqual([{ type: 'TextBlock', text: '<at>Anna Berg</at>', wrap: true }]);
    expect(card.msteams?.entities).toEqual([
      { type: 'mention', text: '<at>Anna Berg</at>', mentioned: { id: '29:1anna', name: 'Anna Berg' } },
    ]);
  });

  it('facts are a FactSet of escaped titles and Markdown values', () => {
    expect(
      bodyOf({
        type: 'facts',
        facts: [
          { label: 'Red_total', value: ['12 (+3)'] },
          { label: 'Yellow', value: [{ kind: 'styled', text: '4', bold: true }] },
        ],
      }),
    ).toEqual([
      {
        type: 'FactSet',
        facts: [
          { title: 'Red\\_total', value: '12 (+3)' },
          { title: 'Yellow', value: '**4**' },
        ],
      },
    ]);
  });

  it('a table is a Table: a bold header row, one column definition per column, right-aligned where asked', () => {
    const cell = (text: string, bold = false) => ({
      type: 'TableCell',
      items: [{ type: 'TextBlock', text, wrap: true, ...(bold ? { weight: 'Bolder' } : {}) }],
    });
    expect(
      bodyOf({
        type: 'table',
        columns: [{ header: 'Programme' }, { header: 'Red', align: 'right' }],
        rows: [
          ['Biology_BSc', '12'],
          ['Chemistry', ''],
        ],
      }),
    ).toEqual([
      {
        type: 'Table',
        columns: [{ width: 1 }, { width: 1, horizontalCellContentAlignment: 'Right' }],
        rows: [
          { type: 'TableRow', cells: [cell('Programme', true), cell('Red', true)] },
          { type: 'TableRow', cells: [cell('Biology\\_BSc'), cell('12')] },
          { type: 'TableRow', cells: [cell('Chemistry'), cell('')] },
        ],
      },
    ]);
  });

  it('an image is carried as a PNG data URI, with its title above it', () => {
    expect(
      bodyOf({ type: 'image', image: chart, altText: 'Red per programme', title: 'Red students' }),
    ).toEqual([
      { type: 'TextBlock', text: 'Red students', wrap: true, weight: 'Bolder' },
      { type: 'Image', url: 'data:image/png;base64,iVBORw==', altText: 'Red per programme' },
    ]);
  });

  it('an image the surface serves uses its URL', () => {
    const [page] = renderTeamsMessage(messageOf({ type: 'image', image: chart, altText: 'Chart' }), {
      ...teamsContext,
      imageUrlFor: () => 'https://trafiklys.uni.example/images/sha256-3f2a.png',
    });
    expect(cardOf(page).body).toEqual([
      { type: 'Image', url: 'https://trafiklys.uni.example/images/sha256-3f2a.png', altText: 'Chart' },
    ]);
  });

  it('buttons are Action.Execute with the action id as verb and { actionId, value } as data', () => {
    expect(
      bodyOf({
        type: 'actions',
        elements: [
          { type: 'button', actionId: 'at-risk.review', label: 'Review', value: 'cycle-7', style: 'primary' },
          { type: 'button', actionId: 'at-risk.later', label: 'Later' },
        ],
      }),
    ).toEqual([
      {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.Execute',
            title: 'Review',
            verb: 'at-risk.review',
            data: { actionId: 'at-risk.review', value: 'cycle-7' },
            style: 'positive',
          },
          {
            type: 'Action.Execute',
            title: 'Later',
            verb: 'at-risk.later',
            data: { actionId: 'at-risk.later' },
          },
        ],
      },
    ]);
  });

  it('a button with a confirmation opens a hidden panel holding the real action and a deny button', () => {
    expect(
      bodyOf(
        { type: 'text', content: ['Anna'] },
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              actionId: 'at-risk.exclude',
              label: 'Exclude',
              value: 'student-9',
              style: 'danger',
              confirm: {
                title: 'Exclude?',
                text: 'She gets no mail.',
                confirmLabel: 'Exclude',
                denyLabel: 'Keep',
              },
            },
          ],
        },
      ),
    ).toEqual([
      { type: 'TextBlock', text: 'Anna', wrap: true },
      {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.ToggleVisibility',
            title: 'Exclude',
            targetElements: ['confirm-1-0'],
            style: 'destructive',
          },
        ],
      },
      {
        type: 'Container',
        id: 'confirm-1-0',
        isVisible: false,
        style: 'emphasis',
        items: [
          { type: 'TextBlock', text: 'Exclude?', wrap: true, weight: 'Bolder' },
          { type: 'TextBlock', text: 'She gets no mail.', wrap: true },
          {
            type: 'ActionSet',
            actions: [
              {
                type: 'Action.Execute',
                title: 'Exclude',
                verb: 'at-risk.exclude',
                data: { actionId: 'at-risk.exclude', value: 'student-9' },
                style: 'destructive',
              },
              { type: 'Action.ToggleVisibility', title: 'Keep', targetElements: ['confirm-1-0'] },
            ],
          },
        ],
      },
    ]);
  });

  it('more than six buttons continue in another action set', () => {
    const elements = Array.from({ length: 8 }, (_, index) => ({
      type: 'button' as const,
      actionId: `board.${index}`,
      label: `Board ${index}`,
    }));
    const body = bodyOf({ type: 'actions', elements });
    expect(body.map((element) => (element.type === 'ActionSet' ? element.actions.length : 0))).toEqual([
      6, 2,
    ]);
  });

  it('a select is a compact choice set named by its action id, sent by an OK button', () => {
    expect(
      bodyOf({
        type: 'actions',
        elements: [
          {
            type: 'select',
            actionId: 'at-risk.programme',
            placeholder: 'Programme',
            options: [
              { label: 'Biology', value: 'bio' },
              { label: 'Chemistry', value: 'chem' },
            ],
            initialValue: 'bio',
          },
        ],
      }),
    ).toEqual([
      {
        type: 'Input.ChoiceSet',
        id: 'at-risk.programme',
        style: 'compact',
        placeholder: 'Programme',
        choices: [
          { title: 'Biology', value: 'bio' },
          { title: 'Chemistry', value: 'chem' },
        ],
        value: 'bio',
      },
      {
        type: 'ActionSet',
        actions: [
          {
            type: 'Action.Execute',
            title: 'OK',
            verb: 'at-risk.programme',
            data: { actionId: 'at-risk.programme' },
          },
        ],
      },
    ]);
  });

  it('context is small subtle text; a divider is a separator line on what follows', () => {
    expect(
      bodyOf({ type: 'divider' }, { type: 'context', content: ['Source: STADS'] }, { type: 'divider' }),
    ).toEqual([
      {
        type: 'TextBlock',
        text: 'Source: STADS',
        wrap: true,
        size: 'Small',
        isSubtle: true,
        separator: true,
      },
    ]);
  });
});

describe('reading a click on a Teams card', () => {
  it('a button brings its action id and value', () => {
    expect(readTeamsCardAction({ actionId: 'at-risk.review', value: 'cycle-7' })).toEqual({
      actionId: 'at-risk.review',
      value: 'cycle-7',
    });
    expect(readTeamsCardAction({ actionId: 'at-risk.later' })).toEqual({
      actionId: 'at-risk.later',
      value: null,
    });
  });

  it("a menu brings its choice under the menu's id", () => {
    expect(
      readTeamsCardAction({ actionId: 'at-risk.programme', 'at-risk.programme': 'chem', other: 'x' }),
    ).toEqual({
      actionId: 'at-risk.programme',
      value: 'chem',
    });
  });

  it('data without an action id is refused', () => {
    expect(() => readTeamsCardAction({ value: 'x' })).toThrow();
  });
});

describe('Teams Adaptive Card rendering of a file', () => {
  const file = {
    id: 'abc',
    fileName: 'pack_1.pdf',
    mediaType: 'application/pdf',
    title: 'Board *meeting*',
    bytes: new Uint8Array(),
  };

  it('is a line linking to where the bot serves it, the title escaped, the file name beside it', () => {
    expect(bodyOf({ type: 'file', file })).toEqual([
      {
        type: 'TextBlock',
        text: '📎 [Board \\*meeting\\*](https://bot.example/files/abc/pack_1.pdf) (pack\\_1.pdf)',
        wrap: true,
      },
    ]);
  });

  it('without an address the line names the file and links nowhere', () => {
    const [page] = renderTeamsMessage(messageOf({ type: 'file', file }), {
      ...teamsContext,
      fileUrlFor: () => null,
    });
    expect(cardOf(page).body).toEqual([
      { type: 'TextBlock', text: '📎 Board \\*meeting\\* (pack\\_1.pdf)', wrap: true },
    ]);
  });
});
