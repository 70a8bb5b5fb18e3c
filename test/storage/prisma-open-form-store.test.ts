import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Form } from '../../src/messages/message-model.js';
import type { Database } from '../../src/storage/database.js';
import {
  maxOpenFormBytes,
  maxOpenFormKeyLength,
  PrismaOpenFormStore,
} from '../../src/storage/prisma-open-form-store.js';
import { capturedLogger } from '../support/captured-logger.js';
import { openSharedTestDatabase, testDatabaseEngine } from '../support/test-database.js';

let shared: Awaited<ReturnType<typeof openSharedTestDatabase>>;
let database: Database;
beforeAll(async () => {
  shared = await openSharedTestDatabase();
  database = shared.instances[0];
});
afterAll(async () => {
  await shared?.close();
});

const hour = 60 * 60 * 1000;

/** Every part a form can have, so a round trip that drops one is noticed. */
const exclusionForm: Form = {
  formId: 'at-risk.exclude',
  title: 'Exclude a student',
  submitLabel: 'Exclude',
  cancelLabel: 'Cancel',
  state: 'SN-DAT|spring|2026',
  intro: [
    'Excluded students get ',
    { kind: 'styled', text: 'no', bold: true },
    ' mail. See ',
    { kind: 'link', text: 'the procedure', url: 'https://uni.example/p31' },
    ', or ask ',
    { kind: 'mention', person: { email: 'sec@uni.example', displayName: 'Bo' } },
    '.',
  ],
  fields: [
    { id: 'student', kind: 'text', label: 'Student number', placeholder: 'S123456', maxLength: 20 },
    { id: 'reason', kind: 'multiline', label: 'Reason', hint: 'Kept for the audit' },
    {
      id: 'category',
      kind: 'select',
      label: 'Category',
      options: [
        { label: 'Leave', value: 'leave' },
        { label: 'Other', value: 'other' },
      ],
      initialValue: 'leave',
    },
    {
      id: 'copies',
      kind: 'multiselect',
      label: 'Copies to',
      options: [{ label: 'Dean', value: 'dean' }],
      initialValue: ['dean'],
      optional: true,
    },
    { id: 'contact', kind: 'user', label: 'Contact person', initialValue: 'sec@uni.example' },
    { id: 'meeting', kind: 'date', label: 'Meeting', initialValue: '2026-05-04', optional: true },
    { id: 'final', kind: 'checkbox', label: 'Final', initialValue: false },
  ],
  errors: { student: 'No student S999 in this cycle.' },
};

function storeAt(clock: { now: number }, on: Database = database) {
  const logs = capturedLogger();
  return { store: new PrismaOpenFormStore(on.prisma, logs.logger, () => clock.now), logs };
}

