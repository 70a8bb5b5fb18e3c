/**
 * The made-up university of the Slack reminder benchmark: the identify bench's
 * twenty subjects (bench-institution.ts) taught at up to eight campuses, one
 * study board per subject and campus, each with its own Slack channel, chair
 * and secretary. A department is a faculty at a campus; its head gets a copy
 * of each of its boards' reminders as a direct message (the procedure's
 * head_of_department role), and each faculty's dean is configured too (a role
 * that gets no copies). Every person is a Slack user the double knows.
 */
import { stringify } from 'yaml';
import { type InstitutionConfig, parseInstitutionConfig } from '../src/config/institution-config.js';
import { benchBoards, benchFaculties } from './bench-institution.js';
import type { SlackUser } from './slack-double.js';

const campuses = [
  ['AAL', 'Aalborg'],
  ['AAR', 'Aarhus'],
  ['CPH', 'København'],
  ['ODE', 'Odense'],
  ['ROS', 'Roskilde'],
  ['ESB', 'Esbjerg'],
  ['KOL', 'Kolding'],
  ['HER', 'Herning'],
] as const;

export const maxSlackBenchBoards = campuses.length * benchBoards.length;

const domain = 'uni.example';

export interface SlackBenchInstitution {
  readonly config: InstitutionConfig;
  /** Everyone the configuration names, as Slack users. */
  readonly users: readonly SlackUser[];
  /** The same configuration as a trafiklys.config.yaml, for a bot started as `npm start` starts it. */
  readonly configYaml: string;
}

/** The first `boardCount` boards, campus by campus (every subject at the first campus, then the next). */
export function slackBenchInstitution(boardCount: number): SlackBenchInstitution {
  if (!Number.isInteger(boardCount) || boardCount < 1 || boardCount > maxSlackBenchBoards) {
    throw new RangeError(`the Slack bench has 1 to ${maxSlackBenchBoards} study boards, not ${boardCount}`);
  }
  const places = campuses.flatMap(([campusCode, campusName]) =>
    benchBoards.map((subject) => ({ subject, campusCode, campusName })),
  );
  const boards = places.slice(0, boardCount).map(({ subject, campusCode, campusName }, index) => {
    const code = `${subject.code}-${campusCode}`;
    const local = code.toLowerCase();
    return {
      code,
      name: `${subject.name}, ${campusName}`,
      faculty: subject.facultyCode,
      department: departmentCode(subject.facultyCode, campusCode),
      chair: `chair.${local}@${domain}`,
      secretary: `secretary.${local}@${domain}`,
      channels: { slack: `C${String(index + 1).padStart(9, '0')}` },
    };
  });
  const departmentCodes = [...new Set(boards.map((board) => board.department))];
  const programmes = places.slice(0, boardCount).flatMap(({ subject, campusCode, campusName }) =>
    subject.programmes.map((programme) => ({
      code: `${programme.code}-${campusCode}`,
      name: `${programme.name}, ${campusName}`,
      board: `${subject.code}-${campusCode}`,
    })),
  );
  const managers = [
    ...departmentCodes.map((department) => ({
      role: 'head_of_department' as const,
      email: `hod.${department.toLowerCase()}@${domain}`,
      scope: { department },
    })),
    ...benchFaculties.map((faculty) => ({
      role: 'dean' as const,
      email: `dean.${faculty.code.toLowerCase()}@${domain}`,
      scope: { faculty: faculty.code },
    })),
  ];
  const raw = {
    institution: { name: 'Nordisk Benchmark Universitet', language: 'da' },
    faculties: benchFaculties,
    departments: departmentCodes.map((code) => ({
      code,
      name: `Institut ${code}`,
      faculty: code.split('-')[0],
    })),
    boards,
    programmes,
    managers,
  };
  const parsed = parseInstitutionConfig(raw);
  if (!parsed.success)
    throw new Error(`bench: the generated institution is invalid: ${parsed.error.message}`);
  const emails = [
    ...boards.flatMap((board) => [board.chair, board.secretary]),
    ...managers.map((manager) => manager.email),
  ];
  // Every third person reads Slack in English; the rest in Danish (the institution's language).
  const users = emails.map((email, index) => ({
    id: `U${String(index + 1).padStart(8, '0')}`,
    email,
    realName: email.split('@')[0] ?? email,
    locale: index % 3 === 0 ? 'en-GB' : 'da-DK',
  }));
  return { config: parsed.data, users, configYaml: stringify(raw) };
}

function departmentCode(facultyCode: string, campusCode: string): string {
  return `${facultyCode}-${campusCode}`;
}
