import { type InstitutionConfig, nameIn } from '../../config/institution-config.js';
import { UnitDirectory } from './unit-directory.js';

export type Aligned = (
  rows: readonly (readonly [string, string | readonly string[]])[],
  indent: number,
) => string[];

/**
 * The deviations section as `trafiklys config check` shows it: the commands,
 * who receives each faculty's reports and how many units they cover, the
 * deadlines and the whistleblowing route. A faculty with programmes but no
 * report owners is named: its units cannot be reported on.
 */
export function describeDeviations(config: InstitutionConfig, aligned: Aligned): string[] {
  const section = config.deviations;
  if (section === null) return ['Deviation reports', '  off (no deviations: section)'];
  const units = new UnitDirectory(config, section).units();
  const faculties = config.faculties.map((faculty) => {
    const owners = section.reportOwners.find((entry) => entry.faculty === faculty.code)?.people ?? [];
    const count = units.filter((unit) => unit.facultyCode === faculty.code).length;
    return [
      `${faculty.code}`,
      owners.length === 0
        ? `no report owners: its programmes and courses cannot be reported on (${nameIn(faculty, config.institution.language)})`
        : `${owners.join(', ')} (${count} programmes and courses)`,
    ] as const;
  });
  return [
    'Deviation reports',
    ...aligned(
      [
        [
          'commands',
          Object.values(section.commandNames)
            .map((name) => `/${name}`)
            .join(', '),
        ],
        [
          'deadline',
          `${section.deadlineDays} days from receipt; reminder after ${section.reminderDays} days`,
        ],
        [
          'overdue goes to',
          section.lineManager === 'dean' ? 'the dean' : 'the head of department, else the dean',
        ],
        [
          'whistleblowing',
          [
            section.whistleblowing.link,
            ...section.whistleblowing.contacts.map((contact) => `${contact.name} <${contact.email}>`),
          ],
        ],
        ['redirected text', `kept ${section.redirectedTextRetentionDays} days`],
      ],
      2,
    ),
    '  report owners',
    ...aligned(faculties, 4),
  ];
}