describe(`open forms in the database (${testDatabaseEngine()})`, () => {
  it('a remembered form is found under its surface and key with every part intact, and closing forgets it', async () => {
    const { store } = storeAt({ now: Date.parse('2026-05-04T08:00:00Z') });

    await store.remember('slack', 'V0ROUNDTRIP', exclusionForm, hour);

    expect(await store.find('slack', 'V0ROUNDTRIP')).toEqual(exclusionForm);
    expect(await store.find('teams', 'V0ROUNDTRIP')).toBeNull();
    expect(await store.find('slack', 'V0OTHER')).toBeNull();
    await store.close('slack', 'V0ROUNDTRIP');
    expect(await store.find('slack', 'V0ROUNDTRIP')).toBeNull();
    await expect(store.close('slack', 'V0NEVER')).resolves.toBeUndefined();
  });

  it('a form is found until its time is up, and from that moment it is absent', async () => {
    const clock = { now: Date.parse('2026-05-04T08:00:00Z') };
    const { store } = storeAt(clock);
    await store.remember('teams', 'expiring', exclusionForm, hour);

    clock.now += hour - 1;
    expect(await store.find('teams', 'expiring')).toEqual(exclusionForm);
    clock.now += 1;
    expect(await store.find('teams', 'expiring')).toBeNull();
  });

  it('remembering under the same key replaces the form and starts its time again', async () => {
    const clock = { now: Date.parse('2026-05-04T08:00:00Z') };
    const { store } = storeAt(clock);
    await store.remember('console', 'token-1', exclusionForm, hour);

    clock.now += hour - 1;
    const withoutErrors: Form = { ...exclusionForm, errors: {} };
    await store.remember('console', 'token-1', withoutErrors, hour);
    clock.now += hour - 1;

    expect(await store.find('console', 'token-1')).toEqual(withoutErrors);
    const rows = await database.prisma.openForm.count({ where: { surface: 'console', key: 'token-1' } });
    expect(rows).toBe(1);
  });

  it('expired forms leave the table with the next form remembered, swept at most once a minute', async () => {
    const clock = { now: Date.parse('2026-06-01T08:00:00Z') };
    const { store } = storeAt(clock);
    await store.remember('slack', 'V0SWEEP-OLD', exclusionForm, 1_000);
    const stored = () =>
      database.prisma.openForm.count({ where: { key: { in: ['V0SWEEP-OLD', 'V0SWEEP-NEW'] } } });

    clock.now += 30_000;
    await store.remember('slack', 'V0SWEEP-NEW', exclusionForm, hour);
    expect(await stored()).toBe(2);
    clock.now += 30_000;
    await store.remember('slack', 'V0SWEEP-NEW', exclusionForm, hour);
    expect(await stored()).toBe(1);
  });

  it('a form one instance remembered is found by another on the same database, and closed there for both', async () => {
    const clock = { now: Date.parse('2026-05-04T08:00:00Z') };
    const { store: first } = storeAt(clock, shared.instances[0]);
    const { store: second } = storeAt(clock, shared.instances[1]);

    await first.remember('slack', 'V0SHARED', exclusionForm, hour);
    expect(await second.find('slack', 'V0SHARED')).toEqual(exclusionForm);

    await second.close('slack', 'V0SHARED');
    expect(await first.find('slack', 'V0SHARED')).toBeNull();
  });

  it('a row that is not a form counts as absent, with a warning that names the problem but not the content', async () => {
    const clock = { now: Date.parse('2026-05-04T08:00:00Z') };
    const { store, logs } = storeAt(clock);
    const corrupt = { formId: 'at-risk.exclude', title: 'Ida Jensen', fields: [{ id: 'x', kind: 'dial' }] };
    await database.prisma.$executeRaw`
      INSERT INTO open_form (surface, key, form, opened_at, expires_at)
      VALUES ('teams', 'corrupt', ${JSON.stringify(corrupt)}::jsonb, ${new Date(clock.now)}, ${new Date(clock.now + hour)})`;

    expect(await store.find('teams', 'corrupt')).toBeNull();

    const [warning, ...others] = logs.lines();
    expect(others).toEqual([]);
    expect(warning).toMatchObject({
      level: 40,
      msg: 'an open form could not be read; it counts as expired',
      surface: 'teams',
      key: 'corrupt',
      problems: expect.arrayContaining(['submitLabel: invalid_type', 'fields.0.kind: invalid_value']),
    });
    expect(logs.text()).not.toContain('Ida Jensen');
  });

  it('a form too large to keep, or a key too long, is refused with a code and nothing is kept', async () => {
    const { store } = storeAt({ now: Date.parse('2026-05-04T08:00:00Z') });
    const huge: Form = { ...exclusionForm, intro: ['x'.repeat(maxOpenFormBytes)] };

    await expect(store.remember('console', 'huge', huge, hour)).rejects.toMatchObject({
      code: 'storage.open_form_too_large',
    });
    await expect(
      store.remember('console', 'k'.repeat(maxOpenFormKeyLength + 1), exclusionForm, hour),
    ).rejects.toMatchObject({ code: 'storage.open_form_too_large' });
    expect(await store.find('console', 'huge')).toBeNull();
    await store.remember('console', 'k'.repeat(maxOpenFormKeyLength), exclusionForm, hour);
    expect(await store.find('console', 'k'.repeat(maxOpenFormKeyLength))).toEqual(exclusionForm);
  });
});
