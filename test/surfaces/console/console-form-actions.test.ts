import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Form } from '../../../src/messages/message-model.js';
import type { Database } from '../../../src/storage/database.js';
import { type ConsoleClient, consoleClient } from '../../support/console-client.js';
import { openTestDatabase, testDatabaseEngine } from '../../support/test-database.js';
import { type ConsoleUnderTest, startConsole } from './console-harness.js';

const chair = 'chair.dat@demo.example';

/** A list that pages itself: its blocks act inside the open form; its one field is a search box. */
function pagedList(page: number): Form {
  return {
    formId: 'at-risk.review-list',
    title: 'Review students',
    submitLabel: 'Search',
    cancelLabel: 'Close',
    state: `page-${page}`,
    blocks: [
      { type: 'heading', text: `Students, page ${page}` },
      {
        type: 'actions',
        elements: [
          { type: 'button', actionId: 'at-risk.review-list.next', label: 'Next', value: String(page + 1) },
        ],
      },
    ],
    fields: [{ id: 'search', kind: 'text', label: 'Search', optional: true }],
  };
}

let database: Database;
let console_: ConsoleUnderTest;
let client: ConsoleClient;

beforeAll(async () => {
  database = await openTestDatabase();
  console_ = await startConsole({
    database,
    access: { mode: 'local' },
    now: () => new Date('2026-04-06T06:00:00Z'),
  });
  client = consoleClient(console_.url, { as: chair });
});
afterAll(async () => {
  await console_?.close();
  await database?.close();
});
beforeEach(() => {
  console_.bot.actionReply = () => ({ kind: 'form', form: pagedList(1) });
});

async function openList(): Promise<string> {
  const opened = await client.post('/console/api/action', {
    channel: 'sn-dat',
    actionId: 'at-risk.review',
    value: 'SN-DAT|spring|2026',
  });
  expect(opened.json).toMatchObject({ kind: 'form' });
  return String(opened.json.formToken);
}

describe(`a button inside an open console form (${testDatabaseEngine()})`, () => {
  it('reaches the core as a form action with the kept state and the values on the page; the answer replaces the form under the same token', async () => {
    const formToken = await openList();
    console_.bot.formActionOutcome = () => ({ kind: 'form', form: pagedList(2) });

    const clicked = await client.post('/console/api/form-action', {
      formToken,
      actionId: 'at-risk.review-list.next',
      value: '2',
      values: { search: 'Ida' },
    });

    expect(clicked.status).toBe(200);
    expect(clicked.json).toMatchObject({ kind: 'form', formToken });
    expect(String(clicked.json.html)).toContain('<h4>Students, page 2</h4>');
    expect(console_.bot.requests.at(-1)).toEqual({
      kind: 'formAction',
      actor: expect.objectContaining({ email: chair }),
      action: {
        formId: 'at-risk.review-list',
        state: 'page-1',
        actionId: 'at-risk.review-list.next',
        value: '2',
        values: { search: 'Ida' },
      },
    });

    // The next click on the new form carries the new form's state.
    await client.post('/console/api/form-action', {
      formToken,
      actionId: 'at-risk.review-list.next',
      value: '3',
      values: {},
    });
    expect(console_.bot.requests.at(-1)).toMatchObject({ kind: 'formAction', action: { state: 'page-2' } });
  });

  it('errors in answer show the same form with the error under its field; a close closes it for good', async () => {
    const formToken = await openList();
    console_.bot.formActionOutcome = () => ({
      kind: 'errors',
      errors: { search: 'This list is out of date.' },
    });
    const rejected = await client.post('/console/api/form-action', {
      formToken,
      actionId: 'at-risk.review-list.next',
      value: '2',
      values: {},
    });
    expect(String(rejected.json.html)).toContain(
      '<p class="field-error" id="at-risk.review-list--search--error">',
    );

    console_.bot.formActionOutcome = () => ({ kind: 'close' });
    const closed = await client.post('/console/api/form-action', {
      formToken,
      actionId: 'at-risk.review-list.next',
      value: '2',
      values: {},
    });
    expect(closed.json).toEqual({ kind: 'close' });
    const after = await client.post('/console/api/form-action', {
      formToken,
      actionId: 'at-risk.review-list.next',
      value: '2',
      values: {},
    });
    expect(after).toEqual({
      status: 410,
      json: { error: 'this form was closed or has expired; open it again' },
    });
  });

  it('a click from another site is refused and never reaches the core', async () => {
    const formToken = await openList();
    const before = console_.bot.requests.length;

    const response = await fetch(`${console_.url}/console/api/form-action`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({
        as: chair,
        formToken,
        actionId: 'at-risk.review-list.next',
        value: '2',
        values: {},
      }),
    });

    expect(response.status).toBe(403);
    expect(console_.bot.requests).toHaveLength(before);
  });
});
