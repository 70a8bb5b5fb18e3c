/** The part of zod's refinement context the check uses (as in `config-references.ts`). */
interface IssueSink {
  addIssue(issue: { code: 'custom'; message: string; path: (string | number)[] }): void;
}

/**
 * The `mail:` section's references into the rest of the configuration: an
 * override's board or department and a board's own settings must name a unit
 * of the file, and a template/language has at most one override per scope
 * (two would leave it to the order of the file which one counts). Runs on a
 * value whose entries may be malformed, so it reads every field defensively.
 */
export function checkMailReferences(config: unknown, ctx: IssueSink): void {
  if (!isRecord(config) || !isRecord(config.mail)) return;
  const known = {
    board: codesOf(config.boards),
    department: codesOf(config.departments),
  };
  const nouns = { board: 'a study board', department: 'a department' } as const;
  const { overrides, boards } = config.mail;
  if (isRecord(boards)) {
    for (const code of Object.keys(boards)) {
      if (!known.board.includes(code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['mail', 'boards', code],
          message: `"${code}" is not ${nouns.board} (known: ${listed(known.board)})`,
        });
      }
    }
  }
  if (!Array.isArray(overrides)) return;
  const firstIndexByKey = new Map<string, number>();
  overrides.forEach((override: unknown, index) => {
    if (!isRecord(override)) return;
    const scope = override.scope;
    for (const kind of ['board', 'department'] as const) {
      const code = isRecord(scope) ? scope[kind] : undefined;
      if (typeof code === 'string' && !known[kind].includes(code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['mail', 'overrides', index, 'scope', kind],
          message: `"${code}" is not ${nouns[kind]} (known: ${listed(known[kind])})`,
        });
      }
    }
    const key = overrideKey(override);
    if (key === null) return;
    const first = firstIndexByKey.get(key);
    if (first === undefined) {
      firstIndexByKey.set(key, index);
    } else {
      ctx.addIssue({
        code: 'custom',
        path: ['mail', 'overrides', index],
        message: `a second override of ${key} (the first is mail.overrides[${first}]); put its parts in one`,
      });
    }
  });
}

/** `red/da for board SN-DAT`, or null while the override is too malformed to say. */
function overrideKey(override: Readonly<Record<string, unknown>>): string | null {
  const { scope, template, language } = override;
  if (typeof template !== 'string' || typeof language !== 'string') return null;
  const where =
    scope === 'institution'
      ? 'the institution'
      : isRecord(scope) && typeof scope.board === 'string'
        ? `board ${scope.board}`
        : isRecord(scope) && typeof scope.department === 'string'
          ? `department ${scope.department}`
          : null;
  return where === null ? null : `${template}/${language} for ${where}`;
}

function codesOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) =>
    isRecord(entry) && typeof entry.code === 'string' ? [entry.code] : [],
  );
}

function listed(codes: readonly string[]): string {
  return codes.length === 0 ? 'none' : codes.join(', ');
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
