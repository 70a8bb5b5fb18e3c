import { describe, expect, it } from 'vitest';
import type { Form } from '../../../../src/messages/message-model.js';
import { reviewPageSize } from '../../../../src/procedures/at-risk/review/review-state.js';
import { readConsoleFormValues, renderConsoleForm } from '../../../../src/surfaces/console/html/index.js';
import { largestReviewForm } from '../../../support/review-form-fixture.js';

/** A list that pages itself, as the review list does, with one search field. */
const pagedList: Form = {
  formId: 'list',
  title: 'Review students',
  submitLabel: 'Search',
  cancelLabel: 'Close',
  state: 'page-2',
  blocks: [
    { type: 'heading', text: 'Students <to> review' },
    {
      type: 'actions',
      elements: [
        {
          type: 'select',
          actionId: 'list.category',
          placeholder: 'Category',
          options: [
            { label: 'Red', value: 'red' },
            { label: 'Yellow', value: 'yellow' },
          ],
          initialValue: 'red',
        },
      ],
    },
    {
      type: 'table',
      columns: [{ header: 'Name' }, { header: 'ECTS', align: 'right' }],
      rows: [['Ida', '20']],
    },
    { type: 'context', content: ['Page 2 of 3'] },
    { type: 'actions', elements: [{ type: 'button', actionId: 'list.next', label: 'Next →', value: '3' }] },
  ],
  fields: [{ id: 'search', kind: 'text', label: 'Search', optional: true }],
};

describe('console form with blocks', () => {
  it('shows the blocks between the title and the fields; its buttons and menus act inside the form, headings rank under the title', () => {
    expect(renderConsoleForm(pagedList)).toBe(
      [
        '<form data-form-id="list" data-state="page-2">',
        '<h3>Review students</h3>',
        '<h4>Students &lt;to&gt; review</h4>',
        '<div class="actions" role="group"><select data-form-action-id="list.category" aria-label="Category">' +
          '<option value="" disabled>Category</option><option value="red" selected>Red</option>' +
          '<option value="yellow">Yellow</option></select></div>',
        '<table>',
        '<thead><tr><th scope="col">Name</th><th scope="col" class="num">ECTS</th></tr></thead>',
        '<tbody>',
        '<tr><td>Ida</td><td class="num">20</td></tr>',
        '</tbody>',
        '</table>',
        '<p class="context">Page 2 of 3</p>',
        '<div class="actions" role="group"><button type="button" data-form-action-id="list.next" data-value="3">Next →</button></div>',
        '<div class="field text"><label for="list--search">Search</label><input type="text" id="list--search" name="search"></div>',
        '<div class="form-actions"><button type="submit">Search</button><button type="button" data-form-cancel>Close</button></div>',
        '</form>',
      ].join('\n'),
    );
    // The menu has no name: only the fields are read as the form's values.
    expect(readConsoleFormValues(pagedList, { search: 'Ida' })).toEqual({ search: 'Ida' });
  });

  it('the review list of a board of 2,000 students is one panel: a page of students in a table with column headers', () => {
    const html = renderConsoleForm(largestReviewForm('en'));

    expect(html.match(/<tr><td>/g)).toHaveLength(reviewPageSize);
    expect(html.match(/<th scope="col"/g)).toHaveLength(9);
    expect(html).toContain('data-form-action-id="at-risk.review-list.previous" data-value="39"');
    expect(html).toContain('data-form-action-id="at-risk.review-list.next" data-value="41"');
    expect(html).toContain(
      '<label for="at-risk.review-list--search">Search by name or student number</label>',
    );
  });
});
