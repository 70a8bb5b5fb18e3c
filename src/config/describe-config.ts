import type { Thresholds } from '../procedures/at-risk/config-section.js';
import type { InstitutionConfig, ManagerRole, ManagerScope, StudyBoard } from './institution-config.js';
import { managerRoles } from './institution-config.js';
import { procedureConfigSections } from './procedure-config-sections.js';
import { nextScheduledRuns, wallTimeIn } from './schedule-runs.js';
import { cronInWords, monthNames, weekdayNames } from './schedule-words.js';

export type Row = readonly [label: string, value: string | readonly string[]];

/**
 * What `trafiklys config check` prints: the configuration as a person reads
 * it, so a mistake (a board under the wrong faculty, a role nobody holds)
 * shows even where the file is valid. `now` pins the schedule's next runs.
 */
export function describeConfig(config: InstitutionConfig, now: Date = new Date()): string {
  return [
    institutionSection(config),
    unitsSection(config),
    managersSection(config),
    scheduleSection(config, now),
    thresholdsSection(config.thresholds),
    importSection(config),
    mailSection(config),
    // Procedures that describe their own section (src/config/config-section.ts).
    ...procedureConfigSections.flatMap((section) =>
      // Each section describes the configuration it is part of (its parameter is `never` for that reason).
      'describe' in section ? [section.describe(config as never, aligned)] : [],
    ),
  ]
    .map((lines) => lines.join('\n'))
    .join('\n\n');
}

function institutionSection(config: InstitutionConfig): string[] {
  const { institution } = config;
  return [
    institution.name,
    ...aligned(
      [
        [
          'language',
          `${institution.language} (channel messages and the bot's fallback; mails follow teaching_language)`,
        ],
        ['time zone', institution.timeZone],
      ],
      2,
    ),
  ];
}

function unitsSection(config: InstitutionConfig): string[] {
  const lines = ['Faculties, departments and study boards'];
  for (const faculty of config.faculties) {
    lines.push(`  ${faculty.code}  ${faculty.name}`);
    const departments = config.departments.filter((department) => department.faculty === faculty.code);
    if (departments.length > 0) {
      lines.push('    departments');
      lines.push(
        ...aligned(
          departments.map((department) => [department.code, department.name]),
          6,
        ),
      );
    }
    const boards = config.boards.filter((board) => board.faculty === faculty.code);
    lines.push(boards.length > 0 ? '    study boards' : '    study boards  (none)');
    for (const board of boards) lines.push(...boardLines(board, config));
  }
  return lines;
}

function boardLines(board: StudyBoard, config: InstitutionConfig): string[] {
  const programmes = config.programmes.filter((programme) => programme.board === board.code);
  const rows: Row[] = [
    ['department', board.department ?? '(none)'],
    ['chair', board.chair],
    ['secretary', board.secretary],
    ['delegates', board.delegates.length > 0 ? board.delegates.join(', ') : '(none)'],
    ['channels', channelsText(board.channels)],
    [
      'programmes',
      programmes.length > 0
        ? aligned(
            programmes.map((programme) => [programme.code, programme.name]),
            0,
          )
        : '(none)',
    ],
  ];
  return [`      ${board.code}  ${board.name}`, ...aligned(rows, 8)];
}

function channelsText(channels: StudyBoard['channels']): string {
  const parts = [`console ${channels.console}`];
  if (channels.slack !== undefined) parts.push(`Slack ${channels.slack}`);
  if (channels.teams !== undefined) parts.push(`Teams ${channels.teams}`);
  return parts.join(', ');
}

function managersSection(config: InstitutionConfig): string[] {
  // One column for the scopes across all roles, so the section reads as one table.
  const emailWidth = Math.max(0, ...config.managers.map((manager) => manager.email.length));
  const rows = managerRoles.map((role): Row => {
    const managers = config.managers.filter((manager) => manager.role === role);
    if (managers.length === 0) return [roleName(role), '(none)'];
    return [
      roleName(role),
      managers.map((manager) => `${manager.email.padEnd(emailWidth)}  ${scopeText(manager.scope)}`),
    ];
  });
  return ['Managers', ...aligned(rows, 2)];
}

function roleName(role: ManagerRole): string {
  return role.replaceAll('_', ' ');
}

function scopeText(scope: ManagerScope): string {
  if (scope === 'institution') return 'the institution';
  if ('faculty' in scope) return `faculty ${scope.faculty}`;
  if ('department' in scope) return `department ${scope.department}`;
  return `study board ${scope.board}`;
}

function scheduleSection(config: InstitutionConfig, now: Date): string[] {
  const { schedule } = config;
  const words = cronInWords(schedule.cron);
  const runs = nextScheduledRuns(schedule, now, 2);
  return [
    'Schedule',
    ...aligned(
      [
        ['runs', words === null ? `cron "${schedule.cron}"` : `${words} (cron "${schedule.cron}")`],
        ['time zone', schedule.timeZone],
        ['next runs', runs.length > 0 ? runs.map((run) => dateText(run, schedule.timeZone)) : '(never)'],
      ],
      2,
    ),
  ];
}

