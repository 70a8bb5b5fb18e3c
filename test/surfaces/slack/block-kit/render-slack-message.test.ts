import { describe, expect, it } from 'vitest';
import { renderSlackMessage } from '../../../../src/surfaces/slack/block-kit/index.js';
import { anna, bo, chart, messageOf, nothingKnown, slackContext } from './slack-fixtures.js';

describe('Slack Block Kit rendering of each block', () => {
  it('a heading is a header block of plain text, with the fallback text escaped as the notification', () => {
    const pages = renderSlackMessage(
      {
        fallbackText: 'Biology & Chemistry: <3> red',
        blocks: [{ type: 'heading', text: 'Biology & <Chemistry>' }],
      },
      slackContext,
    );
    expect(pages).toEqual([
      {
        text: 'Biology &amp; Chemistry: &lt;3&gt; red',
        blocks: [{ type: 'header', text: { type: 'plain_text', text: 'Biology & <Chemistry>' } }],
      },
    ]);
  });

  it('text is a mrkdwn section: &, < and > escaped, styles as Slack markers hugging the words', () => {
    const [page] = renderSlackMessage(
      messageOf({
        type: 'text',
        content: [
          'Fewer than 30 ECTS <this year> & ',
          { kind: 'styled', text: ' no exam ', bold: true },
          ', ',
          { kind: 'styled', text: 'see note', italic: true },
          ', ',
          { kind: 'styled', text: 'BIO-101', code: true },
          ', ',
          { kind: 'styled', text: 'all three', bold: true, italic: true, code: true },
        ],
      }),
      slackContext,
    );
    expect(page?.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: 'Fewer than 30 ECTS &lt;this year&gt; &amp;  *no exam* , _see note_, `BIO-101`, *_`all three`_*',
        },
      },
    ]);
  });

  it('a line break stays a line break, and a style never spans one', () => {
    const [page] = renderSlackMessage(
      messageOf({
        type: 'text',
        content: ['First line\n', { kind: 'styled', text: 'bold one\nbold two', bold: true }],
      }),
      slackContext,
    );
    expect(page?.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'First line\n*bold one*\n*bold two*' } },
    ]);
  });

  it('links are <url|text>, with the text escaped and a | in the URL encoded', () => {
    const [page] = renderSlackMessage(
      messageOf({
        type: 'text',
        content: [
          { kind: 'link', text: 'Results <2026>', url: 'https://uni.example/results?board=bio&year=2026' },
          ' ',
          { kind: 'link', text: 'pipe', url: 'https://uni.example/a|b' },
        ],
      }),
      slackContext,
    );
    expect(page?.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '<https://uni.example/results?board=bio&amp;year=2026|Results &lt;2026&gt;> <https://uni.example/a%7Cb|pipe>',
        },
      },
    ]);
  });

  it('a link to anything but a web page or mail address is shown as its text only', () => {
    const [page] = renderSlackMessage(
      messageOf({ type: 'text', content: [{ kind: 'link', text: 'click', url: 'javascript:alert(1)' }] }),
      slackContext,
    );
    expect(page?.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'click' } }]);
  });

  it('a person Slack knows is mentioned by user id; one it does not know is named in bold', () => {
    const [page] = renderSlackMessage(
      messageOf({
        type: 'text',
        content: [
          { kind: 'mention', person: anna },
          ' and ',
          { kind: 'mention', person: bo },
          ' and ',
          { kind: 'mention', person: { email: 'x@uni.example', displayName: 'Ærø <Admin>' } },
        ],
      }),
      slackContext,
    );
    expect(page?.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '<@U0ANNA> and *Bo Dahl* and *Ærø &lt;Admin&gt;*' } },
    ]);
  });

  it('facts are two-column section fields, label in bold over the value', () => {
    const [page] = renderSlackMessage(
      messageOf({
        type: 'facts',
        facts: [
          { label: 'Red', value: ['12 (+3)'] },
          { label: 'Chair', value: [{ kind: 'mention', person: anna }] },
        ],
      }),
      slackContext,
    );
    expect(page?.blocks).toEqual([
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: '*Red*\n12 (+3)' },
          { type: 'mrkdwn', text: '*Chair*\n<@U0ANNA>' },
        ],
      },
    ]);
  });

  it('more than ten facts continue in another section', () => {
    const facts = Array.from({ length: 12 }, (_, index) => ({
      label: `F${index + 1}`,
      value: [String(index + 1)],
    }));
    const [page] = renderSlackMessage(messageOf({ type: 'facts', facts }), slackContext);
    expect(page?.blocks.map((block) => (block.type === 'section' ? block.fields?.length : 0))).toEqual([
      10, 2,
    ]);
  });

  it('a table is a code block with padded columns, right-aligned where asked, escaped', () => {
    const [page] = renderSlackMessage(
      messageOf({
        type: 'table',
        columns: [{ header: 'Programme' }, { header: 'Red', align: 'right' }, { header: 'Note' }],
        rows: [
          ['Biology', '12', 'R&D <pilot>'],
          ['Chemistry', '3', ''],
        ],
      }),
      slackContext,
    );
    expect(page?.blocks).toEqual([
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: [
            '```',
            'Programme  Red  Note',
            '---------  ---  -----------',
            'Biology     12  R&amp;D &lt;pilot&gt;',
            'Chemistry    3',
            '```',
          ].join('\n'),
        },
      },
    ]);
  });

  it('an uploaded image is an image block with its URL, alt text and title', () => {
    const [page] = renderSlackMessage(
      messageOf({
        type: 'image',
        image: chart,
        altText: 'Red students per programme',
        title: 'Red per programme',
      }),
      slackContext,
    );
    expect(page?.blocks).toEqual([
      {
        type: 'image',
        image_url: 'https://files.slack.example/chart.png',
        alt_text: 'Red students per programme',
        title: { type: 'plain_text', text: 'Red per programme' },
      },
    ]);
  });

  it('an image without a URL is described in a context line', () => {
    const [page] = renderSlackMessage(
      messageOf(
        { type: 'image', image: chart, altText: 'Red students <per> programme', title: 'Chart' },
        { type: 'image', image: chart, altText: 'No title' },
      ),
      nothingKnown,
    );
    expect(page?.blocks).toEqual([
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Chart: Red students &lt;per&gt; programme' }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'No title' }] },
    ]);
  });

  it('buttons keep action id, value and style; a confirmation becomes a confirm dialog, red for danger', () => {
    const [page] = renderSlackMessage(
      messageOf({
        type: 'actions',
        elements: [
          { type: 'button', actionId: 'at-risk.review', label: 'Review', value: 'cycle-7', style: 'primary' },
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
          { type: 'button', actionId: 'at-risk.later', label: 'Later' },
        ],
      }),
      slackContext,
    );
    expect(page?.blocks).toEqual([
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'at-risk.review',
            text: { type: 'plain_text', text: 'Review' },
            value: 'cycle-7',
            style: 'primary',
          },
          {
            type: 'button',
            action_id: 'at-risk.exclude',
            text: { type: 'plain_text', text: 'Exclude' },
            value: 'student-9',
            style: 'danger',
            confirm: {
              title: { type: 'plain_text', text: 'Exclude?' },
              text: { type: 'plain_text', text: 'She gets no mail.' },
              confirm: { type: 'plain_text', text: 'Exclude' },
              deny: { type: 'plain_text', text: 'Keep' },
              style: 'danger',
            },
          },
          { type: 'button', action_id: 'at-risk.later', text: { type: 'plain_text', text: 'Later' } },
        ],
      },
    ]);
  });

  it('a select is a static_select with its placeholder, options and initial option', () => {
    const [page] = renderSlackMessage(
      messageOf({
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
            initialValue: 'chem',
          },
        ],
      }),
      slackContext,
    );
    expect(page?.blocks).toEqual([
      {
        type: 'actions',
        elements: [
          {
            type: 'static_select',
            action_id: 'at-risk.programme',
            placeholder: { type: 'plain_text', text: 'Programme' },
            options: [
              { text: { type: 'plain_text', text: 'Biology' }, value: 'bio' },
              { text: { type: 'plain_text', text: 'Chemistry' }, value: 'chem' },
            ],
            initial_option: { text: { type: 'plain_text', text: 'Chemistry' }, value: 'chem' },
          },
        ],
      },
    ]);
  });

  it('context is small print; a divider is a divider block', () => {
    const [page] = renderSlackMessage(
      messageOf(
        { type: 'divider' },
        {
          type: 'context',
          content: ['Source: STADS export of ', { kind: 'styled', text: '6 April', bold: true }],
        },
      ),
      slackContext,
    );
    expect(page?.blocks).toEqual([
      { type: 'divider' },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Source: STADS export of *6 April*' }] },
    ]);
  });

  it('a message without blocks is one page of text alone', () => {
    expect(renderSlackMessage({ fallbackText: 'Nothing new', blocks: [] }, slackContext)).toEqual([
      { text: 'Nothing new', blocks: [] },
    ]);
  });
});

describe('Block Kit rendering of a file', () => {
  it('adds no block: the surface uploads the file after the pages, under its title', () => {
    const [page] = renderSlackMessage(
      messageOf(
        { type: 'text', content: ['52 sent'] },
        {
          type: 'file',
          file: {
            id: 'abc',
            fileName: 'p.pdf',
            mediaType: 'application/pdf',
            title: 'Pack',
            bytes: new Uint8Array(),
          },
        },
      ),
      slackContext,
    );
    expect(page?.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '52 sent' } }]);
  });
});
