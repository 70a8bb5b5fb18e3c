import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitDirectoryOf } from '../../../src/procedures/deviations/module.js';
import { PrismaDeviationStore } from '../../../src/procedures/deviations/storage/prisma-deviation-store.js';
import type { Database } from '../../../src/storage/database.js';
import { deviationsInstitution } from '../../support/deviations-fixture.js';
import { openTestDatabase, testDatabaseEngine } from '../../support/test-database.js';

describe(`the running bot's programmes and courses (${testDatabaseEngine()})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  it('are read once, and again as soon as the course catalogue is imported anew (by another process too)', async () => {
    const config = deviationsInstitution();
    const section =
      config.deviations ??
      (() => {
        throw new Error('no deviations');
      })();
    const store = new PrismaDeviationStore(database.prisma, 'test-instance');
    const units = unitDirectoryOf(config, section, store);

    const first = await units();
    expect(await units()).toBe(first);
    expect(first.unit({ kind: 'course', code: 'TDT4200' })).toBeNull();

    // The command line's import, through a store of its own.
    await new PrismaDeviationStore(database.prisma, 'cli').replaceCatalogue([
      { code: 'TDT4200', name: 'Parallel computing', facultyCode: 'IE', departmentCode: 'IDI' },
    ]);
    const after = await units();
    expect(after).not.toBe(first);
    expect(after.unit({ kind: 'course', code: 'TDT4200' })).toMatchObject({ facultyCode: 'IE' });
    expect(await units()).toBe(after);
  });
});
