import { caseDates } from '../../../../src/procedures/deviations/deadlines.js';
import type {
  CasePerson,
  DeviationCase,
  DeviationCategory,
  DeviationState,
} from '../../../../src/procedures/deviations/deviation-case.js';
import type { DeviationStore } from '../../../../src/procedures/deviations/storage/deviation-store.js';
import type { UnitDirectory } from '../../../../src/procedures/deviations/unit-directory.js';
import { people } from '../../../support/deviations-fixture.js';

/**
 * 200 deviation cases made from a small table of groups, so every expected
 * figure in the statistics tests can be added up by hand from the table.
 * Units: TDT4100 and MTDT are IE's (department IDI), MA1101 and BMAT NV's.
 * Every receipt and finish is at 10:00 UTC (11:00 or 12:00 in Oslo, the
 * same day), except G12's receipt, late on 30 September UTC, which is
 * already 1 October in Oslo. The deadline is 28 days: a case finished 28
 * days after receipt is on time, 29 days is late.
 *
 * "Now" is 15 October 2026, 12:00 in Oslo: an open case received on or
 * before 16 September 2026 is overdue (its deadline's day was 14 October),
 * one received on 17 September is not (its day is today).
 */
export const statisticsNow = new Date('2026-10-15T10:00:00Z');

export type FixtureUnit = 'TDT4100' | 'MTDT' | 'MA1101' | 'BMAT';

export interface CaseGroup {
  readonly name: string;
  readonly count: number;
  readonly unit: FixtureUnit;
  readonly category: DeviationCategory;
  readonly receivedAt: string;
  /** The state it ends in; a final state with the instant it was reached. */
  readonly end:
    | { readonly state: 'received' | 'in_handling' }
    | { readonly state: 'closed' | 'rejected' | 'redirected'; readonly at: string };
  /** Forwarded from IE to NV before anything else. */
  readonly forwardedToNv?: true;
  readonly sensitive?: true;
}

//            count  unit     faculty  category                  received (Oslo)  end                            handling days
export const caseGroups: readonly CaseGroup[] = [
  // G1     30  TDT4100  IE  timetabling               2026-01-15  closed 2026-01-25      10
  g('G1', 30, 'TDT4100', 'timetabling', '2026-01-15', { state: 'closed', at: '2026-01-25' }),
  // G2     20  MTDT     IE  exam_assessment_forms     2026-02-10  closed 2026-03-17      35 (late)
  g('G2', 20, 'MTDT', 'exam_assessment_forms', '2026-02-10', { state: 'closed', at: '2026-03-17' }),
  // G3     15  MA1101   NV  information_flow          2026-03-05  rejected 2026-03-08     3
  g('G3', 15, 'MA1101', 'information_flow', '2026-03-05', { state: 'rejected', at: '2026-03-08' }),
  // G4     10  BMAT     NV  feedback_guidance         2026-04-20  redirected 2026-04-21   1   sensitive
  g(
    'G4',
    10,
    'BMAT',
    'feedback_guidance',
    '2026-04-20',
    { state: 'redirected', at: '2026-04-21' },
    {
      sensitive: true,
    },
  ),
  // G5     25  TDT4100  IE  teaching_learning_forms   2026-05-12  in handling (overdue)
  g('G5', 25, 'TDT4100', 'teaching_learning_forms', '2026-05-12', { state: 'in_handling' }),
  // G6     12  MA1101   NV  grading_examiners         2026-06-03  closed 2026-07-01      28 (on time)
  g('G6', 12, 'MA1101', 'grading_examiners', '2026-06-03', { state: 'closed', at: '2026-07-01' }),
  // G7      8  MTDT     IE  reference_groups          2026-07-07  closed 2026-08-05      29 (late)
  g('G7', 8, 'MTDT', 'reference_groups', '2026-07-07', { state: 'closed', at: '2026-08-05' }),
  // G8     20  BMAT     NV  equipment_premises        2026-09-16  received (overdue since today)
  g('G8', 20, 'BMAT', 'equipment_premises', '2026-09-16', { state: 'received' }),
  // G9     10  TDT4100  IE  universal_design_digital  2026-09-17  received (due today)    sensitive
  g(
    'G9',
    10,
    'TDT4100',
    'universal_design_digital',
    '2026-09-17',
    { state: 'received' },
    { sensitive: true },
  ),
  // G10    15  MA1101   NV  other                     2026-10-01  in handling
  g('G10', 15, 'MA1101', 'other', '2026-10-01', { state: 'in_handling' }),
  // G11    10  TDT4100  IE  timetabling               2025-09-10  closed 2025-09-15       5   (before the default period)
  g('G11', 10, 'TDT4100', 'timetabling', '2025-09-10', { state: 'closed', at: '2025-09-15' }),
  // G12     5  MTDT     IE  information_flow          2025-10-01 (30 Sep UTC)  closed 2025-11-10  40 (late)
  {
    ...g('G12', 5, 'MTDT', 'information_flow', '2025-10-01', { state: 'closed', at: '2025-11-10' }),
    receivedAt: '2025-09-30T22:30:00Z',
  },
  // G13    10  TDT4100→NV   feedback_guidance         2025-12-01  rejected 2025-12-21    20
  g(
    'G13',
    10,
    'TDT4100',
    'feedback_guidance',
    '2025-12-01',
    { state: 'rejected', at: '2025-12-21' },
    {
      forwardedToNv: true,
    },
  ),
  // G14    10  MTDT     IE  exam_assessment_forms     2025-11-20  in handling (overdue)
  g('G14', 10, 'MTDT', 'exam_assessment_forms', '2025-11-20', { state: 'in_handling' }),
];