/** `Monday 6 April 2026 09:00`, on the schedule's wall clock. */
function dateText(instant: Date, timeZone: string): string {
  const wall = wallTimeIn(instant, timeZone);
  const clock = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
  return `${weekdayNames[wall.weekday]} ${wall.day} ${monthNames[wall.month - 1]} ${wall.year} ${clock}`;
}

function thresholdsSection(thresholds: Thresholds): string[] {
  const { greenMaxBehind, redMinBehind, inactivityMonths, ectsPerMonth } = thresholds;
  return [
    'Thresholds (behind = ECTS expected − ECTS passed)',
    ...aligned(
      [
        [
          'blue',
          `enrolled ≥ ${inactivityMonths} months, no module passed in the last ${inactivityMonths} months`,
        ],
        ['green', `behind ≤ ${greenMaxBehind} ECTS`],
        ['yellow', `${greenMaxBehind} < behind < ${redMinBehind} ECTS`],
        ['red', `behind ≥ ${redMinBehind} ECTS`],
        ['delay', `behind ÷ ${ectsPerMonth} ECTS per month`],
        ['§ 31 special guidance', `delay > ${thresholds.specialGuidanceMonths} months`],
        ['§ 31 must contact', `delay > ${thresholds.mandatoryContactMonths} months`],
      ],
      2,
    ),
  ];
}

function importSection(config: InstitutionConfig): string[] {
  const aliases = Object.entries(config.columnAliases).map(
    ([column, names]): Row => [column, names.map((name) => JSON.stringify(name)).join(', ')],
  );
  return [
    'Imports',
    ...aligned(
      [
        ['import folder', config.importFolder ?? '(none: exports come from chat or the command line)'],
        ['column aliases', aliases.length > 0 ? aligned(aliases, 0) : '(none)'],
      ],
      2,
    ),
  ];
}

/** The § 31 mails, how they are sent, when the chair is reminded, and where cycles are journalised. */
function mailSection(config: InstitutionConfig): string[] {
  const { mail, smtp, dispatch, journal } = config;
  const boardLinks = Object.entries(mail.boards).map(([code, board]): Row => [code, board.bookingLink]);
  const scopeText = (scope: (typeof mail.overrides)[number]['scope']) =>
    scope === 'institution'
      ? 'the institution'
      : 'board' in scope
        ? `board ${scope.board}`
        : `department ${scope.department}`;
  const overrides = mail.overrides.map(
    (override) =>
      `${override.template}/${override.language} ${(['subject', 'text', 'html'] as const)
        .filter((part) => override[part] !== undefined)
        .join(', ')} for ${scopeText(override.scope)}`,
  );
  const rate = smtp.rateLimit
    ? `at most ${smtp.rateLimit.messages} mails in ${smtp.rateLimit.perSeconds} s`
    : 'no rate limit';
  const days = (value: number | null, who: string) =>
    value === null ? `${who}: never` : `${who} after ${value} days`;
  return [
    'Mails (§ 31) and journal',
    ...aligned(
      [
        ['booking link', mail.bookingLink ?? '(none: red students are asked to write to the chair)'],
        ...(boardLinks.length > 0 ? [['  per board', aligned(boardLinks, 0)] as Row] : []),
        [
          'guidance services',
          mail.guidanceServices.length > 0
            ? mail.guidanceServices.map((service) => textOf(service.name))
            : '(none)',
        ],
        ['template overrides', overrides.length > 0 ? overrides : '(none: the built-in templates)'],
        [
          'sending',
          `${smtp.maxConnections} connections, ${rate}, retries after ${smtp.retryMinutes.join(', ')} minutes (server: SMTP_URL)`,
        ],
        [
          'dispatch reminder',
          `${days(dispatch.remindChairAfterDays, 'the chair')}, ${days(dispatch.tellHeadOfStudiesAfterDays, 'the head of studies')}`,
        ],
        [
          'journal',
          journal === null
            ? '(none: cycles are not journalised)'
            : journal.kind === 'folder'
              ? `folder ${journal.folder}`
              : `HTTP ${journal.url}`,
        ],
      ],
      2,
    ),
  ];
}

/** A name given once or per language, as one text (Danish first, as the mails' library is). */
function textOf(name: string | Readonly<Partial<Record<string, string>>>): string {
  return typeof name === 'string' ? name : Object.values(name).filter(Boolean).join(' / ');
}

/** Rows as `label  value` with the values in one column; a multi-line value continues in that column. */
export function aligned(rows: readonly Row[], indent: number): string[] {
  const width = Math.max(0, ...rows.map(([label]) => label.length));
  const lines: string[] = [];
  for (const [label, value] of rows) {
    const values = typeof value === 'string' ? [value] : value.length > 0 ? value : [''];
    values.forEach((text, index) => {
      const head = index === 0 ? label.padEnd(width) : ''.padEnd(width);
      lines.push(`${' '.repeat(indent)}${head}  ${text}`.trimEnd());
    });
  }
  return lines;
}
