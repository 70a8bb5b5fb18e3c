import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseInstitutionConfig } from '../../src/config/institution-config.js';
import { defaultIdentificationRules } from '../../src/procedures/at-risk/identification-rules.js';
import type { ReviewQuery } from '../../src/procedures/at-risk/identification-store.js';
import { importIdentification } from '../../src/procedures/at-risk/import-identification.js';
import { readProgressExport } from '../../src/procedures/at-risk/progress-export/read-progress-export.js';
import type { Database } from '../../src/storage/database.js';
import { mirrorInstitution } from '../../src/storage/institution-mirror.js';
import { PrismaIdentificationStorage } from '../../src/storage/prisma-identification-storage.js';
import { progressExportCsv } from '../support/progress-export-builder.js';
import { dateOf } from '../support/progress-row-builder.js';
import { openTestDatabase, testDatabaseEngine } from '../support/test-database.js';

const parsed = parseInstitutionConfig({
  institution: { name: 'Test University', language: 'en' },
  faculties: [{ code: 'TEK', name: 'Engineering' }],
  boards: [{ code: 'SN-BIG', name: 'Big', faculty: 'TEK', chair: 'c@x.example', secretary: 's@x.example' }],
});
if (!parsed.success) throw new Error(parsed.error.message);
const config = parsed.data;

/** 2,000 students at risk (every fifth yellow, the rest red) in 40 programmes. */
const students = 2_000;

let database: Database;
let storage: PrismaIdentificationStorage;
let cycleId: string;
beforeAll(async () => {
  database = await openTestDatabase();
  storage = new PrismaIdentificationStorage(database.prisma);
  await mirrorInstitution(database.prisma, config);
  const rows = Array.from({ length: students }, (_, index) => ({
    studentId: `S${String(index).padStart(5, '0')}`,
    name: `Student ${index}`,
    boardCode: 'SN-BIG',
    programmeCode: `P${index % 40}`,
    programmeName: `Programme ${index % 40}`,
    lastPassedOn: '2026-01-20',
    ectsExpected: 120,
    // Many students share each figure, so the order must be made total by the student number.
    ectsPassed: index % 5 === 0 ? 110 : 40 + (index % 50),
  }));
  await importIdentification(storage, {
    progressExport: await readProgressExport(progressExportCsv(rows), { fileName: 'big.csv' }),
    asOf: dateOf('2026-04-06'),
    rules: defaultIdentificationRules,
    knownBoards: new Set(['SN-BIG']),
    actor: 'test',
    cipher: null,
  });
  const [cycle] = await storage.listCycles({ boardCode: 'SN-BIG' });
  cycleId = cycle?.id ?? '';
}, 120_000);
afterAll(async () => {
  await database?.close();
});

const everyone: Omit<ReviewQuery, 'offset' | 'limit'> = {
  categories: ['red', 'yellow'],
  programmeCode: null,
  search: null,
};

describe(`the review list read a page at a time (${testDatabaseEngine()})`, () => {
  it('a 2,000-student board comes in pages of 25 that never overlap and together hold every student once, most behind first', async () => {
    const seen: string[] = [];
    let previousBehind = Number.POSITIVE_INFINITY;
    let previousCategory = 0;
    for (let offset = 0; offset < students; offset += 25) {
      const page = await storage.reviewPage(cycleId, { ...everyone, offset, limit: 25 });
      expect(page.total).toBe(students);
      expect(page.rows).toHaveLength(25);
      for (const row of page.rows) {
        const category = row.category === 'red' ? 0 : 1;
        // Red before yellow; within a category, the most ECTS behind first.
        expect(category).toBeGreaterThanOrEqual(previousCategory);
        if (category === previousCategory) expect(row.ectsBehind).toBeLessThanOrEqual(previousBehind);
        previousCategory = category;
        previousBehind = row.ectsBehind;
        seen.push(row.studentNumber);
      }
    }
    expect(new Set(seen).size).toBe(students);
  });

  it('counts per category and lists the programmes once each, by name', async () => {
    const overview = await storage.reviewOverview(cycleId);
    expect(overview.counts).toEqual({ red: 1_600, yellow: 400, blue: 0 });
    expect(overview.received).toBe(0);
    expect(overview.programmes).toHaveLength(40);
    expect(overview.programmes.slice(0, 3)).toEqual([
      { code: 'P0', name: 'Programme 0' },
      { code: 'P1', name: 'Programme 1' },
      { code: 'P10', name: 'Programme 10' },
    ]);
  });

  it('a programme and a search narrow the count and the page alike; LIKE wildcards in a search are plain characters', async () => {
    const programme = await storage.reviewPage(cycleId, {
      ...everyone,
      programmeCode: 'P7',
      offset: 0,
      limit: 25,
    });
    expect(programme.total).toBe(50);
    expect(programme.rows.every((row) => row.programmeCode === 'P7')).toBe(true);

    const found = await storage.reviewPage(cycleId, {
      ...everyone,
      search: 'STUDENT 1999',
      offset: 0,
      limit: 25,
    });
    expect(found.rows.map((row) => row.name)).toEqual(['Student 1999']);
    const wildcard = await storage.reviewPage(cycleId, {
      ...everyone,
      search: 'Student _',
      offset: 0,
      limit: 25,
    });
    expect(wildcard.total).toBe(0);
  });
});