function g(
  name: string,
  count: number,
  unit: FixtureUnit,
  category: DeviationCategory,
  receivedOn: string,
  end: { state: 'received' | 'in_handling' } | { state: 'closed' | 'rejected' | 'redirected'; at: string },
  extra: { forwardedToNv?: true; sensitive?: true } = {},
): CaseGroup {
  return {
    name,
    count,
    unit,
    category,
    receivedAt: `${receivedOn}T10:00:00Z`,
    end: 'at' in end ? { state: end.state, at: `${end.at}T10:00:00Z` } : end,
    ...extra,
  };
}

/** What a sensitive case says: a test proves these words reach no statistics, chart text, JSON or CSV. */
export const sensitiveDescription = 'Kari Nordmann’s diagnosis was read out in the lecture';
export const sensitiveWhereWhen = 'Auditorium S5, the seminar on 3 March';
export const ordinaryDescription = 'The room was booked twice';

export const reporter = {
  email: people.student,
  name: 'Stina Studentsen',
  role: 'student',
  surface: 'slack',
  language: 'en',
} as const;
export const handler: CasePerson = { email: people.handler, name: 'Hanne Handlersen' };
const rules = { timeZone: 'Europe/Oslo', deadlineDays: 28, reminderDays: 21 };

const facultyOf: Readonly<Record<FixtureUnit, { faculty: string; kind: 'course' | 'programme' }>> = {
  TDT4100: { faculty: 'IE', kind: 'course' },
  MTDT: { faculty: 'IE', kind: 'programme' },
  MA1101: { faculty: 'NV', kind: 'course' },
  BMAT: { faculty: 'NV', kind: 'programme' },
};

/** The 200 cases as plain objects, the way the store returns them (for the pure statistics). */
export function fixtureCases(): DeviationCase[] {
  return caseGroups.flatMap((group) =>
    Array.from({ length: group.count }, (_, index): DeviationCase => {
      const receivedAt = new Date(group.receivedAt);
      const final = 'at' in group.end ? group.end : null;
      const state: DeviationState = group.end.state;
      return {
        id: `${group.name}-${index + 1}`,
        number: `${group.name}-${index + 1}`,
        state,
        category: group.category,
        unit: { kind: facultyOf[group.unit].kind, code: group.unit },
        facultyCode: group.forwardedToNv ? 'NV' : facultyOf[group.unit].faculty,
        whereWhen: group.sensitive ? sensitiveWhereWhen : 'Room R7',
        description: group.sensitive ? sensitiveDescription : ordinaryDescription,
        reporter,
        sensitive: group.sensitive === true,
        handler: state === 'in_handling' || state === 'closed' ? handler : null,
        receivedAt,
        deadlineAt: caseDates(receivedAt, rules).deadlineAt,
        preliminaryReplyAt: null,
        causes: null,
        measures: null,
        outcome: state === 'closed' ? 'Fixed' : null,
        reason: state === 'rejected' || state === 'redirected' ? 'Not a deviation' : null,
        closedAt: final === null ? null : new Date(final.at),
        textPurgeAfter: null,
        version: 0,
      };
    }),
  );
}

/** Files the 200 cases in a store and takes each through the steps to its end state. */
export async function fileFixtureCases(store: DeviationStore, units: UnitDirectory): Promise<void> {
  const ownerIe: CasePerson = { email: people.ownerIe1, name: 'Olav Owner' };
  const ownerNv: CasePerson = { email: people.ownerNv, name: 'Nils Owner' };
  for (const group of caseGroups) {
    const unit = units.unit({ kind: facultyOf[group.unit].kind, code: group.unit });
    if (unit === null) throw new Error(`${group.unit} is not reportable in the test institution`);
    for (let index = 0; index < group.count; index += 1) {
      const receivedAt = new Date(group.receivedAt);
      const { deviation } = await store.file({
        submissionKey: `statistics-${group.name}-${index}`,
        category: group.category,
        unit,
        whereWhen: group.sensitive ? sensitiveWhereWhen : 'Room R7',
        description: group.sensitive ? sensitiveDescription : ordinaryDescription,
        reporter,
        receivedAt,
        dates: caseDates(receivedAt, rules),
      });
      let owner = unit.facultyCode === 'IE' ? ownerIe : ownerNv;
      if (group.forwardedToNv) {
        await store.step(deviation.id, 'forward', owner, { facultyCode: 'NV' });
        owner = ownerNv;
      }
      if (group.sensitive) await store.step(deviation.id, 'flagSensitive', owner, { sensitive: true });
      const end = group.end;
      if (end.state === 'received') continue;
      if (end.state === 'in_handling' || end.state === 'closed') {
        await store.step(deviation.id, 'accept', owner, { handler, alsoRecord: ['assigned'] });
      }
      if (!('at' in end)) continue;
      const closedAt = new Date(end.at);
      if (end.state === 'closed')
        await store.step(deviation.id, 'close', handler, { outcome: 'Fixed', closedAt });
      if (end.state === 'rejected')
        await store.step(deviation.id, 'reject', owner, { reason: 'Not a deviation', closedAt });
      if (end.state === 'redirected')
        await store.step(deviation.id, 'redirect', owner, { reason: 'A serious matter', closedAt });
    }
  }
}
