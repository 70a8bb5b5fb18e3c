import { describe, expect, it } from 'vitest';
import type { Block, ImageRef, PersonRef } from '../../../../src/messages/message-model.js';
import { renderConsoleMessage } from '../../../../src/surfaces/console/html/index.js';

const anna: PersonRef = { email: 'anna.berg@uni.example', displayName: 'Anna <Berg>' };
const chart: ImageRef = { id: 'sha256-3f2a', png: Uint8Array.from([0x89, 0x50]), width: 800, height: 400 };
const context = {
  imageUrlFor: (image: ImageRef) => `/console/images/${image.id}`,
  fileUrlFor: (file: { id: string; fileName: string }) => `/files/${file.id}/${file.fileName}`,
};

const html = (...blocks: Block[]) => renderConsoleMessage({ fallbackText: 'Trafiklys', blocks }, context);

describe('console HTML rendering of each block', () => {
  it('a heading is an <h3>, text a <p> with line breaks, everything escaped', () => {
    expect(
      html(
        { type: 'heading', text: 'Biology & <Chemistry>' },
        { type: 'text', content: ['Fewer than 30 ECTS "this" year\n<script>alert(1)</script>'] },
      ),
    ).toBe(
      '<h3>Biology &amp; &lt;Chemistry&gt;</h3>\n' +
        '<p>Fewer than 30 ECTS &quot;this&quot; year<br>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });

  it('styles are <strong>, <em> and <code>; links open safely; a mention is an @name span', () => {
    expect(
      html({
        type: 'text',
        content: [
          { kind: 'styled', text: 'all', bold: true, italic: true, code: true },
          ' ',
          { kind: 'link', text: 'Results', url: 'https://uni.example/r?a=1&b="2"' },
          ' ',
          { kind: 'link', text: 'evil', url: 'javascript:alert(1)' },
          ' ',
          { kind: 'mention', person: anna },
        ],
      }),
    ).toBe(
      '<p><strong><em><code>all</code></em></strong> ' +
        '<a href="https://uni.example/r?a=1&amp;b=%222%22" rel="noopener noreferrer" target="_blank">Results</a> ' +
        'evil <span class="mention">@Anna &lt;Berg&gt;</span></p>',
    );
  });

  it('facts are a description list', () => {
    expect(
      html({
        type: 'facts',
        facts: [
          { label: 'Red', value: ['12'] },
          { label: 'Chair', value: [{ kind: 'mention', person: anna }] },
        ],
      }),
    ).toBe(
      '<dl><dt>Red</dt><dd>12</dd><dt>Chair</dt><dd><span class="mention">@Anna &lt;Berg&gt;</span></dd></dl>',
    );
  });

  it('a table has column headers with scope, and class="num" on right-aligned columns', () => {
    expect(
      html({
        type: 'table',
        columns: [{ header: 'Programme' }, { header: 'Red', align: 'right' }],
        rows: [['Biology & co', '12'], ['Chemistry']],
      }),
    ).toBe(
      [
        '<table>',
        '<thead><tr><th scope="col">Programme</th><th scope="col" class="num">Red</th></tr></thead>',
        '<tbody>',
        '<tr><td>Biology &amp; co</td><td class="num">12</td></tr>',
        '<tr><td>Chemistry</td><td class="num"></td></tr>',
        '</tbody>',
        '</table>',
      ].join('\n'),
    );
  });

  it('an image is an <img> from the console with alt text and size, in a figure when it has a title', () => {
    expect(
      html(
        { type: 'image', image: chart, altText: 'Red "per" programme' },
        { type: 'image', image: chart, altText: 'Red per programme', title: 'Red <students>' },
      ),
    ).toBe(
      '<img src="/console/images/sha256-3f2a" alt="Red &quot;per&quot; programme" width="800" height="400">\n' +
        '<figure><img src="/console/images/sha256-3f2a" alt="Red per programme" width="800" height="400">' +
        '<figcaption>Red &lt;students&gt;</figcaption></figure>',
    );
  });

  it('buttons carry action id, value and confirmation texts in data attributes; a select its action id', () => {
    expect(
      html({
        type: 'actions',
        elements: [
          { type: 'button', actionId: 'at-risk.review', label: 'Review', value: 'cycle-7', style: 'primary' },
          {
            type: 'button',
            actionId: 'at-risk.exclude',
            label: 'Exclude',
            value: '"9"',
            style: 'danger',
            confirm: {
              title: 'Exclude?',
              text: 'She gets <no> mail.',
              confirmLabel: 'Exclude',
              denyLabel: 'Keep',
            },
          },
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
    ).toBe(
      '<div class="actions" role="group">' +
        '<button type="button" class="primary" data-action-id="at-risk.review" data-value="cycle-7">Review</button>' +
        '<button type="button" class="danger" data-action-id="at-risk.exclude" data-value="&quot;9&quot;" ' +
        'data-confirm-title="Exclude?" data-confirm-text="She gets &lt;no&gt; mail." data-confirm-label="Exclude" ' +
        'data-deny-label="Keep">Exclude</button>' +
        '<select data-action-id="at-risk.programme" aria-label="Programme">' +
        '<option value="" disabled>Programme</option><option value="bio">Biology</option>' +
        '<option value="chem" selected>Chemistry</option></select>' +
        '</div>',
    );
  });

  it('context is a <p class="context">; a divider an <hr>', () => {
    expect(html({ type: 'divider' }, { type: 'context', content: ['Source: STADS'] })).toBe(
      '<hr>\n<p class="context">Source: STADS</p>',
    );
  });

  it('a 2,000-row table is rendered whole: the console has no size limit', () => {
    const rows = Array.from({ length: 2000 }, (_, index) => [`Student ${index + 1}`]);
    const rendered = html({ type: 'table', columns: [{ header: 'Name' }], rows });
    expect(rendered.match(/<tr><td>/g)).toHaveLength(2000);
  });
});

describe('console HTML rendering of a file', () => {
  it('is a paragraph with a download link under the file’s title and its name beside it, escaped', () => {
    expect(
      html({
        type: 'file',
        file: {
          id: 'abc',
          fileName: 'pack<1>.pdf',
          mediaType: 'application/pdf',
          title: 'Board & meeting',
          bytes: new Uint8Array(),
        },
      }),
    ).toBe(
      '<p class="file"><a href="/files/abc/pack&lt;1&gt;.pdf" download="pack&lt;1&gt;.pdf">📎 Board &amp; meeting</a> ' +
        '<span class="file-name">pack&lt;1&gt;.pdf</span></p>',
    );
  });
});
