/** The part of zod's refinement context the checks use. */
export interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; path: (string | number)[] }): void;
}

/** One entry of a list of units (faculties, boards…) that at least has a code. */
interface Unit {
  readonly index: number;
  readonly code: string;
  readonly entry: Readonly<Record<string, unknown>>;
}

/**
 * Cross-references between the lists: codes are unique, every reference names
 * an existing unit, a board's department lies in the board's faculty, and no
 * two boards share a chat channel (a channel tells the bot which board a
 * command is about). Runs on a value whose entries may be malformed, so it
 * reads every field defensively and checks what it can.
 */
export function checkReferences(config: unknown, ctx: IssueSink): void {
  if (!isRecord(config)) return;
  const faculties = unitsOf(config, 'faculties');
  const departments = unitsOf(config, 'departments');
  const boards = unitsOf(config, 'boards');
  const programmes = unitsOf(config, 'programmes');

  const facultyByCode = uniqueCodes(faculties, 'faculties', 'faculty', ctx);
  const departmentByCode = uniqueCodes(departments, 'departments', 'department', ctx);
  const boardByCode = uniqueCodes(boards, 'boards', 'study board', ctx);
  uniqueCodes(programmes, 'programmes', 'programme', ctx);

  for (const department of departments) {
    checkReference(department, 'departments', 'faculty', facultyByCode, 'a faculty', ctx);
  }
  for (const board of boards) {
    checkReference(board, 'boards', 'faculty', facultyByCode, 'a faculty', ctx);
    const department = checkReference(board, 'boards', 'department', departmentByCode, 'a department', ctx);
    const boardFaculty = board.entry.faculty;
    if (
      department !== undefined &&
      typeof boardFaculty === 'string' &&
      department.entry.faculty !== boardFaculty
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['boards', board.index, 'department'],
        message: `department "${department.code}" belongs to faculty ${String(department.entry.faculty)}, not ${boardFaculty}`,
      });
    }
  }
  for (const programme of programmes) {
    checkReference(programme, 'programmes', 'board', boardByCode, 'a study board', ctx);
  }
  checkManagerScopes(config.managers, { facultyByCode, departmentByCode, boardByCode }, ctx);
  // A duplicate board is already an issue; its channels would only repeat it.
  const distinctBoards = [...boardByCode.values()];
  for (const channel of ['slack', 'teams', 'console'] as const) uniqueChannels(distinctBoards, channel, ctx);
}

function checkManagerScopes(
  managers: unknown,
  units: Readonly<Record<'facultyByCode' | 'departmentByCode' | 'boardByCode', ReadonlyMap<string, Unit>>>,
  ctx: IssueSink,
): void {
  if (!Array.isArray(managers)) return;
  const byKind = {
    faculty: [units.facultyByCode, 'a faculty'],
    department: [units.departmentByCode, 'a department'],
    board: [units.boardByCode, 'a study board'],
  } as const;
  managers.forEach((manager: unknown, index) => {
    if (!isRecord(manager) || !isRecord(manager.scope)) return;
    for (const [kind, [known, noun]] of Object.entries(byKind)) {
      const code = manager.scope[kind];
      if (typeof code === 'string' && !known.has(code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['managers', index, 'scope', kind],
          message: `"${code}" is not ${noun} (known: ${knownCodes(known)})`,
        });
      }
    }
  });
}

function unitsOf(config: Readonly<Record<string, unknown>>, key: string): Unit[] {
  const list = config[key];
  if (!Array.isArray(list)) return [];
  const units: Unit[] = [];
  list.forEach((entry: unknown, index) => {
    if (isRecord(entry) && typeof entry.code === 'string') units.push({ index, code: entry.code, entry });
  });
  return units;
}

/** The first unit per code; every later one with the same code is an issue. */
function uniqueCodes(
  units: readonly Unit[],
  listKey: string,
  noun: string,
  ctx: IssueSink,
): Map<string, Unit> {
  const byCode = new Map<string, Unit>();
  for (const unit of units) {
    const first = byCode.get(unit.code);
    if (first === undefined) {
      byCode.set(unit.code, unit);
    } else {
      ctx.addIssue({
        code: 'custom',
        path: [listKey, unit.index, 'code'],
        message: `duplicate ${noun} code "${unit.code}" (also ${listKey}[${first.index}])`,
      });
    }
  }
  return byCode;
}

/** Checks `unit[field]` names a known unit; returns that unit when it does. */
function checkReference(
  unit: Unit,
  listKey: string,
  field: string,
  known: ReadonlyMap<string, Unit>,
  noun: string,
  ctx: IssueSink,
): Unit | undefined {
  const code = unit.entry[field];
  if (typeof code !== 'string') return undefined;
  const target = known.get(code);
  if (target === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [listKey, unit.index, field],
      message: `"${code}" is not ${noun} (known: ${knownCodes(known)})`,
    });
  }
  return target;
}

function uniqueChannels(
  boards: readonly Unit[],
  channel: 'slack' | 'teams' | 'console',
  ctx: IssueSink,
): void {
  const boardByChannel = new Map<string, Unit>();
  for (const board of boards) {
    const channels = isRecord(board.entry.channels) ? board.entry.channels : {};
    const configured = channels[channel];
    // The console channel defaults to the board code in lower case.
    const name =
      typeof configured === 'string' ? configured : channel === 'console' ? board.code.toLowerCase() : null;
    if (name === null) continue;
    const first = boardByChannel.get(name);
    if (first === undefined) {
      boardByChannel.set(name, board);
    } else {
      ctx.addIssue({
        code: 'custom',
        path: ['boards', board.index, 'channels', channel],
        message: `${channel} channel "${name}" is also the channel of board ${first.code}; each board needs its own`,
      });
    }
  }
}

function knownCodes(known: ReadonlyMap<string, Unit>): string {
  return known.size === 0 ? 'none' : [...known.keys()].join(', ');
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
