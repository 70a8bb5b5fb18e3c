import { describe, expect, it } from 'vitest';
import { parseInstitutionConfig } from '../../../../src/config/institution-config.js';
import {
  recipientsOf,
  spreadBySharedCopies,
} from '../../../../src/procedures/at-risk/reminder/reminder-recipients.js';

const board = (code: string, department: string) => ({
  code,
  name: code,
  faculty: 'TECH',
  department,
  chair: `chair.${code.toLowerCase()}@x.example`,
  secretary: `secretary.${code.toLowerCase()}@x.example`,
});

const parsed = parseInstitutionConfig({
  institution: { name: 'Test University' },
  faculties: [{ code: 'TECH', name: 'Technology' }],
  departments: [
    { code: 'CS', name: 'Computer Science', faculty: 'TECH' },
    { code: 'ES', name: 'Electronic Systems', faculty: 'TECH' },
  ],
  boards: [
    board('CS-1', 'CS'),
    board('CS-2', 'CS'),
    board('CS-3', 'CS'),
    board('ES-1', 'ES'),
    board('ES-2', 'ES'),
  ],
  managers: [
    { role: 'head_of_department', email: 'hod.cs@x.example', scope: { department: 'CS' } },
    { role: 'head_of_department', email: 'hod.es@x.example', scope: { department: 'ES' } },
    { role: 'student_services', email: 'services@x.example', scope: 'institution' },
    { role: 'dean', email: 'dean@x.example', scope: { faculty: 'TECH' } },
  ],
});
if (!parsed.success) throw new Error(parsed.error.message);
const config = parsed.data;

describe('who a board’s reminder concerns', () => {
  it('mentions chair and secretary, and copies the managers whose scope covers the board (not the dean)', () => {
    const recipients = recipientsOf(config.boards[0]!, config);
    expect(recipients.chair.email).toBe('chair.cs-1@x.example');
    expect(recipients.secretary.email).toBe('secretary.cs-1@x.example');
    expect(recipients.copies.map((person) => person.email)).toEqual([
      'hod.cs@x.example',
      'services@x.example',
    ]);
  });
});

describe('the order boards are reminded in', () => {
  it('alternates between boards whose copies go to different people, so no one’s copies queue up at the end', () => {
    const order = spreadBySharedCopies(config.boards, config).map((board) => board.code);
    expect(order).toEqual(['CS-1', 'ES-1', 'CS-2', 'ES-2', 'CS-3']);
  });

  it('keeps every board exactly once, and the configured order when all boards share their copies', () => {
    const csOnly = config.boards.filter((board) => board.department === 'CS');
    expect(spreadBySharedCopies(csOnly, config)).toEqual(csOnly);
    expect(spreadBySharedCopies([], config)).toEqual([]);
  });
});
