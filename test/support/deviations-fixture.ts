import { type InstitutionConfig, parseInstitutionConfig } from '../../src/config/institution-config.js';
import type { Logger } from '../../src/logging/logger.js';
import type { DeviationDependencies } from '../../src/procedures/deviations/deviation-dependencies.js';
import { PrismaDeviationStore } from '../../src/procedures/deviations/storage/prisma-deviation-store.js';
import { UnitDirectory } from '../../src/procedures/deviations/unit-directory.js';
import type { Database } from '../../src/storage/database.js';
import type { ChatSurface } from '../../src/surfaces/chat-surface.js';
import { capturedLogger } from './captured-logger.js';

/**
 * A university shaped like NTNU for the deviations procedure: two faculties
 * (IE with two report owners, NV with one), departments with heads, deans,
 * the quality department, programmes and courses, and the whistleblowing
 * route. Built through the real schema, so defaults are as in production.
 */
export const people = {
  ownerIe1: 'owner.ie1@uni.example',
  ownerIe2: 'owner.ie2@uni.example',
  ownerNv: 'owner.nv@uni.example',
  handler: 'handler@uni.example',
  colleague: 'colleague@uni.example',
  deanIe: 'dean.ie@uni.example',
  headIdi: 'head.idi@uni.example',
  deanNv: 'dean.nv@uni.example',
  quality: 'quality@uni.example',
  student: 'student@stud.uni.example',
  otherStudent: 'other.student@stud.uni.example',
  employee: 'lecturer@uni.example',
} as const;

export function deviationsInstitution(overrides: Readonly<Record<string, unknown>> = {}): InstitutionConfig {
  const parsed = parseInstitutionConfig({
    institution: { name: 'Test University', language: 'en', timeZone: 'Europe/Oslo' },
    faculties: [
      { code: 'IE', name: 'Faculty of Information Technology and Electrical Engineering' },
      { code: 'NV', name: 'Faculty of Natural Sciences' },
    ],
    departments: [
      { code: 'IDI', name: 'Department of Computer Science', faculty: 'IE' },
      { code: 'IMF', name: 'Department of Mathematical Sciences', faculty: 'NV' },
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
      { role: 'head_of_department', email: people.headIdi, scope: { department: 'IDI' } },
      { role: 'dean', email: people.deanNv, scope: { faculty: 'NV' } },
      { role: 'quality_department', email: people.quality, scope: 'institution' },
    ],
    deviations: {
      reportOwners: [
        { faculty: 'IE', people: [people.ownerIe1, people.ownerIe2] },
        { faculty: 'NV', people: [people.ownerNv] },
      ],
      courses: [
        { code: 'TDT4100', name: 'Object-oriented programming', department: 'IDI' },
        { code: 'MA1101', name: 'Calculus 1', department: 'IMF' },
      ],
      whistleblowing: {
        link: 'https://uni.example/whistleblowing',
        contacts: [{ name: 'Vera Varsel', email: 'ombud@uni.example', role: 'Student ombudsman' }],
      },
      ...overrides,
    },
  });
  if (!parsed.success) throw new Error(`test config is invalid: ${parsed.error.message}`);
  return parsed.data;
}

/** A clock a test moves by hand. */
export class TestClock {
  constructor(private current: Date) {}
  readonly now = (): Date => new Date(this.current);
  set(to: Date): void {
    this.current = new Date(to);
  }
  advanceDays(days: number): void {
    this.current = new Date(this.current.getTime() + days * 86_400_000);
  }
}

/** The procedure's dependencies over a test database, with the given surfaces and clock. */
export function deviationDependencies(options: {
  readonly database: Database;
  readonly surfaces: readonly ChatSurface[];
  readonly clock: TestClock;
  readonly config?: InstitutionConfig;
  readonly instanceId?: string;
  readonly logger?: Logger;
}): DeviationDependencies & { readonly store: PrismaDeviationStore } {
  const config = options.config ?? deviationsInstitution();
  const section = config.deviations;
  if (section === null) throw new Error('the test institution has no deviations section');
  const store = new PrismaDeviationStore(
    options.database.prisma,
    options.instanceId ?? 'test-instance',
    config.institution.timeZone,
  );
  return {
    config,
    section,
    store,
    units: async () => new UnitDirectory(config, section, await store.catalogue()),
    surfaces: options.surfaces,
    now: options.clock.now,
    logger: options.logger ?? capturedLogger().logger,
  };
}
