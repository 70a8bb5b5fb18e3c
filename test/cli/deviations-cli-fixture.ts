import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseInstitutionConfig } from '../../src/config/institution-config.js';
import { PrismaDeviationStore } from '../../src/procedures/deviations/storage/prisma-deviation-store.js';
import { UnitDirectory } from '../../src/procedures/deviations/unit-directory.js';
import { type Database, openDatabase } from '../../src/storage/database.js';
import { type CliResult, databaseEnv, runTrafiklys } from '../support/cli-runner.js';
import { people } from '../support/deviations-fixture.js';
import { createTestDatabaseTarget, type TestDatabaseTarget } from '../support/test-database.js';

/**
 * A folder with a configuration file like the deviations fixture's NTNU (IE
 * with IDI, NV with IMF) plus a faculty without report owners (HF), and a
 * test database of its own, for running `trafiklys deviations …` in-process.
 */
export const cliInstitution = {
  institution: { name: 'Test University', language: 'en', timeZone: 'Europe/Oslo' },
  faculties: [
    { code: 'IE', name: 'Faculty of Information Technology and Electrical Engineering' },
    { code: 'NV', name: 'Faculty of Natural Sciences' },
    { code: 'HF', name: 'Faculty of Humanities' },
  ],
  departments: [
    { code: 'IDI', name: 'Department of Computer Science', faculty: 'IE' },
    { code: 'IMF', name: 'Department of Mathematical Sciences', faculty: 'NV' },
    { code: 'IFR', name: 'Department of Philosophy', faculty: 'HF' },
  ],
  boards: [
    {
      code: 'SU-IE',
      name: 'Study board IE',
      faculty: 'IE',
      department: 'IDI',
      chair: 'chair.ie@uni.example',
      secretary: 'secretary.ie@uni.example',
    },
    {
      code: 'SU-NV',
      name: 'Study board NV',
      faculty: 'NV',
      chair: 'chair.nv@uni.example',
      secretary: 'secretary.nv@uni.example',
    },
  ],
  programmes: [
    { code: 'MTDT', name: 'Computer Science (MSc)', board: 'SU-IE' },
    { code: 'BMAT', name: 'Mathematics (BSc)', board: 'SU-NV' },
  ],
  managers: [
    { role: 'dean', email: people.deanIe, scope: { faculty: 'IE' } },
    { role: 'quality_department', email: people.quality, scope: 'institution' },
  ],
  deviations: {
    reportOwners: [
      { faculty: 'IE', people: [people.ownerIe1] },
      { faculty: 'NV', people: [people.ownerNv] },
    ],
    courses: [
      { code: 'TDT4100', name: 'Object-oriented programming', department: 'IDI' },
      { code: 'MA1101', name: 'Calculus 1', department: 'IMF' },
    ],
    whistleblowing: { link: 'https://uni.example/whistleblowing' },
  },
};

export function cliConfig() {
  const parsed = parseInstitutionConfig(cliInstitution);
  if (!parsed.success) throw new Error(`test config is invalid: ${parsed.error.message}`);
  const section = parsed.data.deviations;
  if (section === null) throw new Error('no deviations section');
  return { config: parsed.data, section };
}

export interface CliFolder {
  readonly folder: string;
  readonly target: TestDatabaseTarget;
  trafiklys(...argv: string[]): Promise<CliResult>;
  /** Opens the command line's database for a moment (PGlite lets one holder in at a time). */
  withStore<T>(work: (store: PrismaDeviationStore, database: Database) => Promise<T>): Promise<T>;
  /** The units the report form offers, read as the bot reads them. */
  units(): Promise<UnitDirectory>;
  dispose(): Promise<void>;
}

export async function cliFolder(options: {
  readonly now: Date;
  readonly withDeviations?: boolean;
}): Promise<CliFolder> {
  const folder = await mkdtemp(join(tmpdir(), 'trafiklys-deviations-'));
  const { deviations, ...withoutDeviations } = cliInstitution;
  await writeFile(
    join(folder, 'trafiklys.config.yaml'),
    stringify(options.withDeviations === false ? withoutDeviations : { ...withoutDeviations, deviations }),
  );
  const target = await createTestDatabaseTarget();
  const withStore = async <T>(work: (store: PrismaDeviationStore, database: Database) => Promise<T>) => {
    const database = await openDatabase(target.options);
    try {
      return await work(new PrismaDeviationStore(database.prisma, 'test'), database);
    } finally {
      await database.close();
    }
  };
  return {
    folder,
    target,
    trafiklys: (...argv) => runTrafiklys(argv, { cwd: folder, env: databaseEnv(target), now: options.now }),
    withStore,
    units: () =>
      withStore(async (store) => {
        const { config, section } = cliConfig();
        return new UnitDirectory(config, section, await store.catalogue());
      }),
    async dispose() {
      await target.dispose();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
